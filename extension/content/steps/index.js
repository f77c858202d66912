// @ts-check
// The action steps the background asks a tab for, and whether the tab can
// take one now: `remove-step` (./remove-connection.js) and `withdraw-step`
// (./withdraw-invitation.js); a new kind (an unfollow) is a new file beside
// them, extending Step (./step.js), and one more message type here and in
// ../main.js.

import { collapse, decodeSlug } from "../lib/dom.js";
import { detectGeneration } from "../markups/index.js";
import { findSearchBox, navMember } from "../readers/page-check.js";
import { checkNavigation, tab, tabBusy } from "../tab.js";
import { troubleShown } from "../trouble.js";
import { RemovalStep } from "./remove-connection.js";
import { UnfollowStep } from "./unfollow.js";
import { followingGeneration } from "../markups/following.js";
import { WithdrawStep } from "./withdraw-invitation.js";
import { detectInvitationGeneration } from "../markups/invitations.js";
import { STEP_RULES } from "./step.js";
import { taughtWords } from "../words.js";

/** @typedef {import("./step.js").StepRequest} StepRequest */
/** @typedef {import("./step.js").StepRules} StepRules */

/**
 * The background's limits for a step (CONTRACT.md: `rules`), every one a
 * positive number; a step without them is refused, never guessed.
 * @param {unknown} rules
 * @returns {StepRules | string} the rules, or why they cannot be used
 */
function stepRules(rules) {
  if (!rules || typeof rules !== "object") {
    return "A removal step needs the background's rules (its time and wait limits); none came with it.";
  }
  const record = /** @type {Record<string, unknown>} */ (rules);
  const missing = STEP_RULES.filter((name) => {
    const value = record[name];
    return typeof value !== "number" || !Number.isFinite(value) || value <= 0;
  });
  if (missing.length > 0) {
    return `A removal step needs the background's rules; these are missing or not positive numbers: ${missing.join(", ")}.`;
  }
  return /** @type {StepRules} */ (rules);
}

/**
 * @param {any} message
 * @param {"remove" | "act"} [actMode] the mode that acts: "remove" for a
 *   `remove-step`, "act" for the later kinds (the other is "verify")
 * @returns {StepRequest | null}
 */
function stepRequest(message, actMode = "remove") {
  const { attempt, slug, name, mode, dryRun, pausesMs, member, taught } = message ?? {};
  if (typeof attempt !== "number" || !Number.isFinite(attempt)) return null;
  if (typeof slug !== "string" || !/^[^/?#\s]+$/.test(slug)) return null;
  if (typeof name !== "string" || collapse(name) === "") return null;
  if (mode !== actMode && mode !== "verify") return null;
  if (mode === actMode && typeof dryRun !== "boolean") return null;
  // The core's drawn pauses: a step never paces itself by constants.
  if (
    !Array.isArray(pausesMs) ||
    pausesMs.length === 0 ||
    !pausesMs.every((ms) => typeof ms === "number" && Number.isFinite(ms) && ms >= 0)
  ) {
    return null;
  }
  const pauses = pausesMs;
  if (member !== undefined && member !== null && (typeof member !== "string" || member === "")) {
    return null;
  }
  return {
    attempt,
    slug,
    name: collapse(name),
    mode,
    dryRun: dryRun === true,
    pausesMs: pauses,
    member: typeof member === "string" ? decodeSlug(member) : null,
    taught: taughtWords(taught),
  };
}

/**
 * `remove-step`: accepted at once and performed in the background of the
 * page; its outcome arrives later as `removal-outcome`.
 * @param {any} message
 * The tab refuses a step it cannot take before doing anything, with
 * `notTaken` (CONTRACT.md): not a failure, the queue waits.
 * @returns {{ ok: true } | { ok: false, error: string, notTaken?: string }}
 */
export function startRemovalStep(message) {
  const request = stepRequest(message);
  if (!request) {
    return {
      ok: false,
      error:
        "A removal step needs an attempt, a profile slug, a name, a mode, pausesMs and, to remove, dryRun.",
    };
  }
  const rules = stepRules(message?.rules);
  if (typeof rules === "string") return { ok: false, error: rules };
  tab.taught = request.taught ?? [];
  checkNavigation();
  const busy = tabBusy();
  if (busy) return { ok: false, notTaken: "busy", error: busy };
  // A tab showing trouble (a checkpoint or login page, a warning) takes
  // the step, so that its outcome (trouble) pauses the queue.
  if (!troubleShown()) {
    if (tab.current?.target.page !== "connections") {
      return {
        ok: false,
        notTaken: "no-list",
        error: "This tab is not showing your LinkedIn connections.",
      };
    }
    if (document.hidden) {
      return {
        ok: false,
        notTaken: "hidden",
        error: "The connections tab is hidden; netprune acts only while you can see it.",
      };
    }
    const searched = detectGeneration() === null ? (findSearchBox()?.value.trim() ?? "") : "";
    if (searched !== "") {
      // The member's own search left in the page's box shows nobody: the
      // step would find no list to act on. They clear it; netprune does not.
      return {
        ok: false,
        notTaken: "searched",
        error: `The name search “${searched}” on your connections page shows nobody; clear it and netprune carries on.`,
      };
    }
    if (!tab.current.recognised || detectGeneration() === null) {
      return {
        ok: false,
        notTaken: "no-list",
        error: "The connections list has not appeared in this tab yet.",
      };
    }
    const member = navMember();
    if (request.member !== null && member !== request.member) {
      return {
        ok: false,
        notTaken: "another-account",
        error:
          member === null
            ? "netprune cannot find your own profile link in LinkedIn's navigation in this tab."
            : `This tab shows another LinkedIn account (${member}).`,
      };
    }
  }
  const step = new RemovalStep(request, rules);
  tab.activeStep = step;
  step
    .run()
    .catch(() => undefined)
    .finally(() => {
      if (tab.activeStep === step) tab.activeStep = null;
      tab.troubleWatch?.schedule();
    });
  return { ok: true };
}

/**
 * What a step of a later kind needs of its page: the page, and its words
 * for the refusals.
 * @typedef {object} KindPage
 * @property {string} page the tab's page (readers/pages.js)
 * @property {string} what the step, in "A … step needs"
 * @property {string} notShown the tab shows another page
 * @property {string} hidden the tab is hidden
 * @property {string} notYet the list has not appeared
 * @property {() => string | null} generation the list's markup, or null
 * @property {(request: StepRequest, rules: StepRules) => { run(): Promise<unknown> }} step
 */

/** @type {Record<"unfollow" | "withdraw", KindPage>} */
const KIND_PAGES = {
  unfollow: {
    page: "following",
    what: "An unfollow step",
    notShown: "This tab is not showing the people you follow on LinkedIn.",
    hidden: "The following tab is hidden; netprune acts only while you can see it.",
    notYet: "The list of people you follow has not appeared in this tab yet.",
    generation: followingGeneration,
    step: (request, rules) => new UnfollowStep(request, rules),
  },
  withdraw: {
    page: "invitations",
    what: "A withdraw step",
    notShown: "This tab is not showing your sent LinkedIn invitations.",
    hidden: "The sent invitations tab is hidden; netprune acts only while you can see it.",
    notYet: "The sent invitations list has not appeared in this tab yet.",
    generation: detectInvitationGeneration,
    step: (request, rules) => new WithdrawStep(request, rules),
  },
};

/**
 * `unfollow-step` (on the following page) and `withdraw-step` (on the sent
 * invitations page): like `remove-step`, with `mode: "act" | "verify"`, the
 * outcome a `removal-outcome` too. Refused before doing anything, with
 * `notTaken`, in the same cases: busy, hidden, no-list (not that page, or
 * its list not recognised yet), another-account.
 * @param {KindPage} kind
 * @param {any} message
 * @returns {{ ok: true } | { ok: false, error: string, notTaken?: string }}
 */
function startKindStep(kind, message) {
  const request = stepRequest(message, "act");
  if (!request) {
    return {
      ok: false,
      error: `${kind.what} needs an attempt, a profile slug, a name, a mode (act or verify), pausesMs and, to act, dryRun.`,
    };
  }
  const rules = stepRules(message?.rules);
  if (typeof rules === "string") return { ok: false, error: rules };
  checkNavigation();
  const busy = tabBusy();
  if (busy) return { ok: false, notTaken: "busy", error: busy };
  // A tab showing trouble takes the step, so that its outcome (trouble)
  // pauses the queue.
  if (!troubleShown()) {
    if (tab.current?.target.page !== kind.page) {
      return { ok: false, notTaken: "no-list", error: kind.notShown };
    }
    if (document.hidden) return { ok: false, notTaken: "hidden", error: kind.hidden };
    if (!tab.current.recognised || kind.generation() === null) {
      return { ok: false, notTaken: "no-list", error: kind.notYet };
    }
    const member = navMember();
    if (request.member !== null && member !== request.member) {
      return {
        ok: false,
        notTaken: "another-account",
        error:
          member === null
            ? "netprune cannot find your own profile link in LinkedIn's navigation in this tab."
            : `This tab shows another LinkedIn account (${member}).`,
      };
    }
  }
  const step = kind.step(request, rules);
  tab.activeStep = /** @type {any} */ (step);
  step
    .run()
    .catch(() => undefined)
    .finally(() => {
      if (tab.activeStep === step) tab.activeStep = null;
      tab.troubleWatch?.schedule();
    });
  return { ok: true };
}

/**
 * `unfollow-step`: see startKindStep.
 * @param {any} message
 */
export function startUnfollowStep(message) {
  return startKindStep(KIND_PAGES.unfollow, message);
}

/**
 * `withdraw-step`: see startKindStep.
 * @param {any} message
 */
export function startWithdrawStep(message) {
  return startKindStep(KIND_PAGES.withdraw, message);
}
