// The 2025 React connections page, rebuilt from a verbatim capture of one
// card (docs/LINKEDIN.md, "react-2025"; the capture is the comment in the
// exporter script `getLinkedInContacts`, code-index file id 48742132112, and
// tools targeting it: spiritix/linkedin-bulk-remover
// `linkedin-bulk-connection-remover.user.js`, the jQuery CRM exporter file id
// 54020034841, the bulk-checkbox extension file id 59996376636):
// - hashed class names that change with every build (and, here, every load);
// - two `ConnectionsPage_ConnectionsList` nodes, the inner one the lazy
//   column holding the rows;
// - ONE `div[data-view-name="connections-list"][data-display-contents]`
//   wrapper PER CARD, the card its `div[componentkey^="auto-component-"]`;
// - the avatar link first (its only text the image alt "<Name>’s profile
//   picture"), then the profile link WRAPPING `<p><a>Name</a></p><p>Headline</p>`,
//   then `<p>Connected on …</p>` outside it;
// - "Show more actions" (the same label on every card) opening a menu of
//   `div[role="button"]` items, confirmed by `button[data-view-name="connections-remove"]`
//   (spiritix); the menu and dialog attached at the end of body (an
//   inference: every tool searches them document-wide);
// - "Load more" as `button > span > span` after the list (the capture).
// Not in the evidence, kept as the mock's own choices and marked so in
// docs/LINKEDIN.md: the dialog's role="dialog" and wording, the menu's other
// items, and late "Connected on" lines (`lateDatesMs`).
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const { el, hashed, later, person, say, AVATAR } = mock;
  const SVG = "http://www.w3.org/2000/svg";

  /**
   * A dialog attached to the end of the body.
   * @param {{ title: string, body: string, confirm: string, confirmView: string, onConfirm: (close: () => void) => void }} content
   */
  function dialog({ title, body, confirm, confirmView, onConfirm }) {
    const close = () => portal.remove();
    const confirmButton = el("button", {
      class: hashed("button", "primary"),
      type: "button",
      "data-view-name": confirmView,
      text: confirm,
    });
    const cancel = el("button", {
      class: hashed("button", "secondary"),
      type: "button",
      text: say("cancel"),
    });
    const dismiss = el("button", {
      class: hashed("dismiss"),
      type: "button",
      "aria-label": say("dismiss"),
    });
    const portal = el("div", { class: hashed("portal") }, [
      el("div", { class: hashed("backdrop") }, [
        el("div", { class: hashed("dialog"), role: "dialog", "aria-modal": "true" }, [
          dismiss,
          el("h2", { class: hashed("dialog-title"), text: title }),
          el("p", { class: hashed("dialog-body"), text: body }),
          el("div", { class: hashed("dialog-actions") }, [cancel, confirmButton]),
        ]),
      ]),
    ]);
    mock.dialogButtons({ dismiss, cancel, confirm: confirmButton }, close, onConfirm);
    document.body.append(portal);
  }

  /** The capture's placeholder avatar: an svg labelled like the img. */
  function placeholder(label) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("aria-hidden", "false");
    svg.setAttribute("viewBox", "0 0 128 128");
    svg.setAttribute("aria-label", label);
    return svg;
  }

  let keys = 0;
  /** componentkey="auto-component-<uuid>"-like keys, different per render. */
  const autoKey = (prefix) =>
    `${prefix}${(Date.now() + (keys += 1)).toString(16)}-${Math.random().toString(16).slice(2, 10)}`;

  window.MockLinkedIn.routes.connections = function renderReact(main, state, signal) {
    const { data, delayAfter } = mock.startConnections(main);
    let shown = 0;
    let loading = false;
    let rendered = false;

    const countLine = el("p", {
      class: hashed("count", "t-16"),
      text: say("connectionsTotal", { n: state.shown.connections }),
    });
    const header = el(
      "div",
      {
        class: hashed("list-header"),
        componentkey: "ConnectionsPage_ConnectionsListHeader",
      },
      [countLine],
    );

    const column = el("div", {
      class: hashed("lazy-column"),
      componentkey: "ConnectionsPage_ConnectionsList",
      "data-component-type": "LazyColumn",
      "data-testid": "lazy-column",
    });
    const outer = el(
      "div",
      { class: hashed("list-outer"), componentkey: "ConnectionsPage_ConnectionsList" },
      [column],
    );
    const spinner = el("div", {
      class: hashed("spinner"),
      role: "progressbar",
      "aria-label": say("loading"),
    });
    const loadMoreButton = el("button", { class: hashed("button", "load-more"), type: "button" }, [
      el("span", { class: hashed("button-inner") }, [
        el("span", { class: hashed("button-text"), text: say("loadMore") }),
      ]),
    ]);
    const footer = el("div", { class: hashed("list-footer") });

    function removeFlow(p, wrapper) {
      mock.removalDialog(p.href, dialog, {
        saved: {
          body: `The post by ${p.name} will be removed from your saved items.`,
          confirm: "Remove",
          confirmView: "saved-items-remove",
        },
        remove: {
          // The wording public clones of LinkedIn's UI reproduce (evidence.md §1.M).
          body: say("dialogTextOlder", { name: p.name }),
          confirm: say("confirmOlder"),
          confirmView: "connections-remove",
        },
        removed() {
          data.drop(p.href);
          shown -= 1;
          if (!state.faults.staleTotal) {
            countLine.textContent = say("connectionsTotal", { n: mock.formatTotal(data.total) });
          }
          later(signal, state.faults.lingerMs, () => wrapper.remove());
        },
      });
    }

    function card(row) {
      const p = person(row);
      const trigger = el("button", {
        class: hashed("more-button"),
        type: "button",
        componentkey: autoKey(""),
        "aria-label": say("showMoreActions"),
        "data-view-name": "connections-remove-connection-dropdown",
        "aria-expanded": "false",
      });
      const alt = say("profilePictureAlt", { name: p.name });
      const connected = el("p", { class: hashed("connected-on", "muted") });
      if (state.lateDatesMs > 0) {
        later(signal, state.lateDatesMs, () => {
          connected.textContent = p.connectedText;
        });
      } else connected.textContent = p.connectedText;
      const nameKey = autoKey("");
      const node = el(
        "div",
        { class: hashed("card", "card-layout"), componentkey: autoKey("auto-component-") },
        [
          el(
            "a",
            {
              tabindex: "0",
              class: hashed("avatar-link"),
              href: p.href,
              "data-view-name": "connections-profile",
              style: "height: 7.2rem; width: 7.2rem;",
            },
            [
              el("figure", { class: hashed("figure"), "data-view-name": "image" }, [
                placeholder(alt),
                el("img", { class: hashed("avatar"), src: AVATAR, alt }),
              ]),
            ],
          ),
          el("div", { class: hashed("text-column") }, [
            el("div", { class: hashed("text-inner") }, [
              el(
                "a",
                {
                  tabindex: "0",
                  class: hashed("name-link"),
                  href: p.href,
                  componentkey: nameKey,
                  "data-view-name": "connections-profile",
                },
                [
                  el("div", { class: hashed("name-block"), componentkey: nameKey }, [
                    el("p", { class: hashed("name-line", "t-bold") }, [
                      el("a", { class: hashed("name-anchor"), href: p.href, text: p.name }),
                    ]),
                    p.headline === null
                      ? null
                      : el("p", { class: hashed("headline"), text: p.headline }),
                  ]),
                ],
              ),
              connected,
            ]),
          ]),
          el("div", { class: hashed("actions") }, [
            el("div", { class: hashed("actions-inner") }, [
              el(
                "div",
                {
                  class: hashed("display-contents"),
                  "data-view-name": "message-button",
                  "data-display-contents": "true",
                },
                [
                  el(
                    "a",
                    {
                      class: hashed("message-button"),
                      "aria-disabled": "false",
                      href: "/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAmock",
                      "aria-label": say("message"),
                    },
                    [el("span", {}, [el("span", { text: say("message") })])],
                  ),
                ],
              ),
              trigger,
            ]),
          ]),
        ],
      );
      const wrapper = el(
        "div",
        {
          class: hashed("display-contents"),
          "data-view-name": "connections-list",
          "data-display-contents": "true",
        },
        [node],
      );

      mock.cardMenu(trigger, {
        // The item's text sits in a <p> (spiritix; file ids 37235230186, 27364370114).
        entry: (label) =>
          el("div", { class: hashed("menu-item"), role: "button", tabindex: "0" }, [
            el("p", { class: hashed("menu-label"), text: label }),
          ]),
        wrap: (entries) =>
          el("div", { class: hashed("popover") }, [
            el("div", { class: hashed("popover-content") }, entries),
          ]),
        place: (popover) => document.body.append(popover),
        onRemove: () => removeFlow(p, wrapper),
      });
      return wrapper;
    }

    function updateFooter() {
      const more = shown < data.matching().length;
      mock.showFooter(footer, { loading, more, spinner, button: loadMoreButton });
    }

    function appendPage() {
      const next = data.matching().slice(shown, shown + state.pageSize);
      column.append(...next.map(card));
      shown += next.length;
    }

    function loadMore() {
      if (!rendered || loading || shown >= data.matching().length) return;
      loading = true;
      updateFooter();
      later(signal, delayAfter(shown), () => {
        appendPage();
        loading = false;
        updateFooter();
      });
    }

    const nearBottom = () =>
      window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 600;
    loadMoreButton.addEventListener("click", loadMore);
    // "scroll": the window's scroll loads more; "wheel": only wheel events
    // do (a scroll alone loads nothing); "load-more": only the button.
    window.addEventListener(
      "scroll",
      () => {
        if (state.paging === "scroll" && nearBottom()) loadMore();
      },
      { signal },
    );
    mock.loadOnWheel(window, signal, nearBottom, loadMore);

    const search = el("input", {
      class: hashed("search"),
      type: "search",
      placeholder: say("searchByName"),
      "aria-label": say("searchByName"),
    });
    mock.nameSearch(search, signal, data, () => {
      column.replaceChildren();
      shown = 0;
      appendPage();
      updateFooter();
    });

    later(signal, state.renderDelayMs, () => {
      const page = el("div", { class: hashed("page") }, [
        el("div", { class: hashed("header") }, [
          header,
          el("div", { class: hashed("controls") }, [
            el("p", { class: hashed("sort"), text: say("sortBy") }),
            search,
          ]),
        ]),
        outer,
        footer,
      ]);
      appendPage();
      rendered = true;
      updateFooter();
      mock.showPage(main, page);
    });
  };
})();
