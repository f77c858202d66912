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
        const tablist = followTabs(route, state.shown);
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

  /**
   * The Following / Followers tabs, `selected` marked, each with its total
   * where `shown` gives them (the followers list's page states none).
   * @param {"following" | "followers"} selected
   * @param {Record<string, string> | null} shown
   */
  function followTabs(selected, shown) {
    const tablist = el("div", { class: "artdeco-tablist", role: "tablist" });
    for (const [key, tab] of Object.entries(TABS)) {
      const isSelected = key === selected;
      tablist.append(
        el(
          "a",
          {
            class: `artdeco-tab ember-view${isSelected ? " active" : ""}`,
            role: "tab",
            href: tab.path,
            "aria-selected": isSelected ? "true" : "false",
          },
          [
            el("span", { class: "artdeco-tab__label", text: tab.label }),
            shown ? " " : null,
            shown ? el("span", { class: "artdeco-tab__count", text: `(${shown[key]})` }) : null,
          ],
        ),
      );
    }
    return tablist;
  }

  /**
   * A list of the network manager that loads `page.pageSize` rows at a
   * time, on scrolling near the bottom or (`page.paging` "load-more") on
   * "Show more results". `hold()` may keep a load from happening (a
   * fault): it answers true when it took over.
   * @param {{ rows: unknown[], pageSize: number, paging: string }} page
   * @param {{ pageDelayMs: number }} state
   * @param {AbortSignal} signal
   * @param {(row: any, index: number) => Element} row
   * @param {(shown: number, footer: Element) => boolean} [hold]
   */
  function pagedList(page, state, signal, row, hold = () => false) {
    let shown = 0;
    let loading = false;
    let rendered = false;
    const list = el("ul", { class: "reusable-search__entity-result-list list-style-none" });
    const loadButton = el(
      "button",
      {
        class: "scaffold-finite-scroll__load-button artdeco-button artdeco-button--muted",
        type: "button",
      },
      [el("span", { class: "artdeco-button__text", text: "Show more results" })],
    );
    const footer = el("div", { class: "scaffold-finite-scroll__footer" });
    function appendPage() {
      const next = page.rows.slice(shown, shown + page.pageSize);
      list.append(...next.map((r, i) => row(r, shown + i)));
      shown += next.length;
      if (shown < page.rows.length && page.paging === "load-more")
        footer.replaceChildren(loadButton);
      else footer.replaceChildren();
    }
    function loadMore() {
      if (!rendered || loading || shown >= page.rows.length || hold(shown, footer)) return;
      loading = true;
      loadButton.disabled = true;
      later(signal, state.pageDelayMs, () => {
        appendPage();
        loading = false;
        loadButton.disabled = false;
      });
    }
    loadButton.addEventListener("click", loadMore);
    if (page.paging === "scroll") {
      window.addEventListener(
        "scroll",
        () => {
          const bottom = window.scrollY + window.innerHeight;
          if (bottom >= document.documentElement.scrollHeight - 300) loadMore();
        },
        { signal },
      );
    }
    return {
      /** The list with its first rows, ready to show. */
      start() {
        rendered = true;
        appendPage();
        return el("div", { class: "scaffold-finite-scroll scaffold-finite-scroll--infinite" }, [
          el("div", { class: "scaffold-finite-scroll__content" }, [list]),
          footer,
        ]);
      },
    };
  }

  window.MockLinkedIn.followTabs = followTabs;
  window.MockLinkedIn.pagedList = pagedList;
  window.MockLinkedIn.routes.followers = render("followers");
  window.MockLinkedIn.routes.following = render("following");
})();
