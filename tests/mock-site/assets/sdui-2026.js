// The server-driven connections page (late 2025-2026), rebuilt from what
// the tools that drive it select (docs/LINKEDIN.md, "sdui-2026"; no public
// capture of a whole card exists): sulhadin/linkedin-cleanup
// `docs/internals.md`, `src/server/actions.ts`; utkuacikgoz/linkedin-cleanup
// `src/linkedin/page/connections.ts`; jonathatbusiness/linkedin-connection-remover
// `src/content/content.js`; Jay-615/linkedin-claude-assistant
// `reference/linkedin-browser-playbook.md`; the 2026 prospecting script file
// id 69513521179.
// - cards `[componentkey^="ConnectionCard_"]`, the key `ConnectionCard_0-<slug>`
//   (the form of utkuacikgoz's hand-written fixture: uncertain);
// - two /in/ links per card (photo, then name); the name link wraps
//   `<p>name</p><p>headline</p>`; then `<p>Connected on June 24, 2026</p>`;
// - "More actions for <Name>", one per card, opening a `[role="menu"]` of
//   `[role="menuitem"]` items at the end of body (found page-wide by every tool);
// - a native `<dialog>` whose confirm button reads "Remove connection" and
//   whose text names only the first name (jonathatbusiness);
// - the search box `[componentkey="connectionsListTypeahead_ConnectionsListTypeahead"]
//   input[data-testid="typeahead-input"]`, React-controlled;
// - a virtualized list in its own scrolling pane: rows scrolled past leave
//   the DOM; more rows arrive on scroll, only on wheel events (`paging:
//   "wheel"`, Jay-615 and file id 69513521179), or only behind "Load more".
// Hashed class names change per load. Late "Connected on" lines
// (`lateDatesMs`) and the menu's other items are the mock's own, not evidence.
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const { el, hashed, later, person, say, AVATAR } = mock;

  /**
   * A native modal dialog at the end of the body.
   * @param {{ title: string, body: string, confirm: string, onConfirm: (close: () => void) => void }} content
   */
  function nativeDialog({ title, body, confirm, onConfirm }) {
    const confirmButton = el("button", {
      class: hashed("button", "primary"),
      type: "button",
      text: confirm,
    });
    const cancel = el("button", { class: hashed("button", "tertiary"), type: "button" }, [
      el("span", { text: say("cancel") }),
    ]);
    const dismiss = el("button", {
      class: hashed("close"),
      type: "button",
      "aria-label": say("dismiss"),
    });
    const dialog = el(
      "dialog",
      { class: hashed("dialog"), "aria-labelledby": "mock-dialog-title" },
      [
        dismiss,
        el("h2", { id: "mock-dialog-title", class: hashed("dialog-title"), text: title }),
        el("p", { class: hashed("dialog-body"), text: body }),
        el("div", { class: hashed("dialog-actions") }, [cancel, confirmButton]),
      ],
    );
    const close = () => {
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      dialog.remove();
    };
    mock.dialogButtons({ dismiss, cancel, confirm: confirmButton }, close, onConfirm);
    document.body.append(dialog);
    // jsdom has no showModal; the open attribute is what it sets.
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  }

  const ROW_HEIGHT = 88;
  const OVERSCAN_ROWS = 8;

  /** `ConnectionCard_0-<slug>`, the slug as the link writes it. */
  function componentKey(href) {
    const match = /\/in\/([^/?#]+)/.exec(href);
    return `ConnectionCard_0-${match ? match[1] : "unknown"}`;
  }

  function card(row, removeFlow, signal) {
    const p = person(row);
    const connected = el("p", { class: hashed("meta", "muted") });
    if (mock.state.lateDatesMs > 0) {
      later(signal, mock.state.lateDatesMs, () => {
        connected.textContent = p.connectedText;
      });
    } else connected.textContent = p.connectedText;
    const trigger = el("button", {
      class: hashed("overflow"),
      type: "button",
      "aria-label": say("moreActionsFor", { name: p.name }),
      "aria-haspopup": "menu",
      "aria-expanded": "false",
    });
    const node = el(
      "div",
      {
        class: hashed("row", "card"),
        componentkey: componentKey(p.href),
        role: "listitem",
        // The height is inline because the list's geometry depends on it;
        // the rest of the row's look is in the page's stylesheet.
        style: `height:${ROW_HEIGHT}px`,
      },
      [
        el("a", { class: hashed("avatar"), href: p.href, tabindex: "-1", "aria-hidden": "true" }, [
          el("img", { class: hashed("photo"), src: AVATAR, alt: "" }),
        ]),
        el("div", { class: hashed("lockup") }, [
          el("a", { class: hashed("title-link"), href: p.href }, [
            el("p", { class: hashed("title", "strong"), text: p.name }),
            p.headline === null ? null : el("p", { class: hashed("subtitle"), text: p.headline }),
          ]),
          connected,
        ]),
        el("div", { class: hashed("actions") }, [
          el("a", { class: hashed("message"), href: "/messaging/compose/", text: say("message") }),
          trigger,
        ]),
      ],
    );

    mock.cardMenu(trigger, {
      entry: (label) =>
        el("div", { class: hashed("menu-entry"), role: "menuitem", tabindex: "0" }, [
          el("span", { class: hashed("menu-text"), text: label }),
        ]),
      wrap: (entries) =>
        el(
          "div",
          { class: hashed("menu"), role: "menu", "aria-label": say("moreActionsMenu") },
          entries,
        ),
      place: (menu) => document.body.append(menu),
      onRemove: () => removeFlow(p),
    });
    return node;
  }

  window.MockLinkedIn.routes.connections = function renderSdui(main, state, signal) {
    const { data, delayAfter } = mock.startConnections(main);
    const total = () => data.matching().length;
    // jsdom has no layout, so clientHeight is 0 there; the pane's CSS height
    // is the truth in a real browser.
    const paneHeight = state.paneHeight || 640;
    let loaded = 0;
    let loading = false;
    let rendered = false;
    /** the rows in the DOM, by profile link @type {Map<string, Element>} */
    const rows = new Map();
    /** rows of people just removed, left in place for a while (lingerAfterConfirm) */
    const lingering = new Set();

    const inner = el("div", { class: hashed("virtual-list"), role: "list" });
    const footer = el("div", { class: hashed("list-footer") });
    const pane = el(
      "div",
      {
        class: hashed("scroll-pane"),
        style: `height:${paneHeight}px;overflow-y:auto;position:relative`,
      },
      [inner, footer],
    );
    const loadMoreButton = el("button", {
      class: hashed("load-more"),
      type: "button",
      text: say("loadMore"),
    });
    const spinner = el("div", {
      class: hashed("loader"),
      role: "progressbar",
      "aria-label": say("loading"),
    });
    const countNumber = el("span", {
      class: hashed("count-number"),
      text: state.shown.connections,
    });

    const viewport = () => pane.clientHeight || paneHeight;

    function removeFlow(p) {
      mock.removalDialog(p.href, nativeDialog, {
        saved: {
          body: `The post by ${p.name} will be removed from your saved items.`,
          confirm: "Remove",
        },
        remove: {
          // Only the first name, as jonathatbusiness observed.
          body: say("dialogText", { first: p.name.split(" ")[0] }),
          confirm: say("confirm"),
        },
        removed() {
          const wasLoaded = data.matching().findIndex((row) => row[0] === p.href) < loaded;
          data.drop(p.href);
          if (wasLoaded) loaded -= 1;
          if (!state.faults.staleTotal) countNumber.textContent = mock.formatTotal(data.total);
          if (state.faults.lingerMs > 0) {
            lingering.add(p.href);
            later(signal, state.faults.lingerMs, () => {
              lingering.delete(p.href);
              renderWindow();
            });
          }
          renderWindow();
        },
      });
    }

    function renderWindow() {
      const people = data.matching();
      const first = Math.floor(pane.scrollTop / ROW_HEIGHT);
      const visible = Math.ceil(viewport() / ROW_HEIGHT);
      const start = Math.min(loaded, Math.max(0, first - OVERSCAN_ROWS));
      const end = Math.min(loaded, first + visible + OVERSCAN_ROWS);
      const wanted = people.slice(start, end);
      const keep = new Set(wanted.map((row) => row[0]));
      for (const [href, row] of rows) {
        if (!keep.has(href) && !lingering.has(href)) {
          row.remove();
          rows.delete(href);
        }
      }
      let previous = null;
      for (const person of wanted) {
        let row = rows.get(person[0]);
        if (!row) {
          row = card(person, removeFlow, signal);
          rows.set(person[0], row);
          if (previous) previous.after(row);
          else inner.prepend(row);
        }
        previous = row;
      }
      inner.style.paddingTop = `${start * ROW_HEIGHT}px`;
      inner.style.paddingBottom = `${(loaded - end) * ROW_HEIGHT}px`;
    }

    function updateFooter() {
      const more = loaded < total();
      mock.showFooter(footer, { loading, more, spinner, button: loadMoreButton });
    }

    function loadMore() {
      if (!rendered || loading || loaded >= total()) return;
      loading = true;
      updateFooter();
      later(signal, delayAfter(loaded), () => {
        loaded = Math.min(total(), loaded + state.pageSize);
        loading = false;
        renderWindow();
        updateFooter();
      });
    }

    loadMoreButton.addEventListener("click", loadMore);
    const nearBottom = () => pane.scrollTop + viewport() >= (loaded - 2) * ROW_HEIGHT;
    pane.addEventListener(
      "scroll",
      () => {
        // A browser never scrolls past the content; jsdom has no layout to
        // stop it, so clamp here or rows could be skipped over unrendered.
        const maxScroll = Math.max(0, (loaded + 1) * ROW_HEIGHT - viewport());
        if (pane.scrollTop > maxScroll) pane.scrollTop = maxScroll;
        renderWindow();
        if (state.paging === "scroll" && nearBottom()) loadMore();
      },
      { signal },
    );
    // The wheel-only rollout: a scroll alone loads nothing.
    mock.loadOnWheel(pane, signal, nearBottom, loadMore);

    // The name search asks the server again after a pause in typing; its
    // answer replaces the list, from the top.
    const search = el("input", {
      class: hashed("search"),
      type: "text",
      "data-testid": "typeahead-input",
      placeholder: say("searchByName"),
    });
    const typeahead = el(
      "div",
      {
        class: hashed("typeahead"),
        componentkey: "connectionsListTypeahead_ConnectionsListTypeahead",
      },
      [search],
    );
    mock.nameSearch(search, signal, data, () => {
      for (const row of rows.values()) row.remove();
      rows.clear();
      lingering.clear();
      pane.scrollTop = 0;
      loaded = Math.min(total(), state.pageSize);
      renderWindow();
      updateFooter();
    });

    later(signal, state.renderDelayMs, () => {
      const count = el(
        "p",
        { class: hashed("count") },
        mock.sayAround("connectionsTotal", "n", countNumber),
      );
      const page = el("div", { class: hashed("page") }, [
        el("div", { class: hashed("header") }, [
          el("h1", { class: hashed("heading"), text: say("connectionsTitle") }),
          count,
          typeahead,
        ]),
        pane,
      ]);
      loaded = Math.min(total(), state.pageSize);
      rendered = true;
      renderWindow();
      updateFooter();
      mock.showPage(main, page);
    });
  };
})();
