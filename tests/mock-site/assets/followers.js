// The followers page of My Network's network manager with its people
// (`createMockSite({ followersList })`), replacing the older card list that
// network-manager.js renders for it. Evidence, all from
// docs/research/2026-12-05-invitations-and-follows.md section 3:
// - the path /mynetwork/network-manager/people-follow/followers/ (id
//   21227386840's EXPECTED_PATHNAME; frasermarlow/li-unfollow README; id
//   45301083508);
// - generation "search-entity": cards `div[data-view-name="search-entity-
//   result-universal-template"]`, "usually two links: image and name", the
//   name link holding `<span class="visually-hidden">Status is reachable
//   </span>` before the name, the headline `div.t-14.t-black.t-normal` (id
//   45301083508, a scraping tutorial's selectors and its example markup);
// - generation "follows-cards": `.follows-recommendation-card` with
//   `.follows-recommendation-card__name` and `__occupation` (ids 67255417187,
//   30663031238; id 21227386840 looks for the card on this path);
// - each card's follow-back button, `span.artdeco-button__text` "Following"
//   when the member follows them too (frasermarlow `li-unfollow-from-
//   followers-list.js` @a2b0f406; id 21227386840), else "Follow" (the
//   following page's Follow state, research 2.2); some rows show no button
//   (the mock's own case: netprune must not guess);
// - about the newest 1,000 listed (frasermarlow README): the mock lists what
//   it is given, which tests keep small;
// - no total on the page itself (research 3, "not found"): the tabs carry
//   no count here;
// - no per-follower removal control (research 3): none is drawn, and the
//   follow-back button does nothing (netprune must never press it).
// The list's faults are the collect path's: a security checkpoint instead of
// the next load, and a load that never comes (a spinner that stays).
// The wrapper, paging and load button are the following page's (mock's own).
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const { el, later, say, AVATAR } = mock;

  window.MockLinkedIn.routes.followers = function renderFollowers(main, state, signal) {
    const page = state.followersList;
    document.title = `${say("followersTab")} | LinkedIn`;
    main.append(mock.skeleton(3));
    /** The follow-back button, or null: "Following", "Follow", or none. */
    function followBack(following) {
      if (following === null) return null;
      return el(
        "button",
        {
          class: "artdeco-button artdeco-button--2 artdeco-button--secondary ember-view",
          type: "button",
          "aria-pressed": following ? "true" : "false",
        },
        [
          el("span", {
            class: "artdeco-button__text",
            text: say(following ? "followingTab" : "follow"),
          }),
        ],
      );
    }

    function searchEntityRow([href, name, headline, member, back]) {
      return el("li", { class: "reusable-search__result-container" }, [
        el("div", { "data-view-name": "search-entity-result-universal-template" }, [
          el("a", { class: "app-aware-link", href }, [el("img", { src: AVATAR, alt: "" })]),
          el("div", { class: "entity-result__content" }, [
            el("span", { class: "entity-result__title-text" }, [
              el("a", { class: "app-aware-link", href }, [
                member
                  ? el("span", { class: "visually-hidden", text: "Status is reachable" })
                  : null,
                el("span", { "aria-hidden": "true", text: name }),
              ]),
            ]),
            headline === null
              ? null
              : el("div", { class: "t-14 t-black t-normal", text: headline }),
          ]),
          el("div", { class: "entity-result__actions" }, [followBack(back)]),
        ]),
      ]);
    }

    function cardRow([href, name, headline, , back]) {
      return el("li", { class: "follows-recommendation-card artdeco-list__item" }, [
        el("a", { class: "follows-recommendation-card__avatar-link", href }, [
          el("img", { src: AVATAR, alt: "" }),
        ]),
        el("a", { class: "follows-recommendation-card__name", href, text: name }),
        headline === null
          ? null
          : el("p", { class: "follows-recommendation-card__occupation", text: headline }),
        followBack(back),
      ]);
    }

    const row = page.generation === "follows-cards" ? cardRow : searchEntityRow;

    let stalled = false;
    // The faults: a checkpoint instead of the next load, or a load that
    // never comes (LinkedIn's spinner stays, and nobody more ever comes).
    const rows = mock.pagedList(page, state, signal, row, (shown, footer) => {
      if (stalled) return true;
      if (page.faults.checkpointAt !== null && shown >= page.faults.checkpointAt) {
        mock.navigate(page.checkpoint);
        return true;
      }
      if (page.faults.stallAt !== null && shown >= page.faults.stallAt) {
        stalled = true;
        footer.replaceChildren(
          el("div", { class: "artdeco-loader artdeco-loader--small", role: "progressbar" }),
        );
        return true;
      }
      return false;
    });

    later(signal, state.renderDelayMs, () => {
      // No total on the followers page itself (research 3): tabs without counts.
      const tablist = mock.followTabs("followers", null);
      const list = rows.start();
      mock.showPage(
        main,
        el("section", { class: "mn-network-manager artdeco-card" }, [
          el("h1", { class: "t-20 t-black t-normal", text: say("followsHeading") }),
          el("div", { class: "artdeco-tabs" }, [tablist]),
          list,
        ]),
      );
    });
  };
})();
