// The 2025 React connections page: hashed class names that change with every
// build, data-view-name attributes, the name and headline in plain <p>
// elements, absolute profile URLs, and infinite scroll on the window. Each
// card's "Show more actions" button opens a dropdown (portaled to the end of
// the body, with no menu role) whose "Remove connection" item is a
// div[role="button"]; the confirmation is a role="dialog" whose confirm
// button is button[data-view-name="connections-remove"].
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const { el, hashed, later, skeleton, pageLoads, person, AVATAR } = mock;

  /**
   * A dialog portaled to the end of the body.
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
      text: "Cancel",
    });
    const dismiss = el("button", {
      class: hashed("dismiss"),
      type: "button",
      "aria-label": "Dismiss",
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
    dismiss.addEventListener("click", close);
    cancel.addEventListener("click", close);
    confirmButton.addEventListener("click", () => {
      confirmButton.disabled = true;
      onConfirm(close);
    });
    document.body.append(portal);
  }

  window.MockLinkedIn.routes.connections = function renderReact(main, state, signal) {
    document.title = "Connections | LinkedIn";
    main.append(skeleton(4));
    const data = mock.connectionsData(state);
    let shown = 0;
    let loading = false;
    let rendered = false;
    const delayAfter = pageLoads(state);

    const countLine = el("p", {
      class: hashed("count", "t-16"),
      text: `${state.shown.connections} connections`,
    });

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

    function removeFlow(p, card) {
      if (state.faults.misleadingDialog) {
        dialog({
          title: "Remove saved item?",
          body: `The post by ${p.name} will be removed from your saved items.`,
          confirm: "Remove",
          confirmView: "saved-items-remove",
          onConfirm: (close) => close(),
        });
        return;
      }
      dialog({
        title: "Remove connection",
        body: `Are you sure you want to remove ${p.name} from your connections? ${p.name} won’t be notified.`,
        confirm: "Remove",
        confirmView: "connections-remove",
        onConfirm(close) {
          mock.requestRemoval(p.href).then((result) => {
            close();
            if (result !== "removed") return;
            data.drop(p.href);
            shown -= 1;
            countLine.textContent = `${mock.formatTotal(data.total)} connections`;
            later(signal, state.faults.lingerMs, () => card.remove());
          });
        },
      });
    }

    function card(row) {
      const p = person(row);
      const trigger = el("button", {
        class: hashed("more-button"),
        type: "button",
        "aria-label": "Show more actions",
        "aria-expanded": "false",
        "data-view-name": "connections-remove-connection-dropdown",
      });
      const node = el("div", { class: hashed("card", "card-layout") }, [
        el(
          "a",
          { class: hashed("avatar-link"), href: p.href, "data-view-name": "connections-profile" },
          [
            el("figure", { class: hashed("figure") }, [
              el("img", {
                class: hashed("avatar"),
                src: AVATAR,
                alt: `${p.name}’s profile picture`,
              }),
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
          trigger,
        ]),
      ]);

      let popover = null;
      const close = () => {
        popover?.remove();
        popover = null;
        trigger.setAttribute("aria-expanded", "false");
        mock.openMenus.delete(close);
      };
      mock.menuTrigger(trigger, () => {
        if (popover) {
          close();
          return;
        }
        for (const other of [...mock.openMenus]) other();
        const entries = mock.menuItems().map((label) => {
          const entry = el("div", { class: hashed("menu-item"), role: "button", tabindex: "0" }, [
            el("span", { class: hashed("menu-label"), text: label }),
          ]);
          if (label === "Remove connection") {
            entry.addEventListener("click", (event) => {
              event.stopPropagation();
              close();
              removeFlow(p, node);
            });
          }
          return entry;
        });
        popover = el("div", { class: hashed("popover") }, [
          el("div", { class: hashed("popover-content") }, entries),
        ]);
        document.body.append(popover);
        trigger.setAttribute("aria-expanded", "true");
        mock.openMenus.add(close);
      });
      return node;
    }

    function appendPage() {
      const next = data.matching().slice(shown, shown + state.pageSize);
      items.append(...next.map(card));
      shown += next.length;
    }

    function loadMore() {
      if (!rendered || loading || shown >= data.matching().length) return;
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

    const search = el("input", {
      class: hashed("search"),
      type: "search",
      placeholder: "Search by name",
      "aria-label": "Search by name",
    });
    let searchTimer = 0;
    search.addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        if (signal.aborted) return;
        data.setQuery(search.value);
        items.replaceChildren();
        shown = 0;
        appendPage();
      }, 250);
    });

    later(signal, state.renderDelayMs, () => {
      const page = el("div", { class: hashed("page") }, [
        el("div", { class: hashed("header") }, [
          countLine,
          el("div", { class: hashed("controls") }, [
            el("p", { class: hashed("sort"), text: "Sort by: Recently added" }),
            search,
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
