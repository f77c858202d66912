// "Following & followers" in My Network's network manager, still in the
// artdeco markup: two tabs that carry their totals, and a list of people.
(function () {
  "use strict";

  const { el, later, skeleton, person, say, AVATAR } = window.MockLinkedIn;

  const TABS = {
    following: {
      label: say("followingTab"),
      path: "/mynetwork/network-manager/people-follow/following/",
    },
    followers: {
      label: say("followersTab"),
      path: "/mynetwork/network-manager/people-follow/followers/",
    },
  };

  function render(route) {
    return function renderNetworkManager(main, state, signal) {
      document.title = `${TABS[route].label} | LinkedIn`;
      main.append(skeleton(3));
      later(signal, state.renderDelayMs, () => {
        const tablist = el("div", { class: "artdeco-tablist", role: "tablist" });
        for (const [key, tab] of Object.entries(TABS)) {
          const selected = key === route;
          tablist.append(
            el(
              "a",
              {
                class: `artdeco-tab ember-view${selected ? " active" : ""}`,
                role: "tab",
                href: tab.path,
                "aria-selected": selected ? "true" : "false",
              },
              [
                el("span", { class: "artdeco-tab__label", text: tab.label }),
                " ",
                el("span", { class: "artdeco-tab__count", text: `(${state.shown[key]})` }),
              ],
            ),
          );
        }
        const list = el("ul", { class: "mn-network-manager__list" });
        for (const row of state.people) {
          const p = person(row);
          list.append(
            el("li", { class: "follows-recommendation-card artdeco-list__item" }, [
              el("a", { class: "follows-recommendation-card__avatar-link", href: p.href }, [
                el("img", { src: AVATAR, alt: p.name }),
              ]),
              el("a", { class: "follows-recommendation-card__name", href: p.href, text: p.name }),
              p.headline === null
                ? null
                : el("p", { class: "follows-recommendation-card__headline", text: p.headline }),
              el("button", {
                class: "artdeco-button artdeco-button--secondary",
                type: "button",
                "aria-pressed": route === "following" ? "true" : "false",
                text: route === "following" ? say("followingTab") : say("follow"),
              }),
            ]),
          );
        }
        main.replaceChildren(
          el("section", { class: "mn-network-manager artdeco-card" }, [
            el("h1", { class: "t-20 t-black t-normal", text: say("followsHeading") }),
            el("div", { class: "artdeco-tabs" }, [tablist]),
            list,
          ]),
        );
        main.removeAttribute("aria-busy");
      });
    };
  }

  window.MockLinkedIn.routes.followers = render("followers");
  window.MockLinkedIn.routes.following = render("following");
})();
