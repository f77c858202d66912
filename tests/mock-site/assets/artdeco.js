// The Artdeco/Ember connections page (about 2019-2024): stable BEM class
// names, a "Connected 2 weeks ago" time badge, and a finite scroll that pages
// in when the window nears the bottom or "Show more results" is pressed (only
// on the button, with paging "load-more"). Each card's "More actions for
// <Name>" dropdown holds "Remove connection", which opens an artdeco modal
// with a primary "Remove" button; "Search by name" filters the list.
// Evidence (docs/LINKEDIN.md, "artdeco"): `li.mn-connection-card`,
// `.mn-connection-card__name` / `__occupation` (code-index file ids
// 19050637765, 69006276311; dimitri-bourreau/linkedin-removal-helper
// `script.js`), the `<time>` badge (file id 4126270360, gist
// Igloczek/400b550fffebea97827ad962056e2153), the trigger label prefix (gist
// mykeln/51ca1a9c3c8711f4bf801683970dbd43), `.artdeco-modal` and its primary
// confirm (file id 27048575857). The modal's role="alertdialog" is the mock's
// own (not found in the evidence).
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const { el, later, person, say, AVATAR } = mock;
  let emberId = 1000;
  const ember = () => `ember${(emberId += 1)}`;

  function button(attributes, label) {
    return el("button", { type: "button", ...attributes }, [
      el("span", { class: "artdeco-button__text", text: label }),
    ]);
  }

  /**
   * An artdeco modal in the page's modal outlet, shown at once.
   * @param {{ title: string, body: string, confirm: string, onConfirm: () => void }} content
   */
  function modal({ title, body, confirm, onConfirm }) {
    const id = ember();
    const dismiss = el("button", {
      class: "artdeco-modal__dismiss artdeco-button artdeco-button--circle",
      type: "button",
      "aria-label": say("dismiss"),
    });
    const cancel = button({ class: "artdeco-button artdeco-button--secondary" }, say("cancel"));
    const primary = button({ class: "artdeco-button artdeco-button--primary" }, confirm);
    const dialog = el(
      "div",
      {
        class: "artdeco-modal artdeco-modal--layer-default",
        role: "alertdialog",
        tabindex: "-1",
        "aria-labelledby": `${id}-title`,
        "aria-describedby": `${id}-body`,
      },
      [
        dismiss,
        el("div", { class: "artdeco-modal__header" }, [
          el("h2", { id: `${id}-title`, text: title }),
        ]),
        el("div", { class: "artdeco-modal__content" }, [
          el("div", { id: `${id}-body`, text: body }),
        ]),
        el("div", { class: "artdeco-modal__actionbar" }, [cancel, primary]),
      ],
    );
    const overlay = el(
      "div",
      { class: "artdeco-modal-overlay artdeco-modal-overlay--is-top-layer" },
      [dialog],
    );
    mock.dialogButtons({ dismiss, cancel, confirm: primary }, () => overlay.remove(), onConfirm);
    let outlet = document.getElementById("artdeco-modal-outlet");
    if (!outlet) {
      outlet = el("div", { id: "artdeco-modal-outlet" });
      document.body.append(outlet);
    }
    outlet.append(overlay);
  }

  window.MockLinkedIn.routes.connections = function renderArtdeco(main, state, signal) {
    const { data, delayAfter } = mock.startConnections(main);
    let shown = 0;
    let loading = false;
    let rendered = false;

    const heading = el("h1", { class: "t-18 t-black t-normal" });
    const showTotal = () => {
      heading.textContent = `\n    ${say("connectionsTotal", { n: mock.formatTotal(data.total) })}\n  `;
    };
    heading.textContent = `\n    ${say("connectionsTotal", { n: state.shown.connections })}\n  `;

    const list = el("ul", { class: "mn-connection-cards" });
    const loadButton = el("button", {
      class: "scaffold-finite-scroll__load-button artdeco-button artdeco-button--muted",
      type: "button",
    });
    loadButton.append(el("span", { class: "artdeco-button__text", text: say("showMoreResults") }));
    const footer = el("div", { class: "scaffold-finite-scroll__footer" }, [loadButton]);
    const noResults = el("p", { class: "mn-connections__empty t-16", text: say("noResults") });

    function removeFlow(p, card) {
      mock.removalDialog(p.href, modal, {
        saved: {
          body: `This removes the post by ${p.name} from your saved items.`,
          confirm: "Remove",
        },
        remove: {
          body: say("dialogTextOlder", { name: p.name }),
          confirm: say("confirmOlder"),
        },
        removed() {
          data.drop(p.href);
          shown -= 1;
          if (!state.faults.staleTotal) showTotal();
          later(signal, state.faults.lingerMs, () => card.remove());
        },
      });
    }

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
          el("span", {
            class: "mn-connection-card__name t-16 t-black t-bold",
            text: padded(p.name),
          }),
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
      const trigger = el("button", {
        class: "artdeco-dropdown__trigger artdeco-button artdeco-button--tertiary",
        "aria-label": say("moreActionsFor", { name: p.name }),
        "aria-expanded": "false",
        type: "button",
      });
      const dropdown = el(
        "div",
        { class: "artdeco-dropdown mn-connection-card__dropdown", id: ember() },
        [trigger],
      );
      const item = el("li", { class: "mn-connection-card artdeco-list ember-view", id: ember() }, [
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
            "aria-label": say("sendMessageTo", { name: p.name }),
            type: "button",
            text: say("message"),
          }),
          dropdown,
        ]),
      ]);

      // Ember renders the dropdown's content only while it is open.
      mock.cardMenu(trigger, {
        entry: (label) =>
          el("div", { class: "artdeco-dropdown__item", role: "menuitem", tabindex: "0" }, [
            el("span", { class: "display-flex t-normal", text: label }),
          ]),
        wrap: (entries) =>
          el(
            "div",
            {
              class: "artdeco-dropdown__content artdeco-dropdown__content--is-open",
              tabindex: "-1",
            },
            [
              el("div", { class: "artdeco-dropdown__content-inner" }, [
                el(
                  "ul",
                  {},
                  entries.map((entry) => el("li", {}, [entry])),
                ),
              ]),
            ],
          ),
        place: (content) => dropdown.append(content),
        onRemove: () => removeFlow(p, item),
      });
      return item;
    }

    function updateFooter() {
      if (shown < data.matching().length) list.parentElement?.after(footer);
      else footer.remove();
      if (rendered && data.matching().length === 0) list.after(noResults);
      else noResults.remove();
    }

    function appendPage() {
      const next = data.matching().slice(shown, shown + state.pageSize);
      list.append(...next.map(card));
      shown += next.length;
      updateFooter();
    }

    function loadMore() {
      if (!rendered || loading || shown >= data.matching().length) return;
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

    // The name search asks the server again after a pause in typing, and
    // shows the answer from the first result.
    const search = el("input", {
      class: "mn-connections__search-input",
      type: "text",
      placeholder: say("searchByName"),
      "aria-label": say("searchByName"),
    });
    mock.nameSearch(search, signal, data, () => {
      list.replaceChildren();
      shown = 0;
      appendPage();
    });

    later(signal, state.renderDelayMs, () => {
      const content = el("div", { class: "scaffold-finite-scroll__content" }, [list]);
      const section = el("section", { class: "mn-connections artdeco-card ember-view" }, [
        el("header", { class: "mn-connections__header" }, [heading]),
        el("div", { class: "mn-connections__actions-container" }, [
          el("span", { class: "t-14 t-black--light", text: say("sortBy") }),
          el("div", { class: "mn-connections__search-container" }, [search]),
        ]),
        el("div", { class: "scaffold-finite-scroll scaffold-finite-scroll--infinite" }, [content]),
      ]);
      rendered = true;
      appendPage();
      mock.showPage(main, section);
    });
  };
})();
