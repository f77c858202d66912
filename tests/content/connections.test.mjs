// The content script on the connections page, in every markup generation the
// mock site serves: what the first reading says, how later readings add only
// new people, and that hostile names arrive as text and run nothing.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { expectedCard, openPage, ORIGIN, sleep, waitFor, withPage } from "./harness.mjs";

const CONNECTIONS_URL = `${ORIGIN}${PATHS.connections}`;

/** The first reading the reader must send on a freshly rendered page. */
function firstReading(site, generation, cardCount) {
  return {
    type: "page-reading",
    reading: {
      page: "connections",
      url: CONNECTIONS_URL,
      recognised: true,
      generation,
      reason: null,
      // The mock's <html lang>.
      language: "en",
      counts: { connections: site.stated.shown.connections, followers: null, following: null },
      cards: site.people.slice(0, cardCount).map(expectedCard),
      member: site.member.slug,
      // jsdom's page is never hidden.
      visible: true,
    },
  };
}

/**
 * Open the connections page of a mock site made with `options`, run
 * `body(page, site)`, and close the page.
 */
const onConnections = (options, body, pageOptions) =>
  withPage(createMockSite(options), PATHS.connections, body, pageOptions);

/** The virtualized sdui-2026 list's scrolling pane. */
const paneOf = (page) =>
  page.document.querySelector('[componentkey^="ConnectionCard_"]').closest('[style*="overflow-y"]');

/** Scroll `pane` down by `by` pixels, as a wheel would, and tell the page. */
function scrollPane(page, pane, by) {
  pane.scrollTop += by;
  pane.dispatchEvent(new page.window.Event("scroll"));
}

const allCards = (page) => page.readings().flatMap((reading) => reading.cards);

describe("connections page", { concurrency: true }, () => {
  for (const [generation, firstPage] of [
    ["artdeco", 10],
    ["react-2025", 10],
    ["sdui-2026", 12],
  ]) {
    test(`reads the total and rendered cards in ${generation} markup`, async () => {
      await onConnections({ generation, count: 40, statedTotal: 1234 }, async (page, site) => {
        await page.waitForMessages(1);
        // Nothing else arrives while the page sits still.
        await sleep(700);
        assert.deepEqual(page.messages, [firstReading(site, generation, firstPage)]);
        assert.equal(page.messages[0].reading.counts.connections, "1,234");
        assert.deepEqual(page.pageErrors, []);
      });
    });

    test(`delivers hostile names verbatim and executes none of them in ${generation} markup`, async () => {
      await onConnections({ generation, pageSize: 20, renderDelayMs: 50 }, async (page) => {
        await page.waitForMessages(1);
        const names = page.messages[0].reading.cards.map((card) => card.name);
        for (const hostile of [
          '<img src=x onerror="window.__pwned=1">',
          'Robert "Bobby" O\'Neil',
          "</script><script>window.__pwned=1</script>",
          '=HYPERLINK("http://x","y")',
        ]) {
          assert.ok(names.includes(hostile), `${hostile} is delivered as written`);
        }
        const formula = page.messages[0].reading.cards.find((card) =>
          card.name.startsWith("=HYPERLINK"),
        );
        assert.equal(formula.headline, '=HYPERLINK("http://x","y")');
        const scripted = page.messages[0].reading.cards.find((card) =>
          card.name.startsWith("</script>"),
        );
        assert.equal(scripted.headline, "</p><p>Injected paragraph");
        // Give any injected handler a chance to run before checking.
        await sleep(100);
        assert.equal(page.window.__pwned, undefined);
        assert.equal(page.document.querySelectorAll("img[onerror], main script").length, 0);
      });
    });
  }

  test("sends unicode, right-to-left, namesake and vanity profiles exactly as written", async () => {
    await onConnections(
      { generation: "artdeco", pageSize: 20, renderDelayMs: 50 },
      async (page) => {
        await page.waitForMessages(1);
        const cards = page.messages[0].reading.cards;
        const byUrl = new Map(cards.map((card) => [card.profileUrl, card]));
        assert.equal(byUrl.get("/in/jos%C3%A9-garc%C3%ADa-4b1a2c/").name, "José García");
        assert.equal(
          byUrl.get("/in/%C5%82ukasz-wi%C5%9Bniewski-2f8a41/").name,
          "Łukasz Wiśniewski",
        );
        assert.equal(byUrl.get("/in/%E7%8E%8B%E4%BC%9F-5d2e90/").name, "王伟");
        assert.equal(byUrl.get("/in/mohammed-alali-83b0c2/").name, "محمد العلي");
        assert.equal(byUrl.get("/in/noa-cohen-1e4f7a/").headline, "מנהלת מוצר ב-Wix");
        assert.equal(byUrl.get("/in/avachen/").name, "Ava Chen");
        assert.equal(byUrl.get("/in/sam-lee-8d7c6b/").headline, null);
        const marias = cards.filter((card) => card.name === "Maria Silva");
        assert.deepEqual(
          marias.map((card) => card.profileUrl),
          ["/in/maria-silva-1a2b3c/", "/in/maria-silva-9f8e7d/"],
        );
        // The screen-reader-only "Member’s name" label is not part of a name.
        assert.ok(cards.every((card) => !card.name.includes("Member’s")));
      },
    );
  });

  test("sends only the new cards after Show more results in artdeco markup", async () => {
    await onConnections(
      { generation: "artdeco", count: 25, pageDelayMs: 100 },
      async (page, site) => {
        await page.waitForMessages(1);
        const button = page.document.querySelector(".scaffold-finite-scroll__load-button");
        assert.equal(button.textContent.trim(), "Show more results");
        button.click();
        await page.waitForMessages(2);
        assert.deepEqual(
          page.messages[1].reading.cards,
          site.people.slice(10, 20).map(expectedCard),
        );
        assert.deepEqual(page.messages[1].reading.counts, page.messages[0].reading.counts);

        // Scrolling the window to the bottom pages in the rest.
        page.window.dispatchEvent(new page.window.Event("scroll"));
        await page.waitForMessages(3);
        assert.deepEqual(
          page.messages[2].reading.cards,
          site.people.slice(20, 25).map(expectedCard),
        );
        assert.equal(page.document.querySelector(".scaffold-finite-scroll__load-button"), null);
        assert.deepEqual(allCards(page), site.people.map(expectedCard));
      },
    );
  });

  test("sends only the new cards as the window scrolls in react-2025 markup", async () => {
    await onConnections(
      { generation: "react-2025", count: 30, pageDelayMs: 100 },
      async (page, site) => {
        await page.waitForMessages(1);
        for (let batch = 2; batch <= 3; batch += 1) {
          page.window.dispatchEvent(new page.window.Event("scroll"));
          await page.waitForMessages(batch);
        }
        assert.deepEqual(
          page.readings().map((reading) => reading.cards.length),
          [10, 10, 10],
        );
        assert.deepEqual(allCards(page), site.people.map(expectedCard));
      },
    );
  });

  test("sends every row of the virtualized sdui-2026 list, even rows scrolled past between readings", async () => {
    await onConnections(
      { generation: "sdui-2026", count: 60, pageDelayMs: 100 },
      async (page, site) => {
        await page.waitForMessages(1);
        const pane = paneOf(page);
        let maxRowsInDom = 0;
        // Scroll a few rows at a time, as a person with a wheel would.
        await waitFor(
          () => {
            scrollPane(page, pane, 300);
            const rows = page.document.querySelectorAll('[componentkey^="ConnectionCard_"]').length;
            maxRowsInDom = Math.max(maxRowsInDom, rows);
            return allCards(page).length === 60;
          },
          "all 60 people to be sent",
          15000,
        );
        assert.deepEqual(allCards(page), site.people.map(expectedCard));
        // Scrolling this fast, rows enter and leave the DOM between two
        // debounced readings; they are still sent, as they were inserted.
        assert.ok(page.messages.length >= 2);
        const firstPerson = page.document.querySelector(
          `[componentkey^="ConnectionCard_"] a[href="${site.people[0].profileHref}"]`,
        );
        assert.equal(firstPerson, null, "rows scrolled past have left the DOM");
        assert.ok(maxRowsInDom <= 30, `at most ~30 rows in the DOM at once (saw ${maxRowsInDom})`);
      },
    );
  });

  test("sends the next batch after Load more in sdui-2026 load-more paging", async () => {
    await onConnections(
      {
        generation: "sdui-2026",
        paging: "load-more",
        count: 30,
        pageDelayMs: 100,
        renderDelayMs: 50,
      },
      async (page, site) => {
        await page.waitForMessages(1);
        const pane = paneOf(page);
        // Scrolling alone never pages in when the rollout wants a click.
        pane.scrollTop = 10_000;
        pane.dispatchEvent(new page.window.Event("scroll"));
        await sleep(700);
        assert.equal(page.messages.length, 1);

        const loadMore = [...page.document.querySelectorAll("button")].find(
          (button) => button.textContent === "Load more",
        );
        assert.ok(loadMore, "a Load more button is shown");
        loadMore.click();
        await page.waitForMessages(2);
        // The pane shows only the rows near its viewport, so the batch arrives
        // as the rows come into view: the first of them now, in list order.
        const batch = page.messages[1].reading.cards;
        assert.ok(batch.length > 0);
        assert.deepEqual(batch, site.people.slice(12, 12 + batch.length).map(expectedCard));
        await waitFor(() => {
          scrollPane(page, pane, 300);
          return allCards(page).length === 24;
        }, "the whole second batch to be sent");
        await sleep(700);
        assert.deepEqual(allCards(page), site.people.slice(0, 24).map(expectedCard));
      },
    );
  });

  test("reads react-2025 markup the same whatever the build's hashed class names", async () => {
    const readingsByBuild = [];
    const classesByBuild = [];
    for (const build of ["2025.03.1", "2025.09.7"]) {
      await onConnections({ generation: "react-2025", build, renderDelayMs: 50 }, async (page) => {
        await page.waitForMessages(1);
        readingsByBuild.push(page.messages[0]);
        classesByBuild.push(
          page.document.querySelector('[data-view-name="connections-list"]').className,
        );
      });
    }
    assert.notEqual(classesByBuild[0], classesByBuild[1]);
    assert.deepEqual(readingsByBuild[0], readingsByBuild[1]);
  });

  test("retries a rejected sendMessage once, and later sends nothing twice", async () => {
    await onConnections(
      { generation: "sdui-2026", renderDelayMs: 50 },
      async (page, site) => {
        await page.waitForMessages(1, 5000);
        assert.equal(page.calls.length, 2);
        assert.deepEqual(page.calls[1], page.calls[0]);
        assert.deepEqual(page.messages[0], firstReading(site, "sdui-2026", 12));
        await sleep(600);
        assert.equal(page.calls.length, 2);
      },
      {
        answer: (_message, callNumber) =>
          callNumber === 1
            ? Promise.reject(
                new Error("Could not establish connection. Receiving end does not exist."),
              )
            : Promise.resolve({ ok: true }),
      },
    );
  });

  test("resends undelivered cards with the next reading when the retry fails too", async () => {
    await onConnections(
      { generation: "artdeco", count: 20, renderDelayMs: 50 },
      async (page, site) => {
        await waitFor(() => page.calls.length === 2, "the first reading and its retry", 5000);
        // Let the failure be handled before more cards render.
        await sleep(100);
        page.document.querySelector(".scaffold-finite-scroll__load-button").click();
        await page.waitForMessages(1, 5000);
        assert.deepEqual(
          page.messages[0].reading.cards,
          site.people.slice(0, 20).map(expectedCard),
        );
      },
      {
        answer: (_message, callNumber) =>
          callNumber <= 2 ? Promise.reject(new Error("worker restarting")) : Promise.resolve(),
      },
    );
  });

  test("never throws into the page when the extension API fails synchronously", async () => {
    await onConnections(
      { generation: "react-2025", renderDelayMs: 50 },
      async (page) => {
        const uncaught = [];
        page.window.addEventListener("error", (event) => uncaught.push(event.error));
        page.window.chrome.runtime.sendMessage = () => {
          throw new Error("Extension context invalidated.");
        };
        page.injectReader();
        await page.waitForRender();
        await sleep(2600);
        assert.deepEqual(uncaught, []);
        assert.deepEqual(page.pageErrors, []);
      },
      { inject: false },
    );
  });
});

describe("connections page, as the evidence shows it", { concurrency: true }, () => {
  test("a_reloaded_connections_page_says_it_is_visible_without_a_visibility_change", async () => {
    // The page a reload replaces reports "hidden" as it unloads; the new
    // page must say it is seen (its readings carry it), or the queue waits
    // for it forever.
    await onConnections({ generation: "react-2025", renderDelayMs: 50 }, async (page) => {
      await page.waitForMessages(1);
      const [reading] = page.messages.filter((m) => m.type === "page-reading");
      assert.equal(reading.reading.visible, true);
    });
  });

  test("tells the background when the connections tab turns hidden or visible", async () => {
    await onConnections({ generation: "sdui-2026", renderDelayMs: 50 }, async (page) => {
      await page.waitForMessages(1);
      let hidden = false;
      Object.defineProperty(page.document, "hidden", { configurable: true, get: () => hidden });
      hidden = true;
      page.document.dispatchEvent(new page.window.Event("visibilitychange"));
      hidden = false;
      page.document.dispatchEvent(new page.window.Event("visibilitychange"));
      await waitFor(
        () => page.messages.filter((m) => m.type === "page-visibility").length === 2,
        "two page-visibility messages",
      );
      assert.deepEqual(
        page.messages.filter((m) => m.type === "page-visibility"),
        [
          { type: "page-visibility", visible: false },
          { type: "page-visibility", visible: true },
        ],
      );
    });
  });

  test("the mock's hashed class names change with every page load, and the reader does not care", async () => {
    const site = createMockSite({ generation: "react-2025", renderDelayMs: 50, count: 12 });
    const first = await openPage(site, PATHS.connections);
    const second = await openPage(site, PATHS.connections);
    try {
      await first.waitForMessages(1);
      await second.waitForMessages(1);
      const classOf = (page) =>
        page.document.querySelector('[data-view-name="connections-list"]').className;
      assert.notEqual(classOf(first), classOf(second));
      assert.deepEqual(first.readings()[0].cards, second.readings()[0].cards);
      assert.equal(
        first.document.querySelectorAll('[data-view-name="connections-list"]').length,
        10,
        "one wrapper per card",
      );
    } finally {
      first.close();
      second.close();
    }
  });
});
