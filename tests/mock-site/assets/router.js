// The mock's single-page-app behaviour: links marked data-mock-spa change the
// URL with history.pushState and render the next page client-side, with no
// page load, as LinkedIn does between the feed and My Network. Loaded last,
// after every route renderer the page carries.
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const ROUTE_PATHS = {
    feed: /^\/feed\/?$/,
    connections: /^\/mynetwork\/invite-connect\/connections\/?$/,
  };
  let controller = null;

  function routeForPath(pathname) {
    for (const [route, pattern] of Object.entries(ROUTE_PATHS)) {
      if (pattern.test(pathname)) return route;
    }
    return null;
  }

  function mount(route) {
    if (controller) controller.abort();
    controller = new AbortController();
    const main = document.getElementById("main");
    main.replaceChildren();
    main.setAttribute("aria-busy", "true");
    mock.routes[route](main, mock.state, controller.signal);
  }

  document.addEventListener("click", (event) => {
    const target = event.target;
    const link = target instanceof Element ? target.closest("a[data-mock-spa]") : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const route = link.getAttribute("data-mock-spa");
    if (!mock.routes[route]) return;
    event.preventDefault();
    const next = new URL(link.getAttribute("href"), location.href);
    if (next.pathname !== location.pathname) history.pushState({ route }, "", next.href);
    mount(route);
  });

  window.addEventListener("popstate", () => {
    const route = routeForPath(location.pathname);
    if (route && mock.routes[route]) mount(route);
    else location.reload();
  });

  mount(mock.state.route);
})();
