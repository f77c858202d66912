// @ts-check
// The message router: who may send what (a LinkedIn tab's content script or
// an extension page of this extension, nothing else), and what each message
// does. Readings, visibility, step outcomes and trouble come from the
// LinkedIn tabs; queueing, pausing, collecting, the page check, keeping,
// importing, restoring and saved queries come from the popup and the review
// page. Every handler runs serially with the others and the queue's steps;
// its answer is `{ ok: true, ...answer }`, a throw is `{ ok: false, error }`.
import { api } from "../lib/browser.js";
import {
  messageOf,
  pausedForPage,
  persistNow,
  persistSoon,
  queueView,
  serially,
  state,
  summary,
  utcOffset,
} from "./core-host.js";
import {
  ACTION_PAGES,
  PAGE_OF_KIND,
  actingTab,
  actionOffOf,
  actionOffReason,
  checkOf,
  connectionsTab,
  memberOf,
  noteTab,
  removalOffReason,
  sameMember,
} from "./tabs.js";
import {
  driveCollection,
  haltCollection,
  listCollects,
  listEnded,
  listOf,
  startListCollect,
  stopListCollects,
} from "./collect.js";
import { switchNetwork } from "./accounts.js";
import { pumpQueue, scheduleWake, takeOutcome, troubleReported } from "./queue-runner.js";

const LINKEDIN_ORIGIN = "https://www.linkedin.com";

/**
 * The largest archive digest taken (characters of JSON): a digest holds
 * counts and dates per person the archive names, a few hundred bytes each,
 * so 32 MB is room for far more people than a network holds (and half of
 * what Chrome carries in one message).
 */
const MAX_DIGEST_CHARS = 32 * 1024 * 1024;

/**
 * Decodes a base64 string to bytes.
 * @param {string} base64
 */
function bytesOf(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Whether `page` is one that steps act on (connections, sent invitations,
 * following).
 * @param {unknown} page
 * @returns {page is import("./tabs.js").ActionPage}
 */
const isActionPage = (page) => ACTION_PAGES.some((p) => p === page);

/**
 * The pages the waiting steps act on (the connections page when the queue
 * says nothing of its kinds): only a reading of one of them lifts a pause
 * for want of a page.
 * @param {any} queue the core's queueProgress
 * @returns {Set<string>}
 */
function pagesNeeded(queue) {
  const kinds = Array.isArray(queue?.kinds) ? queue.kinds : [];
  const pages = new Set(
    kinds
      .filter((k) => Number(k?.pending) > 0)
      .map((k) => PAGE_OF_KIND[/** @type {keyof typeof PAGE_OF_KIND} */ (k.kind)])
      .filter(Boolean),
  );
  if (pages.size === 0) pages.add("connections");
  return pages;
}

/**
 * After more was queued: a pause for want of a page is lifted, so the queue
 * decides again with every kind now waiting. People of another kind whose
 * page is open go on there; with none open it pauses again, naming every
 * page it needs. (A pause for trouble, by the member or in a cool-down
 * stays.)
 */
function liftPauseForPage() {
  const queue = state.core.queueProgress(Date.now(), utcOffset());
  if (pausedForPage(queue) && !coolingDown(queue)) state.core.resumeQueue(Date.now(), {});
}

/** Whether the queue is in a cool-down, which only the member's acknowledgement ends. */
const coolingDown = (queue) =>
  typeof queue.cooldownUntilMs === "number" && queue.cooldownUntilMs > Date.now();

/**
 * Whether a message really comes from this extension, and from where.
 * @param {chrome.runtime.MessageSender} sender
 * @returns {"linkedin-tab" | "extension-page" | null}
 */
function origin(sender) {
  if (sender.id !== api.runtime.id) return null;
  const url = sender.url ?? sender.tab?.url ?? "";
  if (sender.tab && url.startsWith(`${LINKEDIN_ORIGIN}/`)) return "linkedin-tab";
  if (url.startsWith(api.runtime.getURL(""))) return "extension-page";
  return null;
}

/**
 * @typedef {object} Handler
 * @property {"linkedin-tab" | "extension-page"} from
 * @property {(message: any, sender: chrome.runtime.MessageSender) => Promise<object>} handle
 */

/** @type {Record<string, Handler>} */
const handlers = {
  "page-reading": {
    from: "linkedin-tab",
    async handle(message, sender) {
      const reading = message.reading;
      const tabId = sender.tab?.id;
      const member = memberOf(reading);
      const page = reading?.recognised ? (reading.page ?? null) : null;
      // An unrecognised reading (a page still loading) changes only the member.
      if (typeof tabId === "number") {
        // A reading says whether its page is visible: a reloaded page is
        // visible from its start and never reports a visibilitychange, while
        // the page it replaced said "hidden" as it unloaded.
        const seen = typeof reading?.visible === "boolean" ? { visible: reading.visible } : {};
        await noteTab(
          tabId,
          reading?.recognised
            ? { page, member, ...checkOf(reading), ...actionOffOf(reading, page), ...seen }
            : { member, ...seen },
        );
      }
      // Whose network this is: learnt from the first reading that names a
      // member; a reading of another account switches to that account's own
      // network (this one is parked, never mixed). A reading naming nobody
      // is read for counts into the active network, but lets no step run.
      if (member !== null && state.owner === null) {
        state.owner = member;
      } else if (
        member !== null &&
        !sameMember(member, state.owner) &&
        !(await switchNetwork(member))
      ) {
        return { report: null, collect: null, readOnly: true };
      }
      const report = state.core.ingest(reading, Date.now());
      let collect = report.collect ?? null;
      if (isActionPage(page) && typeof tabId === "number") {
        const acting = (await actingTab(page)) === tabId;
        if (page === "connections") {
          // Only the acting tab collects; any other stops if it was.
          if (acting && report.collect?.running) await driveCollection(tabId);
          if (!acting && collect?.running) collect = { ...collect, running: false };
        }
        // Only the pauses netprune made for want of this page, or of this
        // account, lift by themselves; a pause for trouble or by the member
        // waits for the member.
        const queue = state.core.queueProgress(Date.now(), utcOffset());
        // Never during a cool-down: that takes the member's acknowledgement.
        const lifts =
          !coolingDown(queue) &&
          ((pausedForPage(queue) && pagesNeeded(queue).has(page)) ||
            (queue.state === "paused" &&
              queue.pause?.cause === "account" &&
              sameMember(member, state.owner)));
        if (acting && lifts) {
          state.core.resumeQueue(Date.now(), {});
          pumpQueue();
        }
      }
      if (report.collect?.done) await persistNow();
      else persistSoon();
      // The words the member taught: the tab's page check counts a card's
      // menu buttons by them (a taught language's react-2025 label).
      return { report, collect, taught: state.core.taughtWords() };
    },
  },
  "page-visibility": {
    from: "linkedin-tab",
    async handle(message, sender) {
      const tabId = sender.tab?.id;
      if (typeof tabId === "number") await noteTab(tabId, { visible: message.visible === true });
      // A queue waiting for the page to be seen carries on.
      if (message.visible === true) pumpQueue();
      return {};
    },
  },
  "removal-outcome": {
    from: "linkedin-tab",
    async handle(message, sender) {
      return takeOutcome(message, sender.tab?.id);
    },
  },
  trouble: {
    from: "linkedin-tab",
    async handle(message) {
      const where = typeof message.url === "string" ? ` (${message.url})` : "";
      await troubleReported(message, where);
      return {};
    },
  },
  "queue-removals": {
    from: "extension-page",
    async handle(message) {
      const slugs = Array.isArray(message.slugs) ? message.slugs.map(String) : [];
      // The page open now lacks what a removal needs: say so before anyone
      // is queued, rather than queue people who would only wait.
      const off = await removalOffReason();
      if (off !== null) throw new Error(`${off} Nobody was queued; "Check this page" says more.`);
      // The dry run belongs to this batch's people: an earlier batch keeps its own.
      const report = state.core.queueRemovals(slugs, Date.now(), Boolean(message.dryRun));
      liftPauseForPage();
      await persistNow();
      pumpQueue();
      return report;
    },
  },
  "queue-actions": {
    from: "extension-page",
    async handle(message) {
      const kind = String(message.kind ?? "");
      if (!(kind in PAGE_OF_KIND)) {
        throw new Error(`Unknown kind of step "${kind}": remove, withdraw or unfollow.`);
      }
      const slugs = Array.isArray(message.slugs) ? message.slugs.map(String) : [];
      if (kind === "remove") {
        const off = await removalOffReason();
        if (off !== null) throw new Error(`${off} Nobody was queued; "Check this page" says more.`);
      } else {
        const off = await actionOffReason(
          PAGE_OF_KIND[/** @type {"withdraw" | "unfollow"} */ (kind)],
        );
        if (off !== null) throw new Error(`${off} Nobody was queued.`);
      }
      // Each person is checked against the relation the kind acts on (the
      // core refuses the others, with the reason).
      const report = state.core.queueActions(slugs, kind, Date.now(), Boolean(message.dryRun));
      liftPauseForPage();
      await persistNow();
      pumpQueue();
      return report;
    },
  },
  "queue-pause": {
    from: "extension-page",
    async handle() {
      state.core.pauseQueue("Paused by you", Date.now());
      await persistNow();
      await scheduleWake(null);
      return { queue: queueView() };
    },
  },
  "queue-resume": {
    from: "extension-page",
    async handle(message) {
      // During the cool-down after a LinkedIn warning the core refuses (the
      // error says until when) unless the member ticked the acknowledgement.
      state.core.resumeQueue(Date.now(), {
        acknowledgeCooldown: message.acknowledgeCooldown === true,
      });
      await persistNow();
      pumpQueue();
      return { queue: queueView() };
    },
  },
  "queue-cancel": {
    from: "extension-page",
    async handle() {
      const result = state.core.cancelAll(Date.now());
      await persistNow();
      return { result, queue: queueView() };
    },
  },
  "queue-cancel-one": {
    from: "extension-page",
    async handle(message) {
      const result = state.core.cancelRemoval(String(message.slug ?? ""), Date.now());
      await persistNow();
      return { result, queue: queueView() };
    },
  },
  "queue-settings": {
    from: "extension-page",
    async handle(message) {
      // The core clamps every value to its hard ceilings: what comes back is
      // what is in force, which the page shows.
      const settings = state.core.setQueueSettings(message.settings ?? {});
      await persistNow();
      pumpQueue();
      return { settings };
    },
  },
  "removal-log": {
    from: "extension-page",
    async handle() {
      return { csv: state.core.removalLogCsv() };
    },
  },
  "collect-ended": {
    from: "linkedin-tab",
    async handle(message, sender) {
      const list = listOf(message.list);
      if (list !== "connections") return { lists: await listEnded(list, message, sender.tab?.id) };
      // Only the tab that collects ends the run; another tab's end (it was
      // told to stop) says nothing about the list.
      if (sender.tab?.id !== (await connectionsTab())) return { collect: state.core.collection() };
      // A halt is the answer to our own stop (or to the member leaving the
      // page, which keeps the run waiting for the page to come back).
      if (message.outcome === "end-of-list" || message.outcome === "stalled") {
        state.core.finishCollection("ended", String(message.reason ?? ""), Date.now());
        await persistNow();
      }
      return { collect: state.core.collection() };
    },
  },
  "collect-start": {
    from: "extension-page",
    async handle(message) {
      const list = listOf(message.list);
      if (list !== "connections") return { lists: await startListCollect(list) };
      const tabId = await connectionsTab();
      if (tabId === null) {
        throw new Error(
          "Open your LinkedIn connections page in a tab first: netprune collects from it.",
        );
      }
      const collect = state.core.startCollection(Date.now());
      await persistNow();
      await driveCollection(tabId);
      return { collect };
    },
  },
  "page-check": {
    from: "extension-page",
    async handle() {
      // What the connections tab's reader recognises (issue 10, "Check this
      // page"). It clicks nothing; what it finds is the tab's latest word on
      // whether removal can run there.
      const tabId = await connectionsTab();
      if (tabId === null) {
        throw new Error("Open your LinkedIn connections page in a tab first: netprune checks it.");
      }
      /** @type {any} */
      let answer;
      try {
        answer = await api.tabs.sendMessage(tabId, {
          type: "page-check",
          taught: state.core.taughtWords(),
        });
      } catch (error) {
        throw new Error(`The connections tab did not answer (${messageOf(error)}); reload it.`, {
          cause: error,
        });
      }
      if (!answer?.ok)
        throw new Error(String(answer?.error ?? "The connections tab did not answer."));
      await noteTab(tabId, checkOf({ check: answer.check }));
      pumpQueue();
      return { check: answer.check };
    },
  },
  // Teaching netprune a language (docs/ARCHITECTURE.md, "Teaching a
  // language"): the review page starts a watch on the connections tab, the
  // tab reports what the member pressed, the member confirms it. The state
  // lives in storage.local.teach, which the review page shows.
  "teach-start": {
    from: "extension-page",
    async handle() {
      const language = state.core.removalLanguage();
      if (language.removal !== "unavailable" && language.removal !== "learned") {
        throw new Error(
          language.removal === "known"
            ? "netprune already knows LinkedIn's removal words in this language: nothing to teach."
            : "Open your LinkedIn connections page first, so netprune knows its language.",
        );
      }
      const tabId = await connectionsTab();
      if (tabId === null) {
        throw new Error(
          "Open your LinkedIn connections page in a tab first: netprune watches it while you remove one person by hand.",
        );
      }
      /** @type {any} */
      let answer;
      try {
        answer = await api.tabs.sendMessage(tabId, { type: "teach-watch" });
      } catch (error) {
        throw new Error(`The connections tab did not answer (${messageOf(error)}); reload it.`, {
          cause: error,
        });
      }
      if (!answer?.ok) {
        throw new Error(String(answer?.error ?? "The connections tab did not answer."));
      }
      const teach = { state: "watching", language: language.language, tabId, atMs: Date.now() };
      await api.storage.local.set({ teach });
      return { teach };
    },
  },
  "teach-observed": {
    from: "linkedin-tab",
    async handle(message, sender) {
      const { teach } = (await api.storage.local.get("teach")) ?? {};
      // Only the watch the member started, in the tab it started in.
      if (teach?.state !== "watching" || teach.tabId !== sender.tab?.id) return {};
      const next =
        message.ok === true && message.words && typeof message.words === "object"
          ? {
              ...teach,
              state: "observed",
              words: message.words,
              person: message.person ?? null,
              atMs: Date.now(),
            }
          : {
              ...teach,
              state: "failed",
              reason: String(message.reason ?? "netprune saw no removal"),
              atMs: Date.now(),
            };
      await api.storage.local.set({ teach: next });
      return {};
    },
  },
  "teach-confirm": {
    from: "extension-page",
    async handle() {
      const { teach } = (await api.storage.local.get("teach")) ?? {};
      if (teach?.state !== "observed") throw new Error("netprune has learned nothing to confirm.");
      const words = state.core.teachRemoval(teach.words, Date.now());
      await api.storage.local.remove("teach");
      await persistNow();
      return { words, summary: summary() };
    },
  },
  "teach-cancel": {
    from: "extension-page",
    async handle() {
      const { teach } = (await api.storage.local.get("teach")) ?? {};
      if (typeof teach?.tabId === "number") {
        try {
          await api.tabs.sendMessage(teach.tabId, { type: "teach-stop" });
        } catch {
          // A closed tab has nothing left to stop.
        }
      }
      await api.storage.local.remove("teach");
      return {};
    },
  },
  "forget-taught": {
    from: "extension-page",
    async handle(message) {
      const forgotten = state.core.forgetTaught(String(message.language ?? ""));
      await persistNow();
      return { forgotten, summary: summary() };
    },
  },
  "collect-stop": {
    from: "extension-page",
    async handle() {
      const collect = state.core.finishCollection("stopped", null, Date.now());
      await persistNow();
      await haltCollection();
      const lists = await stopListCollects("stopped by you");
      return { collect, lists };
    },
  },
  "list-collects": {
    from: "extension-page",
    async handle() {
      return { lists: await listCollects() };
    },
  },
  "get-summary": {
    from: "extension-page",
    async handle() {
      return { summary: summary() };
    },
  },
  "set-goal": {
    from: "extension-page",
    async handle(message) {
      state.core.setGoal(String(message.goal));
      await persistNow();
      return { summary: summary() };
    },
  },
  "set-kept": {
    from: "extension-page",
    async handle(message) {
      const slugs = Array.isArray(message.slugs) ? message.slugs.map(String) : [];
      const changed = state.core.setKept(slugs, Boolean(message.kept));
      await persistNow();
      return { changed };
    },
  },
  "import-csv": {
    from: "extension-page",
    async handle(message) {
      if (typeof message.base64 !== "string") throw new Error("No file was sent.");
      const report = state.core.importCsv(bytesOf(message.base64), Date.now());
      await persistNow();
      return { report };
    },
  },
  // LinkedIn's data archive, read in the review page (review/archive.js):
  // only its digest comes here, counts and dates per person, never a
  // message's text. The core merges it (newer dates win, counts are
  // recomputed) and the network is stored as an import's is.
  "import-archive": {
    from: "extension-page",
    async handle(message) {
      const digest = message.digest;
      if (typeof digest !== "string" || digest.length === 0) {
        throw new Error("No archive digest was sent.");
      }
      if (digest.length > MAX_DIGEST_CHARS) {
        throw new Error(
          `The archive's digest is too large (${digest.length} characters, at most ${MAX_DIGEST_CHARS}).`,
        );
      }
      const report = state.core.mergeArchive(digest, Date.now());
      await persistNow();
      return { report };
    },
  },
  "restore-backup": {
    from: "extension-page",
    async handle(message) {
      // The core validates the whole file first: a refusal changes nothing.
      // A restore replaces the people, keep-list and saved queries, but never
      // undoes safety: the removal log, the attempt counts behind the caps,
      // the pacing generator, the pause and cool-down and the step in flight
      // stay as they are, anyone removed stays removed, and nobody is queued
      // (the file's waiting removals are not queued again, the ones waiting
      // now are cancelled; the log keeps them all).
      const report = state.core.restoreBackup(String(message.text ?? ""), Date.now());
      await persistNow();
      pumpQueue();
      return { summary: summary(), report };
    },
  },
  "save-query": {
    from: "extension-page",
    async handle(message) {
      state.core.saveQuery(String(message.name ?? ""), String(message.query ?? ""), Date.now());
      await persistNow();
      return { savedQueries: state.core.savedQueries() };
    },
  },
  "delete-query": {
    from: "extension-page",
    async handle(message) {
      state.core.deleteQuery(String(message.name ?? ""));
      await persistNow();
      return { savedQueries: state.core.savedQueries() };
    },
  },
  "kept-snapshot": {
    from: "extension-page",
    async handle(message) {
      // The kept-aside copy's text, for the member to download (never sent
      // anywhere else). `keptAs` names one entry of corruptSnapshots.
      const { corruptSnapshots } = await api.storage.local.get("corruptSnapshots");
      const kept = Array.isArray(corruptSnapshots) ? corruptSnapshots : [];
      const entry = kept.find((k) => k?.keptAs === String(message.keptAs ?? ""));
      if (!entry) throw new Error("That kept-aside copy is no longer stored.");
      const raw = typeof entry.raw === "string" ? entry.raw : JSON.stringify(entry.raw ?? null);
      // A compact network kept aside is base64 text of its bytes.
      const encoding =
        entry.encoding === "base64" && typeof entry.raw === "string" ? "base64" : "text";
      return {
        raw,
        encoding,
        kind: entry.kind === "newer" ? "newer" : "unreadable",
        atMs: entry.atMs,
      };
    },
  },
  "dismiss-corrupt": {
    from: "extension-page",
    async handle() {
      if (state.corrupt) {
        await api.storage.local.set({ corruptNoticeDismissed: state.corrupt.atMs });
        state.corrupt = null;
      }
      await persistNow();
      return { summary: summary() };
    },
  },
};

/**
 * The runtime.onMessage listener: a message of a known type from where that
 * type may come is handled (after every earlier one) and answered; anything
 * else is left unanswered.
 * @param {any} message
 * @param {chrome.runtime.MessageSender} sender
 * @param {(answer: object) => void} sendResponse
 */
export function route(message, sender, sendResponse) {
  const handler = handlers[message?.type];
  if (!handler || origin(sender) !== handler.from) return false;
  serially(() => handler.handle(message, sender)).then(
    (answer) => sendResponse({ ok: true, ...answer }),
    (error) => {
      console.warn(`netprune: ${message.type} failed:`, error);
      sendResponse({ ok: false, error: messageOf(error) });
    },
  );
  // Keep the channel open for the asynchronous answer (Chrome and Firefox alike).
  return true;
}
