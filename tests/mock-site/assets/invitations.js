// The sent invitations page (/mynetwork/invitation-manager/sent/) in each
// markup generation, rebuilt from what public tools select
// (docs/research/2026-12-05-invitations-and-follows.md, §1; docs/LINKEDIN.md,
// "Sent invitations"). No public capture of a whole row exists, so the
// arrangement around the selectors is the mock's own.
// - artdeco: `.artdeco-list.mn-invitation-list > li.invitation-card.artdeco-list__item`,
//   `.invitation-card__link`, `.invitation-card__title`, `.invitation-card__subtitle`,
//   `.time-badge`, the note in `.invitation-card__custom-message-container`,
//   `button.invitation-card__action-btn` "Withdraw"; an `.artdeco-modal` whose
//   `.artdeco-modal__confirm-dialog-btn` buttons are Cancel then the primary
//   "Withdraw"; numbered pages (`artdeco-pagination`, `?page=N`), no total
//   (MortezaNedaei/UserScripts, Codewithshagbaor, file ids 37266911840,
//   11356724940, 30747378928);
// - react-2025: `[role="listitem"]` rows, the name as the `/in/` link's text,
//   the avatar's alt "<Name>’s profile picture", "Sent 3 weeks ago", the note
//   in `[data-testid="expandable-text-box"]`, `button[data-view-name=
//   "sent-invitations-withdraw-single"]` "Withdraw", "People (N)" in
//   `nav button[aria-current="true"]`, a "Load more" button; a `dialog[open]`
//   whose confirm reads "Withdraw" inside `[data-view-name=
//   "edge-creation-connect-action"]`, aria "Withdrawn invitation sent to <Name>"
//   (ClearConnect file id 7778018282, 13015159563, 63107599334);
// - sdui-2026: `[componentkey="InvitationManagerPage_InvitationsList"]` then
//   `role=listitem`, the name in `p a`, "Sent 8 weeks ago", the Withdraw
//   control an `<a aria-label="Withdraw invitation sent to <Name>">` (whose
//   default navigation a tool must block), "People (N)" in the body, more rows
//   on scrolling the list; a `role=alertdialog` titled "Withdraw invitation?"
//   with "Cancel" and "Withdraw" (file ids 13290455059, 69453899745,
//   65836865893, 60815525949).
// Its words are English in every language ("Withdraw", "Cancel", "People
// (N)", "Load more"), but for French on sdui-2026: no other wording was
// found (research §6), so they are not in words.mjs, and a page in another
// language shows them as they are. A French (`<html lang="fr">`) sdui-2026
// page shows the words one code base that drives the real page shows
// (docs/research/2026-12-07-withdraw-unfollow-languages.md §1, a single
// witness: code-index file ids 69136255286 and 69045074203, fixtures
// 69063720789 and 68865780540, live probe 69011557032): the row's control
// "Retirer" labelled "Retirer l’invitation envoyée à <Name>" (U+2019), the
// dialog's confirm "Retirer" with the same label, and the total "Personnes
// (N)". Everything else stays English there, for want of evidence: the
// dialog's title "Withdraw invitation?", its "Cancel" and "Dismiss", the
// "Sent … ago" line; and the French artdeco and react-2025 pages are
// wholly English (the evidence shows neither).
// Faults (`invitationFaults`): misleadingDialog opens a "Withdraw all
// invitations?" dialog instead; lingerMs keeps a withdrawn row listed (-1:
// until the next page load); checkpoint and limits come from the backend.
(function () {
  "use strict";

  const mock = window.MockLinkedIn;
  const { el, hashed, later, AVATAR } = mock;
  const WITHDRAW = "Withdraw";
  // The sent page's own words, by generation and page language (above).
  const FRENCH_SDUI = {
    withdraw: "Retirer",
    withdrawFor: "Retirer l’invitation envoyée à {name}",
    total: "Personnes ({n})",
  };
  const ENGLISH = {
    withdraw: WITHDRAW,
    withdrawFor: "Withdraw invitation sent to {name}",
    total: "People ({n})",
  };
  const sentWords = (generation) =>
    generation === "sdui-2026" && document.documentElement.lang === "fr" ? FRENCH_SDUI : ENGLISH;
  const named = (template, name) => template.replace("{name}", name);

  function invite(row) {
    return { href: row[0], name: row[1], headline: row[2], sentText: row[3], note: row[4] };
  }

  /** Confirming: the page asks its backend (POST /__mock__/withdraw, body the slug). */
  function requestWithdrawal(href) {
    return window
      .fetch("/__mock__/withdraw", {
        method: "POST",
        headers: { "content-type": "text/plain;charset=UTF-8" },
        body: mock.slugOf(href),
      })
      .then((response) => response.json())
      .then((answer) => {
        if (answer.checkpoint) {
          mock.navigate(answer.checkpoint);
          return "checkpoint";
        }
        if (answer.limitReached) mock.showLimitBanner();
        return answer.ok ? "withdrawn" : "refused";
      })
      .catch(() => "refused");
  }

  /**
   * A confirm dialog in the generation's shape: `make(parts)` builds it
   * from its title, body and buttons; Cancel and Dismiss close it.
   */
  function openDialog({ generation, title, confirm, confirmLabel, onConfirm }) {
    const cancel = el("button", { type: "button" }, [el("span", { text: "Cancel" })]);
    const dismiss = el("button", { type: "button", "aria-label": "Dismiss" });
    const confirmButton = el("button", { type: "button", "aria-label": confirmLabel || null }, [
      el("span", { text: confirm }),
    ]);
    let dialog;
    if (generation === "artdeco") {
      cancel.className =
        "artdeco-modal__confirm-dialog-btn artdeco-button artdeco-button--2 artdeco-button--secondary ember-view";
      confirmButton.className =
        "artdeco-modal__confirm-dialog-btn artdeco-button artdeco-button--2 artdeco-button--primary ember-view";
      dismiss.className = "artdeco-modal__dismiss";
      dialog = el("div", { class: "artdeco-modal", role: "alertdialog" }, [
        dismiss,
        el("div", { class: "artdeco-modal__header" }, [el("h2", { text: title })]),
        el(
          "div",
          {
            class: "artdeco-modal__actionbar artdeco-modal__actionbar--confirm-dialog",
          },
          [cancel, confirmButton],
        ),
      ]);
    } else if (generation === "react-2025") {
      dialog = el("dialog", { class: hashed("dialog"), open: true }, [
        dismiss,
        el("h2", { text: title }),
        el("div", { class: hashed("actions") }, [
          cancel,
          el("div", { "data-view-name": "edge-creation-connect-action" }, [confirmButton]),
        ]),
      ]);
    } else {
      dialog = el(
        "div",
        { role: "alertdialog", "aria-label": WITHDRAW, "data-testid": "dialog-content" },
        [dismiss, el("h2", { text: title }), el("div", {}, [cancel, confirmButton])],
      );
    }
    const close = () => dialog.remove();
    mock.dialogButtons({ dismiss, cancel, confirm: confirmButton }, close, onConfirm);
    document.body.append(dialog);
  }

  function render(main, state, signal) {
    const generation = state.invitationsGeneration;
    const rows = state.invitations.slice();
    const pageSize = state.invitationPageSize;
    const faults = state.invitationFaults;
    let total = state.invitationsTotal;
    let shown = 0; // rows rendered so far (react, sdui); artdeco: the page's
    // artdeco opens on the page its URL names (`?page=N`).
    let pageNumber =
      generation === "artdeco"
        ? Math.min(
            Math.max(1, Math.ceil(rows.length / pageSize)),
            Math.max(1, Number(new URL(location.href).searchParams.get("page")) || 1),
          )
        : 1;
    let loading = false;
    const said = sentWords(generation);
    document.title = "Manage invitations | LinkedIn";
    main.append(mock.skeleton(3));

    const list =
      generation === "artdeco"
        ? el("ul", { class: "artdeco-list mn-invitation-list" })
        : generation === "react-2025"
          ? el("div", { class: hashed("list") })
          : el("div", {
              class: hashed("lazy-list"),
              componentkey: "InvitationManagerPage_InvitationsList",
              style: `height:${state.paneHeight}px;overflow-y:auto`,
            });
    const footer = el("div", { class: hashed("footer") });
    const totalText = el("span");
    const showTotal = () => {
      totalText.textContent = said.total.replace("{n}", mock.formatTotal(total));
    };

    function withdrawFlow(row, node) {
      const p = invite(row);
      if (faults.misleadingDialog) {
        openDialog({
          generation,
          title: "Withdraw all invitations?",
          confirm: "Withdraw all",
          onConfirm: (close) => close(),
        });
        return;
      }
      openDialog({
        generation,
        title: generation === "sdui-2026" ? "Withdraw invitation?" : "Withdraw invitation",
        confirm: said.withdraw,
        confirmLabel:
          generation === "react-2025"
            ? `Withdrawn invitation sent to ${p.name}`
            : generation === "sdui-2026"
              ? named(said.withdrawFor, p.name)
              : null,
        onConfirm(close) {
          requestWithdrawal(p.href).then((result) => {
            close();
            if (result !== "withdrawn") return;
            const leave = () => {
              const index = rows.indexOf(row);
              if (index >= 0) rows.splice(index, 1);
              node.remove();
              if (generation !== "artdeco") shown = Math.max(0, shown - 1);
              total -= 1;
              showTotal();
            };
            if (faults.lingerMs < 0) return;
            if (faults.lingerMs > 0) later(signal, faults.lingerMs, leave);
            else leave();
          });
        },
      });
    }

    function rowNode(row) {
      const p = invite(row);
      let node;
      let control;
      if (generation === "artdeco") {
        control = el(
          "button",
          {
            class:
              "artdeco-button artdeco-button--muted artdeco-button--3 artdeco-button--tertiary ember-view invitation-card__action-btn",
            type: "button",
          },
          [el("span", { class: "artdeco-button__text", text: WITHDRAW })],
        );
        node = el("li", { class: "invitation-card artdeco-list__item" }, [
          el("div", { class: "display-flex flex-1 align-items-center pl0" }, [
            el("a", { class: "invitation-card__link", href: p.href }, [
              el("img", { src: AVATAR, alt: "" }),
              el("span", { class: "invitation-card__title t-16 t-black t-bold", text: p.name }),
            ]),
            p.headline === null
              ? null
              : el("span", {
                  class: "invitation-card__subtitle t-14 t-black--light t-normal",
                  text: p.headline,
                }),
            el("span", { class: "time-badge t-12 t-black--light t-normal", text: p.sentText }),
            p.note === null
              ? null
              : el("div", { class: "invitation-card__custom-message-container" }, [
                  el("p", { class: "invitation-card__custom-message" }, [
                    el("span", { class: "lt-line-clamp__line", text: p.note }),
                  ]),
                ]),
          ]),
          control,
        ]);
      } else if (generation === "react-2025") {
        control = el(
          "button",
          {
            class: hashed("withdraw"),
            type: "button",
            "data-view-name": "sent-invitations-withdraw-single",
          },
          [el("span", { text: WITHDRAW })],
        );
        node = el("div", { class: hashed("row"), role: "listitem" }, [
          el("a", { class: hashed("avatar"), href: p.href, tabindex: "-1" }, [
            el("img", { src: AVATAR, alt: `${p.name}’s profile picture` }),
          ]),
          el("div", { class: hashed("body") }, [
            el("a", { class: hashed("name"), href: p.href, text: p.name }),
            p.headline === null ? null : el("p", { class: hashed("headline"), text: p.headline }),
            el("p", { class: hashed("time"), text: p.sentText }),
            p.note === null
              ? null
              : el("div", { "data-testid": "expandable-text-box" }, [
                  `${p.note.slice(0, 24)}…`,
                  el("button", { type: "button", text: "show more" }),
                ]),
          ]),
          control,
        ]);
      } else {
        control = el(
          "a",
          {
            class: hashed("withdraw"),
            href: `/mynetwork/invitation-manager/sent/?withdraw=${encodeURIComponent(mock.slugOf(p.href))}`,
            "aria-label": named(said.withdrawFor, p.name),
          },
          [el("span", { text: said.withdraw })],
        );
        node = el("div", { class: hashed("row"), role: "listitem", style: "height:88px" }, [
          el(
            "a",
            { class: hashed("avatar"), href: p.href, tabindex: "-1", "aria-hidden": "true" },
            [el("img", { src: AVATAR, alt: "" })],
          ),
          el("div", { class: hashed("lockup") }, [
            el("p", { class: hashed("title") }, [el("a", { href: p.href, text: p.name })]),
            p.headline === null ? null : el("p", { class: hashed("subtitle"), text: p.headline }),
            el("p", { class: hashed("meta"), text: p.sentText }),
            p.note === null ? null : el("p", { class: hashed("note"), text: p.note }),
          ]),
          control,
        ]);
      }
      control.addEventListener("click", (event) => {
        // The 2026 link would take the tab away unless its click is held.
        if (control.localName === "a" && !event.defaultPrevented) {
          mock.navigate(control.getAttribute("href"));
          return;
        }
        withdrawFlow(row, node);
      });
      return node;
    }

    function pagination() {
      const pages = Math.max(1, Math.ceil(rows.length / pageSize));
      if (pages <= 1) return null;
      const button = (label, page, extra) => {
        const b = el("button", { type: "button", ...extra }, [el("span", { text: label })]);
        b.addEventListener("click", () => goTo(page));
        return b;
      };
      const numbers = el("ul", {
        class: "artdeco-pagination__pages artdeco-pagination__pages--number",
      });
      for (let page = 1; page <= pages; page += 1) {
        numbers.append(
          el("li", { class: "artdeco-pagination__indicator" }, [
            button(String(page), page, {
              "aria-current": page === pageNumber ? "true" : null,
              "aria-label": `Page ${page}`,
            }),
          ]),
        );
      }
      return el("div", { class: "artdeco-pagination" }, [
        button("Previous", pageNumber - 1, {
          class: "artdeco-pagination__button artdeco-pagination__button--previous",
          disabled: pageNumber === 1,
        }),
        numbers,
        button("Next", pageNumber + 1, {
          class: "artdeco-pagination__button artdeco-pagination__button--next",
          "aria-label": "Next",
          disabled: pageNumber === pages,
        }),
      ]);
    }

    function showArtdecoPage() {
      list.replaceChildren(
        ...rows.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(rowNode),
      );
      footer.replaceChildren(...[pagination()].filter(Boolean));
    }

    function goTo(page) {
      if (loading || page < 1 || page === pageNumber) return;
      loading = true;
      for (const b of footer.querySelectorAll("button")) b.disabled = true;
      later(signal, state.pageDelayMs, () => {
        loading = false;
        pageNumber = page;
        const url = new URL(location.href);
        url.searchParams.set("page", String(page));
        history.pushState({ route: "invitations" }, "", url.href);
        showArtdecoPage();
      });
    }

    function showFooter() {
      if (generation !== "react-2025") return;
      if (loading)
        footer.replaceChildren(el("div", { role: "progressbar", class: hashed("spin") }));
      else if (shown < rows.length) {
        const more = el("button", { type: "button", class: hashed("more") }, [
          el("span", { text: "Load more" }),
        ]);
        more.addEventListener("click", loadMore);
        footer.replaceChildren(more);
      } else footer.replaceChildren();
    }

    function append(count) {
      const next = rows.slice(shown, shown + count);
      shown += next.length;
      list.append(...next.map(rowNode));
    }

    function loadMore() {
      if (loading || shown >= rows.length) return;
      loading = true;
      showFooter();
      later(signal, state.pageDelayMs, () => {
        loading = false;
        append(pageSize);
        showFooter();
      });
    }

    later(signal, state.renderDelayMs, () => {
      showTotal();
      let header;
      if (generation === "artdeco") {
        header = el("header", { class: "mn-invitation-manager__header" }, [
          el("h1", { text: "Manage invitations" }),
          el("div", { role: "tablist" }, [
            el("button", {
              role: "tab",
              type: "button",
              "aria-selected": "false",
              text: "Received",
            }),
            el("button", { role: "tab", type: "button", "aria-selected": "true", text: "Sent" }),
          ]),
        ]);
        showArtdecoPage();
      } else if (generation === "react-2025") {
        header = el("nav", { class: hashed("nav") }, [
          el("button", { type: "button", "aria-current": "true" }, [totalText]),
          el("button", { type: "button", text: "Pages (0)" }),
        ]);
        append(pageSize);
        showFooter();
      } else {
        header = el("div", { class: hashed("header") }, [
          el("a", { href: "/mynetwork/invitation-manager/received/", text: "Received" }),
          el("a", { href: "/mynetwork/invitation-manager/sent/", text: "Sent" }),
          el("p", {}, [totalText]),
        ]);
        append(pageSize);
        const nearBottom = () => list.scrollTop + list.clientHeight >= list.scrollHeight - 200;
        list.addEventListener("scroll", () => nearBottom() && loadMore(), { signal });
        list.addEventListener("wheel", (e) => e.deltaY > 0 && nearBottom() && loadMore(), {
          signal,
        });
      }
      mock.showPage(
        main,
        el("section", { class: "mn-invitation-manager artdeco-card" }, [header, list, footer]),
      );
    });
  }

  mock.routes.invitations = render;
})();
