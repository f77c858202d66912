// The following page of My Network's network manager with its rows
// (`createMockSite({ follows })`), replacing the older card list that
// network-manager.js renders for it. Evidence, all from
// docs/research/2026-12-05-invitations-and-follows.md section 2.2 (the
// network manager's lists are "classic" artdeco markup, 2023 to 2026):
// - rows `[data-chameleon-result-urn]` holding an `/in/<slug>/` link, "name,
//   then a detail line, then the Following button" (sulhadin/linkedin-cleanup
//   `src/server/actions.ts`; utkuacikgoz/linkedin-cleanup `manager.test.ts`);
//   a visually hidden "Status is reachable" in the avatar link (id 45301083508);
// - the button: 2025 `.artdeco-button__text` "Following" (id 11756126745);
//   2026 `<button aria-label="Click to stop following Ada Lovelace">Following
//   </button>`, captured 2026-09-09 (id 65801869478);
// - after unfollowing the row stays, the label turns to "Click to follow
//   <Name>" and the text to "Follow" (id 65801869478; sulhadin
//   `docs/internals.md`);
// - the 2024-2025 confirm box: an artdeco modal, `[data-test-modal-container]
//   [data-test-is-confirm-dialog]`, primary `.artdeco-modal__actionbar
//   .artdeco-button--primary` with `button[data-test-dialog-primary-btn]`,
//   text "Unfollow", and `.artdeco-modal__dismiss` (ids 11756126745,
//   67447459125, 15455451475, 21227386840); its title and its Cancel button
//   are not in the evidence: they are the mock's own ("Unfollow <Name>",
//   "Cancel"); the 2026 capture has no box at all;
// - ~20 rows a load, more on scroll, or `button.scaffold-finite-scroll__
//   load-button` "Show more results" (id 65801869478);
// - the header "You are following 785 people out of your network" (same
//   capture). The tabs with their totals are network-manager.js's, as before.
// Every word here is English: no evidence shows these in another language.
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const { el, later, say, AVATAR } = mock;
  let emberId = 5000;
  const ember = () => `ember${(emberId += 1)}`;

  /**
   * An artdeco confirm modal in the modal outlet.
   * @param {{ title: string, confirm: string, onConfirm: (close: () => void) => void }} content
   */
  function modal({ title, confirm, onConfirm }) {
    const id = ember();
    const dismiss = el("button", {
      class: "artdeco-modal__dismiss artdeco-button artdeco-button--circle",
      type: "button",
      "aria-label": "Dismiss",
    });
    const cancel = el(
      "button",
      {
        class: "artdeco-button artdeco-button--secondary",
        type: "button",
        "data-test-dialog-secondary-btn": "",
      },
      [el("span", { class: "artdeco-button__text", text: "Cancel" })],
    );
    const primary = el(
      "button",
      {
        class: "artdeco-button artdeco-button--primary",
        type: "button",
        "data-test-dialog-primary-btn": "",
      },
      [el("span", { class: "artdeco-button__text", text: confirm })],
    );
    const dialog = el(
      "div",
      {
        class: "artdeco-modal artdeco-modal--layer-confirmation",
        role: "alertdialog",
        tabindex: "-1",
        "data-test-modal": "",
        "aria-labelledby": `${id}-title`,
      },
      [
        dismiss,
        el("div", { class: "artdeco-modal__header" }, [
          el("h2", { id: `${id}-title`, text: title }),
        ]),
        el("div", { class: "artdeco-modal__actionbar artdeco-modal__actionbar--confirm-dialog" }, [
          cancel,
          primary,
        ]),
      ],
    );
    const container = el(
      "div",
      {
        class: "artdeco-modal-overlay artdeco-modal-overlay--is-top-layer",
        "data-test-modal-container": "",
        "data-test-is-confirm-dialog": "",
        "aria-hidden": "false",
      },
      [dialog],
    );
    mock.dialogButtons({ dismiss, cancel, confirm: primary }, () => container.remove(), onConfirm);
    let outlet = document.getElementById("artdeco-modal-outlet");
    if (!outlet) {
      outlet = el("div", { id: "artdeco-modal-outlet" });
      document.body.append(outlet);
    }
    outlet.append(container);
  }

  /**
   * Unfollowing: the page asks its backend (the mock's POST
   * /__mock__/unfollow, body the slug) and acts on the answer.
   * @returns {Promise<boolean>} whether they are unfollowed
   */
  function requestUnfollow(href) {
    return window
      .fetch("/__mock__/unfollow", {
        method: "POST",
        headers: { "content-type": "text/plain;charset=UTF-8" },
        body: mock.slugOf(href),
      })
      .then((response) => response.json())
      .then((answer) => {
        if (answer.checkpoint) {
          mock.navigate(answer.checkpoint);
          return false;
        }
        if (answer.limitReached) mock.showLimitBanner();
        return Boolean(answer.ok);
      })
      .catch(() => false);
  }

  window.MockLinkedIn.routes.following = function renderFollowing(main, state, signal) {
    const page = state.following;
    const faults = page.faults;
    document.title = `${say("followingTab")} | LinkedIn`;
    main.append(mock.skeleton(3));
    /** The row's button in the Follow state: the row stays. */
    function showFollow(button, name) {
      if (page.generation === "classic-2026")
        button.setAttribute("aria-label", `Click to follow ${name}`);
      button.setAttribute("aria-pressed", "false");
      button.querySelector(".artdeco-button__text").textContent = "Follow";
    }

    function unfollowed(button, name) {
      if (faults.lingerMs < 0) return;
      later(signal, faults.lingerMs, () => showFollow(button, name));
    }

    function row([href, name, headline, member], index) {
      const following = el("button", {
        class: "artdeco-button artdeco-button--2 artdeco-button--secondary ember-view",
        type: "button",
        "aria-pressed": "true",
        id: ember(),
        // 2026 names the person in the label; 2025 shows the text only.
        "aria-label": page.generation === "classic-2026" ? `Click to stop following ${name}` : null,
      });
      following.append(el("span", { class: "artdeco-button__text", text: "Following" }));
      let busy = false;
      following.addEventListener("click", () => {
        if (busy || following.getAttribute("aria-pressed") !== "true") return;
        if (faults.misleadingDialog) {
          modal({ title: "Remove saved item?", confirm: "Remove", onConfirm: (close) => close() });
          return;
        }
        if (!member) return;
        if (page.unfollow === "dialog") {
          modal({
            title: `Unfollow ${name}`,
            confirm: "Unfollow",
            onConfirm(close) {
              requestUnfollow(href).then((done) => {
                close();
                if (done) unfollowed(following, name);
              });
            },
          });
          return;
        }
        busy = true;
        requestUnfollow(href).then((done) => {
          busy = false;
          if (done) unfollowed(following, name);
        });
      });
      const urn = member ? `urn:li:member:${1000 + index}` : `urn:li:company:${2000 + index}`;
      return el("li", { class: "reusable-search__result-container" }, [
        el("div", { class: "entity-result", "data-chameleon-result-urn": urn }, [
          el("a", { class: "app-aware-link", href }, [
            el("img", { src: AVATAR, alt: "" }),
            member ? el("span", { class: "visually-hidden", text: "Status is reachable" }) : null,
          ]),
          el("div", { class: "entity-result__content" }, [
            el("a", { class: "app-aware-link", href }, [
              el("span", { dir: "ltr" }, [el("span", { "aria-hidden": "true", text: name })]),
            ]),
            headline === null
              ? null
              : el("div", {
                  class: "entity-result__primary-subtitle t-14 t-black t-normal",
                  text: headline,
                }),
          ]),
          el("div", { class: "entity-result__actions" }, [following]),
        ]),
      ]);
    }

    const rows = mock.pagedList(page, state, signal, row);

    later(signal, state.renderDelayMs, () => {
      const tablist = mock.followTabs("following", state.shown);
      const list = rows.start();
      mock.showPage(
        main,
        el("section", { class: "mn-network-manager artdeco-card" }, [
          el("h1", { class: "t-20 t-black t-normal", text: say("followsHeading") }),
          el("div", { class: "artdeco-tabs" }, [tablist]),
          el("h2", {
            class: "t-16 t-black t-normal",
            text: `You are following ${state.shown.following} people out of your network`,
          }),
          list,
        ]),
      );
    });
  };
})();
