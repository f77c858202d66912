// The data archive in the review page's tests (tests/review/archive.test.mjs,
// tests/i18n/review-archive.test.mjs): the page's real ArchiveReader, a stub
// background that merges the digest with a real core and stores the network
// as background/messages.js does, and choosing files in import-archive.
import * as glue from "../../dist/test/chrome/core/netprune.js";
import { byTestId, frame, waitFor } from "./dom.mjs";
import { Core, openReview, snapshotOf } from "./helpers.mjs";

const { ArchiveReader } = /** @type {any} */ (glue);

/** Puts several files into an <input type="file" multiple> and announces the change. */
export function chooseFiles(dom, input, files) {
  Object.defineProperty(input, "files", { configurable: true, value: files });
  input.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
}

/**
 * A stub background that merges an archive digest with a real core, stores
 * the network (moving its revision) and answers the report, as
 * background/messages.js's "import-archive" does; `refuse` answers an error.
 */
export function archiveBackground(store, { refuse = null } = {}) {
  const digests = [];
  let extension = null;
  return {
    digests,
    started: (ext) => {
      extension = ext;
    },
    answer(message) {
      if (message.type !== "import-archive") return { ok: true };
      digests.push(message.digest);
      if (refuse) return { ok: false, error: refuse };
      const core = Core.restoreJson(store.snapshot);
      try {
        const report = core.mergeArchive(message.digest, Date.now());
        extension.write({ snapshot: core.toStoredJson() });
        return { ok: true, report };
      } catch (error) {
        return { ok: false, error: error.message };
      } finally {
        core.free();
      }
    },
  };
}

/** Opens the review page on `people` (the archive's own, by default) with that background. */
export async function openWithArchiveBackground(t, { people = [], refuse, language } = {}) {
  const store = { snapshot: snapshotOf(people) };
  const background = archiveBackground(store, { refuse });
  const opened = await openReview(t, {
    people,
    store,
    answer: (message) => background.answer(message),
    started: background.started,
    loadArchiveReader: async () => ArchiveReader,
    language,
  });
  return { ...opened, background, store };
}

/** Chooses `files` in import-archive and waits for the report (in any language). */
export async function importArchive(dom, doc, files) {
  chooseFiles(dom, byTestId(doc, "import-archive"), files);
  const report = byTestId(doc, "import-report");
  await waitFor(
    () =>
      !byTestId(doc, "import-archive").disabled && report.querySelector(".report-title") && report,
    "the archive's import report",
    10_000,
  );
  await frame(dom);
  return report;
}
