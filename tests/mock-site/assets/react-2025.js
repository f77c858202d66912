// The 2025 React connections page: hashed class names that change with every
// build, data-view-name attributes, the name and headline in plain <p>
// elements, absolute profile URLs, and infinite scroll on the window.
(function () {
  "use strict";

  const { el, hashed, later, skeleton, pageLoads, person, AVATAR } = window.MockLinkedIn;

  function card(row) {
    const p = person(row);
    return el("div", { class: hashed("card", "card-layout") }, [
      el(
        "a",
        { class: hashed("avatar-link"), href: p.href, "data-view-name": "connections-profile" },
        [
          el("figure", { class: hashed("figure") }, [
            el("img", { class: hashed("avatar"), src: AVATAR, alt: `${p.name}’s profile picture` }),
          ]),
        ],
      ),
      el("div", { class: hashed("text-column") }, [
        el("p", { class: hashed("name-line", "t-bold") }, [
          el("a", {
            class: hashed("name-link"),
            href: p.href,
            "data-view-name": "connections-profile",
            text: p.name,
          }),
        ]),
        p.headline === null ? null : el("p", { class: hashed("headline"), text: p.headline }),
        el("p", { class: hashed("connected-on", "muted"), text: p.connectedText }),
      ]),
      el("div", { class: hashed("actions") }, [
        el("a", {
          class: hashed("message-button"),
          href: "/messaging/compose/",
          "aria-label": `Message ${p.name}`,
          text: "Message",
        }),
        el("button", {
          class: hashed("more-button"),
          type: "button",
          "aria-label": "Show more actions",
          "data-view-name": "connections-remove-connection-dropdown",
        }),
      ]),
    ]);
  }

  window.MockLinkedIn.routes.connections = function renderReact(main, state, signal) {
    document.title = "Connections | LinkedIn";
    main.append(skeleton(4));
    let shown = 0;
    let loading = false;
    let rendered = false;
    const delayAfter = pageLoads(state);

    // The cards sit in one wrapper inside the list element, as React's
    // virtual-scroller host did.
    const items = el("div", { class: hashed("list-items") });
    const list = el("div", { class: hashed("list"), "data-view-name": "connections-list" }, [
      items,
    ]);
    const spinner = el("div", {
      class: hashed("spinner"),
      role: "progressbar",
      "aria-label": "Loading",
    });

    function appendPage() {
      const next = state.people.slice(shown, shown + state.pageSize);
      items.append(...next.map(card));
      shown += next.length;
    }

    function loadMore() {
      if (!rendered || loading || shown >= state.people.length) return;
      loading = true;
      list.after(spinner);
      later(signal, delayAfter(shown), () => {
        spinner.remove();
        appendPage();
        loading = false;
      });
    }

    window.addEventListener(
      "scroll",
      () => {
        const bottom = window.scrollY + window.innerHeight;
        if (bottom >= document.documentElement.scrollHeight - 600) loadMore();
      },
      { signal },
    );

    later(signal, state.renderDelayMs, () => {
      const page = el("div", { class: hashed("page") }, [
        el("div", { class: hashed("header") }, [
          el("p", {
            class: hashed("count", "t-16"),
            text: `${state.shown.connections} connections`,
          }),
          el("div", { class: hashed("controls") }, [
            el("p", { class: hashed("sort"), text: "Sort by: Recently added" }),
            el("input", {
              class: hashed("search"),
              type: "search",
              placeholder: "Search by name",
              "aria-label": "Search by name",
            }),
          ]),
        ]),
        list,
      ]);
      appendPage();
      rendered = true;
      main.replaceChildren(page);
      main.removeAttribute("aria-busy");
    });
  };
})();
