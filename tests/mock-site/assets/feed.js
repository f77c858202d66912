// The feed: a left-rail card with a Connections link and a few posts. It
// exists for single-page navigation tests: its links go to My Network
// without a page load.
(function () {
  "use strict";

  const { el, hashed, later, skeleton, say } = window.MockLinkedIn;

  const POSTS = [
    ["Northwind Traders", "We're hiring! Join our platform team."],
    ["Grace Okafor", "Three things I learned shipping a browser extension."],
    ["Acme Corp", "Our quarterly results are out."],
  ];

  window.MockLinkedIn.routes.feed = function renderFeed(main, state, signal) {
    document.title = `${say("feedTitle")} | LinkedIn`;
    main.append(skeleton(3));
    later(signal, Math.min(state.renderDelayMs, 400), () => {
      const rail = el("aside", { class: hashed("rail"), "aria-label": "Your profile" }, [
        el("a", { href: state.member.profilePath, text: state.member.name }),
        el("p", { text: state.member.headline }),
        el("a", {
          href: "/mynetwork/invite-connect/connections/",
          "data-mock-spa": "connections",
          text: say("connectionsTitle"),
        }),
        el("p", { text: "Grow your network" }),
      ]);
      const posts = el("div", { class: hashed("feed") });
      for (const [author, text] of POSTS) {
        posts.append(
          el("article", { class: hashed("post") }, [
            el("p", { class: hashed("author"), text: author }),
            el("p", { text }),
          ]),
        );
      }
      main.replaceChildren(rail, posts);
      main.removeAttribute("aria-busy");
    });
  };
})();
