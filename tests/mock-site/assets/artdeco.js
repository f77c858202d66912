// The Artdeco/Ember connections page (about 2019-2024): stable BEM class
// names, a "Connected 2 weeks ago" time badge, and a finite scroll that pages
// in when the window nears the bottom or "Show more results" is pressed (only
// on the button, with paging "load-more").
(function () {
  "use strict";

  const { el, later, skeleton, pageLoads, person, AVATAR } = window.MockLinkedIn;
  let emberId = 1000;
  const ember = () => `ember${(emberId += 1)}`;

  function card(row) {
    const p = person(row);
    // Ember templates leave their indentation in text nodes; the reader must
    // collapse whitespace rather than expect tight text.
    const padded = (text) => `\n          ${text}\n        `;
    const link = el(
      "a",
      { class: "mn-connection-card__link ember-view", id: ember(), href: p.href },
      [
        el("span", { class: "visually-hidden", text: "Member’s name" }),
        el("span", { class: "mn-connection-card__name t-16 t-black t-bold", text: padded(p.name) }),
        el("span", { class: "visually-hidden", text: "Member’s occupation" }),
        p.headline === null
          ? null
          : el("span", {
              class: "mn-connection-card__occupation t-14 t-black--light t-normal",
              text: padded(p.headline),
            }),
        el("time", {
          class: "time-badge t-12 t-black--light t-normal",
          text: padded(p.connectedText),
        }),
      ],
    );
    return el("li", { class: "mn-connection-card artdeco-list ember-view", id: ember() }, [
      el("a", { class: "mn-connection-card__picture ember-view", id: ember(), href: p.href }, [
        el("img", {
          class: "presence-entity__image EntityPhoto-circle-5",
          src: AVATAR,
          alt: p.name,
        }),
      ]),
      link,
      el("div", { class: "mn-connection-card__action-container" }, [
        el("button", {
          class: "message-anywhere-button artdeco-button artdeco-button--secondary",
          "aria-label": `Send a message to ${p.name}`,
          type: "button",
          text: "Message",
        }),
        el("div", { class: "artdeco-dropdown mn-connection-card__dropdown", id: ember() }, [
          el("button", {
            class: "artdeco-dropdown__trigger artdeco-button artdeco-button--tertiary",
            "aria-label": `More actions for ${p.name}`,
            "aria-expanded": "false",
            type: "button",
          }),
        ]),
      ]),
    ]);
  }

  window.MockLinkedIn.routes.connections = function renderArtdeco(main, state, signal) {
    document.title = "Connections | LinkedIn";
    main.append(skeleton(4));
    let shown = 0;
    let loading = false;
    let rendered = false;
    const delayAfter = pageLoads(state);

    const list = el("ul", { class: "mn-connection-cards" });
    const loadButton = el("button", {
      class: "scaffold-finite-scroll__load-button artdeco-button artdeco-button--muted",
      type: "button",
    });
    loadButton.append(el("span", { class: "artdeco-button__text", text: "Show more results" }));
    const footer = el("div", { class: "scaffold-finite-scroll__footer" }, [loadButton]);

    function appendPage() {
      const next = state.people.slice(shown, shown + state.pageSize);
      list.append(...next.map(card));
      shown += next.length;
      if (shown >= state.people.length) footer.remove();
    }

    function loadMore() {
      if (!rendered || loading || shown >= state.people.length) return;
      loading = true;
      loadButton.disabled = true;
      later(signal, delayAfter(shown), () => {
        appendPage();
        loading = false;
        loadButton.disabled = false;
      });
    }

    loadButton.addEventListener("click", loadMore);
    if (state.paging === "scroll") {
      window.addEventListener(
        "scroll",
        () => {
          const bottom = window.scrollY + window.innerHeight;
          if (bottom >= document.documentElement.scrollHeight - 300) loadMore();
        },
        { signal },
      );
    }

    later(signal, state.renderDelayMs, () => {
      const section = el("section", { class: "mn-connections artdeco-card ember-view" }, [
        el("header", { class: "mn-connections__header" }, [
          el("h1", {
            class: "t-18 t-black t-normal",
            text: `\n    ${state.shown.connections} connections\n  `,
          }),
        ]),
        el("div", { class: "mn-connections__actions-container" }, [
          el("span", { class: "t-14 t-black--light", text: "Sort by: Recently added" }),
          el("div", { class: "mn-connections__search-container" }, [
            el("input", {
              class: "mn-connections__search-input",
              type: "text",
              placeholder: "Search by name",
              "aria-label": "Search by name",
            }),
          ]),
        ]),
        el("div", { class: "scaffold-finite-scroll scaffold-finite-scroll--infinite" }, [
          el("div", { class: "scaffold-finite-scroll__content" }, [list]),
          footer,
        ]),
      ]);
      appendPage();
      rendered = true;
      main.replaceChildren(section);
      main.removeAttribute("aria-busy");
    });
  };
})();
