// The server-driven connections page (late 2025-2026): cards marked by
// componentkey="ConnectionCard_...", hashed class names, and a virtualized
// list inside its own scrolling pane: only the rows near the pane's viewport
// exist in the DOM, rows scrolled past leave it, and further pages arrive on
// scroll or behind a "Load more" button depending on the rollout.
(function () {
  "use strict";

  const { el, hashed, later, skeleton, pageLoads, person, AVATAR } = window.MockLinkedIn;

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

  function card(row) {
    const p = person(row);
    return el(
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
          el("button", {
            class: hashed("overflow"),
            type: "button",
            "aria-label": `More actions for ${p.name}`,
            "aria-haspopup": "menu",
          }),
        ]),
      ],
    );
  }

  window.MockLinkedIn.routes.connections = function renderSdui(main, state, signal) {
    document.title = "Connections | LinkedIn";
    main.append(skeleton(4));
    const total = state.people.length;
    // jsdom has no layout, so clientHeight is 0 there; the pane's CSS height
    // is the truth in a real browser.
    const paneHeight = state.paneHeight || 640;
    let loaded = 0;
    let loading = false;
    let rendered = false;
    const delayAfter = pageLoads(state);
    /** @type {Map<number, Element>} */
    const rows = new Map();

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

    const viewport = () => pane.clientHeight || paneHeight;

    function renderWindow() {
      const first = Math.floor(pane.scrollTop / ROW_HEIGHT);
      const visible = Math.ceil(viewport() / ROW_HEIGHT);
      const start = Math.min(loaded, Math.max(0, first - OVERSCAN_ROWS));
      const end = Math.min(loaded, first + visible + OVERSCAN_ROWS);
      for (const [index, row] of rows) {
        if (index < start || index >= end) {
          row.remove();
          rows.delete(index);
        }
      }
      let previous = null;
      for (let index = start; index < end; index += 1) {
        let row = rows.get(index);
        if (!row) {
          row = card(state.people[index]);
          rows.set(index, row);
          if (previous) previous.after(row);
          else inner.prepend(row);
        }
        previous = row;
      }
      inner.style.paddingTop = `${start * ROW_HEIGHT}px`;
      inner.style.paddingBottom = `${(loaded - end) * ROW_HEIGHT}px`;
    }

    function updateFooter() {
      if (loading) footer.replaceChildren(spinner);
      else if (loaded < total && state.paging === "load-more")
        footer.replaceChildren(loadMoreButton);
      else footer.replaceChildren();
    }

    function loadMore() {
      if (!rendered || loading || loaded >= total) return;
      loading = true;
      updateFooter();
      later(signal, delayAfter(loaded), () => {
        loaded = Math.min(total, loaded + state.pageSize);
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

    later(signal, state.renderDelayMs, () => {
      const count = el("p", { class: hashed("count") }, [
        el("span", { class: hashed("count-number"), text: state.shown.connections }),
        " connections",
      ]);
      const page = el("div", { class: hashed("page") }, [
        el("div", { class: hashed("header") }, [
          el("h1", { class: hashed("heading"), text: "Connections" }),
          count,
          el("input", {
            class: hashed("search"),
            type: "search",
            placeholder: "Search by name",
            "aria-label": "Search connections by name",
          }),
        ]),
        pane,
      ]);
      loaded = Math.min(total, state.pageSize);
      rendered = true;
      renderWindow();
      updateFooter();
      main.replaceChildren(page);
      main.removeAttribute("aria-busy");
    });
  };
})();
