// A profile page. The member's own profile carries edit controls (the pencil
// link to /in/<slug>/edit/..., "Add profile section"); anyone else's carries
// Connect, Message and Follow instead. Both show follower and connection
// counts, and an Interests section whose company follower counts are not the
// member's.
(function () {
  "use strict";

  const { el, later, skeleton, sayAround, AVATAR } = window.MockLinkedIn;

  const INTERESTS = [
    ["Microsoft", "24,731,902 followers"],
    ["Northwind Traders", "3.1K followers"],
  ];

  window.MockLinkedIn.routes.profile = function renderProfile(main, state, signal) {
    const profile = state.profile;
    document.title = `${profile.name} | LinkedIn`;
    main.append(skeleton(3));
    later(signal, state.renderDelayMs, () => {
      const actions = profile.own
        ? [
            el("button", {
              class: "artdeco-button artdeco-button--primary",
              type: "button",
              text: "Open to",
            }),
            el("button", {
              class: "artdeco-button artdeco-button--secondary",
              type: "button",
              text: "Add profile section",
            }),
            el("button", {
              class: "artdeco-button artdeco-button--secondary",
              type: "button",
              text: "Enhance profile",
            }),
            el("button", {
              class: "artdeco-button artdeco-button--muted",
              type: "button",
              text: "Resources",
            }),
          ]
        : [
            el("button", {
              class: "artdeco-button artdeco-button--primary",
              type: "button",
              "aria-label": `Invite ${profile.name} to connect`,
              text: "Connect",
            }),
            el("button", {
              class: "artdeco-button artdeco-button--secondary",
              type: "button",
              text: "Message",
            }),
            el("button", {
              class: "artdeco-button artdeco-button--secondary",
              type: "button",
              "aria-label": `Follow ${profile.name}`,
              text: "Follow",
            }),
          ];

      const topCard = el("section", { class: "artdeco-card pv-top-card" }, [
        el("img", { class: "pv-top-card-profile-picture__image", src: AVATAR, alt: profile.name }),
        profile.own
          ? el("a", {
              class: "artdeco-button artdeco-button--circle artdeco-button--tertiary",
              href: `${profile.slugPath}edit/forms/intro/new/`,
              "aria-label": "Edit intro",
            })
          : null,
        el("div", { class: "mt2 relative" }, [
          el("h1", { class: "text-heading-xlarge inline t-24 v-align-middle", text: profile.name }),
          profile.headline === null
            ? null
            : el("div", { class: "text-body-medium break-words", text: profile.headline }),
          el("span", {
            class: "text-body-small inline t-black--light break-words",
            text: "Lisbon, Portugal",
          }),
        ]),
        el("ul", { class: "pv-top-card--list pv-top-card--list-bullet" }, [
          el(
            "li",
            { class: "text-body-small" },
            sayAround(
              "followersCount",
              "n",
              el("span", { class: "t-bold", text: profile.followers }),
            ),
          ),
          el("li", { class: "text-body-small" }, [
            el(
              "a",
              { class: "ember-view", href: "/mynetwork/invite-connect/connections/" },
              sayAround(
                "connectionsCount",
                "n",
                el("span", { class: "t-bold", text: profile.connections }),
              ),
            ),
          ]),
        ]),
        el("div", { class: "pv-top-card-v2-ctas" }, actions),
      ]);

      const interests = el("section", { class: "artdeco-card", id: "interests" }, [
        el("h2", { class: "pvs-header__title", text: "Interests" }),
      ]);
      for (const [company, followers] of INTERESTS) {
        interests.append(
          el("div", { class: "pvs-entity" }, [
            el("span", { class: "t-bold", text: company }),
            el("span", { class: "t-14 t-black--light", text: followers }),
          ]),
        );
      }

      main.replaceChildren(
        topCard,
        el("section", { class: "artdeco-card", id: "about" }, [
          el("h2", { text: "About" }),
          el("p", { text: "Building things people use." }),
        ]),
        interests,
      );
      main.removeAttribute("aria-busy");
    });
  };
})();
