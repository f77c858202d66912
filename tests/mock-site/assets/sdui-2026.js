// The server-driven connections page (late 2025-2026): cards marked by
// componentkey="ConnectionCard_...", hashed class names, and a virtualized
// list inside its own scrolling pane: only the rows near the pane's viewport
// exist in the DOM, rows scrolled past leave it, and further pages arrive on
// scroll or behind a "Load more" button depending on the rollout. A card's
// "More actions for <Name>" button opens a role="menu" popover at the end of
// the body whose items are plain focusable divs found by their text; the
// confirmation is a native <dialog> (no role attribute) whose confirm button
// reads "Remove connection".
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const { el, hashed, later, skeleton, pageLoads, person, AVATAR } = mock;

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
      el("span", { text: "Cancel" }),
    ]);
    const dismiss = el("button", {
      class: hashed("close"),
      type: "button",
      "aria-label": "Dismiss",
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
    dismiss.addEventListener("click", close);
    cancel.addEventListener("click", close);
    confirmButton.addEventListener("click", () => {
      confirmButton.disabled = true;
      onConfirm(close);
    });
    document.body.append(dialog);
    // jsdom has no showModal; the open attribute is what it sets.
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  }

  const ROW_HEIGHT = 88;
  const OVERSCAN_ROWS = 8;

  function componentKey(href) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < href.length; i += 1) {
      hash ^= href.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return `ConnectionCard_ACoAA${(hash >>> 0).toString(36).toUpperCase()}`;
  }

  function card(row, removeFlow) {
    const p = person(row);
    const trigger = el("button", {
      class: hashed("overflow"),
      type: "button",
      "aria-label": `More actions for ${p.name}`,
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
          ]),
          p.headline === null ? null : el("p", { class: hashed("subtitle"), text: p.headline }),
          el("p", { class: hashed("meta", "muted"), text: p.connectedText }),
        ]),
        el("div", { class: hashed("actions") }, [
          el("a", { class: hashed("message"), href: "/messaging/compose/", text: "Message" }),
          trigger,
        ]),
      ],
    );

    let menu = null;
    const close = () => {
      menu?.remove();
      menu = null;
      trigger.setAttribute("aria-expanded", "false");
      mock.openMenus.delete(close);
    };
    mock.menuTrigger(trigger, () => {
      if (menu) {
        close();
        return;
      }
      for (const other of [...mock.openMenus]) other();
      const entries = mock.menuItems().map((label) => {
        const entry = el("div", { class: hashed("menu-entry"), tabindex: "0" }, [
          el("span", { class: hashed("menu-text"), text: label }),
        ]);
        if (label === "Remove connection") {
          entry.addEventListener("click", (event) => {
            event.stopPropagation();
            close();
            removeFlow(p);
          });
        }
        return entry;
      });
      menu = el(
        "div",
        { class: hashed("menu"), role: "menu", "aria-label": "More actions" },
        entries,
      );
      document.body.append(menu);
      trigger.setAttribute("aria-expanded", "true");
      mock.openMenus.add(close);
    });
    return node;
  }

  window.MockLinkedIn.routes.connections = function renderSdui(main, state, signal) {
    document.title = "Connections | LinkedIn";
    main.append(skeleton(4));
    const data = mock.connectionsData(state);
    const total = () => data.matching().length;
    // jsdom has no layout, so clientHeight is 0 there; the pane's CSS height
    // is the truth in a real browser.
    const paneHeight = state.paneHeight || 640;
    let loaded = 0;
    let loading = false;
    let rendered = false;
    const delayAfter = pageLoads(state);
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
      text: "Load more",
    });
    const spinner = el("div", {
      class: hashed("loader"),
      role: "progressbar",
      "aria-label": "Loading",
    });
    const noResults = el("p", { class: hashed("empty"), text: "No results" });
    const countNumber = el("span", {
      class: hashed("count-number"),
      text: state.shown.connections,
    });

    const viewport = () => pane.clientHeight || paneHeight;

    function removeFlow(p) {
      if (state.faults.misleadingDialog) {
        nativeDialog({
          title: "Remove saved item?",
          body: `The post by ${p.name} will be removed from your saved items.`,
          confirm: "Remove",
          onConfirm: (close) => close(),
        });
        return;
      }
      nativeDialog({
        title: "Remove connection",
        body: `Are you sure you want to remove ${p.name} as a connection? ${p.name} won’t be notified.`,
        confirm: "Remove connection",
        onConfirm(close) {
          mock.requestRemoval(p.href).then((result) => {
            close();
            if (result !== "removed") return;
            const wasLoaded = data.matching().findIndex((row) => row[0] === p.href) < loaded;
            data.drop(p.href);
            if (wasLoaded) loaded -= 1;
            countNumber.textContent = mock.formatTotal(data.total);
            if (state.faults.lingerMs > 0) {
              lingering.add(p.href);
              later(signal, state.faults.lingerMs, () => {
                lingering.delete(p.href);
                renderWindow();
              });
            }
            renderWindow();
          });
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
          row = card(person, removeFlow);
          rows.set(person[0], row);
          if (previous) previous.after(row);
          else inner.prepend(row);
        }
        previous = row;
      }
      inner.style.paddingTop = `${start * ROW_HEIGHT}px`;
      inner.style.paddingBottom = `${(loaded - end) * ROW_HEIGHT}px`;
      if (rendered && people.length === 0) pane.before(noResults);
      else noResults.remove();
    }

    function updateFooter() {
      if (loading) footer.replaceChildren(spinner);
      else if (loaded < total() && state.paging === "load-more")
        footer.replaceChildren(loadMoreButton);
      else footer.replaceChildren();
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
    pane.addEventListener(
      "scroll",
      () => {
        // A browser never scrolls past the content; jsdom has no layout to
        // stop it, so clamp here or rows could be skipped over unrendered.
        const maxScroll = Math.max(0, (loaded + 1) * ROW_HEIGHT - viewport());
        if (pane.scrollTop > maxScroll) pane.scrollTop = maxScroll;
        renderWindow();
        const nearBottom = pane.scrollTop + viewport() >= (loaded - 2) * ROW_HEIGHT;
        if (state.paging === "scroll" && nearBottom) loadMore();
      },
      { signal },
    );

    // The name search asks the server again after a pause in typing; its
    // answer replaces the list, from the top.
    const search = el("input", {
      class: hashed("search"),
      type: "search",
      placeholder: "Search by name",
      "aria-label": "Search connections by name",
    });
    let searchTimer = 0;
    search.addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        if (signal.aborted) return;
        data.setQuery(search.value);
        for (const row of rows.values()) row.remove();
        rows.clear();
        lingering.clear();
        pane.scrollTop = 0;
        loaded = Math.min(total(), state.pageSize);
        renderWindow();
        updateFooter();
      }, 250);
    });

    later(signal, state.renderDelayMs, () => {
      const count = el("p", { class: hashed("count") }, [countNumber, " connections"]);
      const page = el("div", { class: hashed("page") }, [
        el("div", { class: hashed("header") }, [
          el("h1", { class: hashed("heading"), text: "Connections" }),
          count,
          search,
        ]),
        pane,
      ]);
      loaded = Math.min(total(), state.pageSize);
      rendered = true;
      renderWindow();
      updateFooter();
      main.replaceChildren(page);
      main.removeAttribute("aria-busy");
    });
  };
})();
