// @ts-check
// Removal in the member's LinkedIn language (docs/ARCHITECTURE.md, "Teaching
// a language"). When netprune knows no removal words in the language of the
// member's LinkedIn (the core's `removalLanguage`), `queue-refused` says so
// and removal is refused before anyone is queued (`queue-selected` is
// disabled where the selection allows nothing else; withdrawals and
// unfollows stay queueable, their steps check their own words); and
// `teach-language` starts the teach-once flow: the member removes one
// person by hand on the connections page while the page reader watches,
// this part shows the words it saw (`teach-learned`), and the member uses
// them (`teach-confirm`) or discards them (`teach-cancel`). The flow's state
// is storage.local.teach, written by the background.

import { setStatus, show } from "../lib/dom.js";
import { languageName } from "../lib/format.js";
import { t } from "../lib/i18n.js";

/** @typedef {import("./types.js").Page} Page */
/** @typedef {import("./types.js").TeachState} TeachState */

/**
 * @param {unknown} value
 * @returns {TeachState | null}
 */
export function teachState(value) {
  if (!value || typeof value !== "object") return null;
  const state = /** @type {any} */ (value).state;
  return state === "watching" || state === "observed" || state === "failed"
    ? /** @type {TeachState} */ (value)
    : null;
}

/**
 * @param {Page} page
 */
export function createTeach(page) {
  const { doc, ui } = page;

  /** The core's word on the member's LinkedIn language, from the replica. */
  function removalLanguage() {
    try {
      return page.replica?.removalLanguage() ?? null;
    } catch {
      return null;
    }
  }

  /** Whether nobody can be queued for removal: LinkedIn's language has no removal words. */
  const removalBlocked = () => removalLanguage()?.removal === "unavailable";

  /**
   * The words seen, one line each: the card's menu button, the menu item,
   * the confirm button.
   * @param {NonNullable<TeachState["words"]>} words
   */
  function renderLearned(words) {
    /** @type {[string, string][]} */
    const lines = [
      [t("reviewTeachMenuButton"), words.menuButton ?? t("reviewTeachNoLabel")],
      [t("reviewTeachMenuItem"), `${words.menuItem} (${words.itemRole})`],
      [t("reviewTeachConfirmButton"), `${words.confirm} (${words.dialogTag})`],
    ];
    ui.teachLearned.replaceChildren(
      ...lines.flatMap(([term, value]) => {
        const dt = doc.createElement("dt");
        dt.textContent = term;
        const dd = doc.createElement("dd");
        dd.textContent = value;
        return [dt, dd];
      }),
    );
  }

  function renderTeach() {
    const removal = removalLanguage();
    const blocked = removal?.removal === "unavailable";
    const teach = page.teach;
    show(ui.teachPanel, blocked || teach !== null);
    const language = languageName(removal?.language ?? teach?.language ?? "");
    ui.queueRefused.textContent = blocked ? t("reviewRemovalUnavailable", language) : "";
    show(ui.queueRefused, blocked);
    ui.teachLanguage.disabled = teach?.state === "watching";
    show(ui.teachLanguage, teach?.state !== "observed");
    const observed = teach?.state === "observed" && teach.words ? teach.words : null;
    if (observed) renderLearned(observed);
    show(ui.teachLearned, observed !== null);
    show(ui.teachAnswer, observed !== null);
    if (teach?.state === "watching") setStatus(ui.teachStatus, t("reviewTeachWatching"));
    else if (observed) {
      setStatus(ui.teachStatus, t("reviewTeachObserved", teach?.person?.name ?? ""));
    } else if (teach?.state === "failed") setStatus(ui.teachStatus, t("reviewTeachFailed"), true);
  }

  async function startTeach() {
    const answer = await page.ask({ type: "teach-start" }, ui.teachStatus, t("reviewTeachStart"));
    if (!answer) return;
    page.teach = teachState(answer.teach);
    renderTeach();
  }

  async function confirmTeach() {
    const answer = await page.ask(
      { type: "teach-confirm" },
      ui.teachStatus,
      t("reviewTeachConfirm"),
    );
    if (!answer) return;
    page.teach = null;
    setStatus(ui.teachStatus, "");
    // Said beside the selection: the teach panel goes once removal works.
    setStatus(ui.actionStatus, t("reviewTeachLearned", languageName(answer.words?.language ?? "")));
    // The snapshot with the words is saved: the replica reads it, and the
    // queue button comes back.
    page.requestReload();
    renderTeach();
  }

  async function cancelTeach() {
    const answer = await page.ask({ type: "teach-cancel" }, ui.teachStatus, t("reviewTeachCancel"));
    if (!answer) return;
    page.teach = null;
    setStatus(ui.teachStatus, "");
    renderTeach();
  }

  ui.teachLanguage.addEventListener("click", startTeach);
  ui.teachConfirm.addEventListener("click", confirmTeach);
  ui.teachCancel.addEventListener("click", cancelTeach);

  return { removalBlocked, renderTeach, startTeach, confirmTeach, cancelTeach };
}
