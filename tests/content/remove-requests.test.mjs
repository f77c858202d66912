// The `remove-step` requests a tab takes and the ones it refuses: one step
// at a time and never during a collection, nothing malformed or without the
// background's rules, nothing from another extension, nothing while hidden,
// for another account or off the connections page; a step is paced by the
// core's drawn pauses, types the name key by key, and retries its outcome
// report once when the background is not there.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { collectRun, removeStep, RULES, sleep, withPage } from "./harness.mjs";
import {
  LIAM,
  NOA,
  nextAttempt,
  outcomeOf,
  step,
  withConnections,
  ZOE,
} from "./remove-helpers.mjs";

describe("removal step requests", { concurrency: true }, () => {
  test("one step at a time, and never during a collection", async () => {
    await withConnections({ generation: "artdeco" }, async ({ page }) => {
      const attempt = nextAttempt();
      const first = removeStep({
        attempt,
        ...LIAM,
        mode: "remove",
        dryRun: true,
      });
      assert.deepEqual(await page.tell(first), { ok: true });
      assert.deepEqual(await page.tell({ ...first, attempt: attempt + 1000 }), {
        ok: false,
        notTaken: "busy",
        error: "a step is already running",
      });
      const collect = await page.tell(collectRun({ delayMs: 5000, stallMs: 60_000 }));
      assert.equal(collect.ok, false);
      assert.match(collect.error, /removal step is running/);
      await outcomeOf(page, attempt);

      assert.deepEqual(await page.tell(collectRun({ delayMs: 5000, stallMs: 60_000 })), {
        ok: true,
      });
      const during = await page.tell({ ...first, attempt: attempt + 2000 });
      assert.equal(during.ok, false);
      assert.equal(during.notTaken, "busy");
      assert.match(during.error, /collection is running/);
      assert.deepEqual(await page.tell({ type: "collect-halt" }), { ok: true });
    });
  });

  test("refuses malformed requests and requests from anyone but the extension", async () => {
    await withConnections({ generation: "react-2025" }, async ({ site, page, clicks }) => {
      const good = removeStep({
        attempt: 1,
        ...ZOE,
        mode: "remove",
        dryRun: false,
      });
      for (const bad of [
        { ...good, attempt: "1" },
        { ...good, slug: "" },
        { ...good, slug: "a/b" },
        { ...good, name: "  " },
        { ...good, mode: "delete" },
        { ...good, dryRun: undefined },
        { ...good, pausesMs: [] },
        { ...good, pausesMs: [100, -1] },
        { ...good, pausesMs: "soon" },
        // A step without the core's drawn pauses would pace itself by
        // constants: refused, never run.
        { ...good, pausesMs: undefined },
        { ...good, pausesMs: null },
        { ...good, member: 7 },
      ]) {
        const answer = await page.tell(bad);
        assert.equal(answer.ok, false, JSON.stringify(bad));
      }
      // A step's time and wait limits come only from the background's rules:
      // without them, or with one missing, it is refused, never guessed.
      for (const rules of [
        undefined,
        null,
        {},
        { ...RULES.step, timeoutMs: 0 },
        { ...RULES.step, searchWaitMs: undefined },
        { ...RULES.step, leaveWaitMs: "10000" },
      ]) {
        const answer = await page.tell({ ...good, rules });
        assert.equal(answer.ok, false, JSON.stringify(rules));
        assert.match(answer.error, /rules/);
        assert.equal(answer.notTaken, undefined);
      }
      assert.equal(await page.tell(good, { id: "some-other-extension" }), undefined);
      await sleep(1500);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.removed], []);
      assert.deepEqual(
        page.messages.filter((m) => m.type !== "page-reading"),
        [],
      );
    });
  });

  test("takes no step while the tab is hidden, saying so as notTaken", async () => {
    await withConnections({ generation: "sdui-2026" }, async ({ site, page, clicks }) => {
      Object.defineProperty(page.document, "hidden", { configurable: true, get: () => true });
      const answer = await page.tell(
        removeStep({
          attempt: 1,
          ...ZOE,
          mode: "remove",
          dryRun: false,
        }),
      );
      assert.equal(answer.ok, false);
      assert.equal(answer.notTaken, "hidden");
      await sleep(500);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.removed], []);
    });
  });

  test("takes no step for another account, nor when its own profile link cannot be found", async () => {
    await withConnections({ generation: "react-2025" }, async ({ site, page, clicks }) => {
      const base = removeStep({
        ...ZOE,
        mode: "remove",
        dryRun: false,
      });
      const other = await page.tell({ ...base, attempt: 1, member: "someone-else-123" });
      assert.equal(other.notTaken, "another-account");
      assert.match(other.error, /another LinkedIn account \(alex-morgan-5e6f7a\)/);
      page.document.querySelector('#global-nav a[href^="/in/"]').remove();
      const unknown = await page.tell({ ...base, attempt: 2, member: site.member.slug });
      assert.equal(unknown.notTaken, "another-account");
      assert.match(unknown.error, /cannot find your own profile link/);
      await sleep(500);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.removed], []);
    });
  });

  test("paces a step by its pausesMs, none sooner than the first after the list appeared", async () => {
    await withConnections({ generation: "sdui-2026" }, async ({ site, page }) => {
      const at = [];
      for (const type of ["click"]) {
        page.document.addEventListener(type, () => at.push(Date.now()), true);
      }
      const started = Date.now();
      const report = await step(page, ZOE, {
        pausesMs: [900, 300, 300, 300, 300, 300],
        member: site.member.slug,
      });
      assert.deepEqual(report.outcome, { kind: "removed" });
      assert.equal(at.length, 3, "menu button, item, confirm");
      assert.ok(at[0] - started >= 900, `the first click waited its pause (${at[0] - started} ms)`);
      assert.ok(at[1] - at[0] >= 300 && at[2] - at[1] >= 300, "each later click waited its pause");
    });
  });

  test("types the name key by key through the native value setter", async () => {
    await withConnections({ generation: "sdui-2026" }, async ({ page }) => {
      const box = page.document.querySelector('input[data-testid="typeahead-input"]');
      const keys = [];
      for (const type of ["keydown", "keypress", "input", "keyup"]) {
        box.addEventListener(type, (event) =>
          keys.push(`${type}:${event.key ?? event.data}:${box.value}`),
        );
      }
      // A plain `value =` on the element is what React misses; the native setter is what it sees.
      let ownSetter = 0;
      Object.defineProperty(box, "value", {
        configurable: true,
        get: () =>
          Object.getOwnPropertyDescriptor(page.window.HTMLInputElement.prototype, "value").get.call(
            box,
          ),
        set: () => {
          ownSetter += 1;
        },
      });
      const report = await step(page, { slug: "sam-lee-000000", name: "Sam" }, { mode: "verify" });
      assert.ok(report.outcome.kind);
      assert.deepEqual(keys.slice(0, 12), [
        "keydown:S:",
        "keypress:S:",
        "input:S:S",
        "keyup:S:S",
        "keydown:a:S",
        "keypress:a:S",
        "input:a:Sa",
        "keyup:a:Sa",
        "keydown:m:Sa",
        "keypress:m:Sa",
        "input:m:Sam",
        "keyup:m:Sam",
      ]);
      assert.equal(ownSetter, 0, "the value went through the native setter only");
    });
  });

  test("refuses a step on a page that is not the connections page", async () => {
    await withPage(createMockSite({ renderDelayMs: 50 }), PATHS.followers, async (page) => {
      assert.deepEqual(
        await page.tell(
          removeStep({
            attempt: 1,
            ...ZOE,
            mode: "verify",
          }),
        ),
        {
          ok: false,
          notTaken: "no-list",
          error: "This tab is not showing your LinkedIn connections.",
        },
      );
    });
  });

  test("retries the outcome report once after a second when the background is not there", async () => {
    let refused = 0;
    const answer = (message) =>
      message.type === "removal-outcome" && refused++ === 0
        ? Promise.reject(new Error("Could not establish connection"))
        : Promise.resolve({ ok: true });
    await withConnections(
      { generation: "sdui-2026" },
      async ({ page }) => {
        const started = Date.now();
        const report = await step(page, NOA, { mode: "verify" });
        assert.deepEqual(report.outcome, { kind: "still-there" });
        const sent = page.calls.filter((m) => m.type === "removal-outcome");
        assert.equal(sent.length, 2);
        assert.deepEqual(sent[0], sent[1]);
        assert.ok(Date.now() - started >= 1000);
      },
      { answer },
    );
  });
});
