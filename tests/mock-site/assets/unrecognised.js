// A connections page in a layout no netprune reader knows: no artdeco BEM
// classes, no data-view-name, no componentkey. The reader must say it does
// not recognise the page rather than guess at what the links mean.
(function () {
  "use strict";

  const { el, hashed, later, skeleton, person } = window.MockLinkedIn;

  window.MockLinkedIn.routes.connections = function renderUnrecognised(main, state, signal) {
    document.title = "Connections | LinkedIn";
    main.append(skeleton(4));
    later(signal, state.renderDelayMs, () => {
      const grid = el("ul", { class: hashed("grid") });
      for (const row of state.people.slice(0, state.pageSize)) {
        const p = person(row);
        grid.append(
          el("li", { class: hashed("tile") }, [
            el("article", { class: hashed("member-tile") }, [
              el("a", { class: hashed("tile-link"), href: p.href }, [
                el("h3", { class: hashed("tile-name"), text: p.name }),
              ]),
              p.headline === null
                ? null
                : el("h4", { class: hashed("tile-sub"), text: p.headline }),
              el("footer", { class: hashed("tile-meta"), text: p.connectedText }),
            ]),
          ]),
        );
      }
      main.replaceChildren(
        el("div", { class: hashed("people-hub") }, [
          el("h2", { class: hashed("hub-title"), text: "Your people" }),
          el("span", {
            class: hashed("hub-count"),
            text: `${state.shown.connections} connections`,
          }),
          grid,
        ]),
      );
      main.removeAttribute("aria-busy");
    });
  };
})();
