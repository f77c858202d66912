// The mock LinkedIn site is a fixture other tests trust: these prove it is
// deterministic, carries its edge cases, scales, escapes what it writes into
// HTML, serves the URLs the contract names and nothing else, and runs over
// HTTP for any Host.

import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import http from "node:http";
import {
  absoluteConnectedText,
  generatePeople,
  relativeConnectedText,
} from "../mock-site/people.mjs";
import { startMockServer } from "../mock-site/serve.mjs";
import {
  CHECKPOINT_PATH,
  GENERATIONS,
  PATHS,
  abbreviateCount,
  createMockSite,
  escapeHtml,
  jsonForScript,
} from "../mock-site/site.mjs";
import { ORIGIN } from "./harness.mjs";

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  "</script><script>window.__pwned=1</script>",
  'Robert "Bobby" O\'Neil',
  "a & b",
  "line\u2028separator\u2029",
];

/** The JSON a served page embeds, parsed the way the page's own script parses it. */
function embeddedState(body) {
  const dom = new JSDOM(body);
  return JSON.parse(dom.window.document.getElementById("mock-state").textContent);
}

test("people are the same for the same seed and differ for another seed", () => {
  assert.deepEqual(
    generatePeople({ count: 200, seed: 7 }),
    generatePeople({ count: 200, seed: 7 }),
  );
  const a = generatePeople({ count: 200, seed: 7 }).slice(20);
  const b = generatePeople({ count: 200, seed: 8 }).slice(20);
  assert.notDeepEqual(a, b);
});

test("people include the unicode, hostile, headline-less and namesake edge cases", () => {
  const people = generatePeople({ count: 40 });
  const byName = (name) => people.filter((person) => person.name === name);
  assert.equal(byName("José García")[0].profilePath, "/in/jos%C3%A9-garc%C3%ADa-4b1a2c/");
  for (const name of [
    "Zoë Müller",
    "Łukasz Wiśniewski",
    "王伟",
    "محمد العلي",
    "נועה כהן",
    "Sunny ☀️ Patel 🚀",
  ]) {
    assert.equal(byName(name).length, 1, name);
  }
  for (const name of HOSTILE.slice(0, 3)) assert.equal(byName(name).length, 1, name);
  assert.equal(byName('=HYPERLINK("http://x","y")').length, 1);
  assert.ok(people.some((person) => person.headline === null));
  const marias = byName("Maria Silva");
  assert.equal(marias.length, 2);
  assert.notEqual(marias[0].slug, marias[1].slug);
});

test("people are newest first, with slugs unique, for 30,000 people in well under a second", () => {
  const started = performance.now();
  const people = generatePeople({ count: 30_000, seed: 3 });
  const elapsed = performance.now() - started;
  assert.equal(people.length, 30_000);
  assert.ok(elapsed < 1000, `generated in ${elapsed.toFixed(0)} ms`);
  assert.equal(new Set(people.map((person) => person.slug)).size, 30_000);
  for (let i = 1; i < people.length; i += 1) {
    assert.ok(people[i - 1].connectedOn >= people[i].connectedOn, `order at ${i}`);
  }
  assert.ok(people.at(-1).connectedOn < "2012-01-01", "the network spans years");
});

test("connected text is relative for artdeco and dated for the later markups", () => {
  assert.equal(absoluteConnectedText("2024-08-07"), "Connected on August 7, 2024");
  assert.equal(relativeConnectedText("2026-03-02", "2026-03-02", 1), "Connected 1 hour ago");
  assert.equal(relativeConnectedText("2026-02-28", "2026-03-02"), "Connected 2 days ago");
  assert.equal(relativeConnectedText("2026-02-16", "2026-03-02"), "Connected 2 weeks ago");
  assert.equal(relativeConnectedText("2025-12-01", "2026-03-02"), "Connected 3 months ago");
  assert.equal(relativeConnectedText("2024-01-01", "2026-03-02"), "Connected 2 years ago");
  const artdeco = createMockSite({ generation: "artdeco" }).people;
  assert.ok(artdeco.every((person) => / ago$/.test(person.connectedText)));
  for (const generation of ["react-2025", "sdui-2026"]) {
    const people = createMockSite({ generation }).people;
    assert.ok(
      people.every((person) => /^Connected on \w+ \d{1,2}, \d{4}$/.test(person.connectedText)),
    );
  }
});

test("escapeHtml leaves no markup-significant character unescaped", () => {
  for (const text of HOSTILE) {
    const escaped = escapeHtml(text);
    assert.doesNotMatch(escaped, /[<>"']/);
    const dom = new JSDOM(`<p title="${escaped}">${escaped}</p>`);
    const paragraph = dom.window.document.querySelector("p");
    assert.equal(paragraph.textContent, text);
    assert.equal(paragraph.title, text);
  }
});

test("jsonForScript cannot close its script element and round-trips exactly", () => {
  const value = { names: HOSTILE, nested: { text: "<!-- -->" } };
  const json = jsonForScript(value);
  assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(json), value);
  const dom = new JSDOM(
    `<script type="application/json" id="x">${json}</script><p id="after"></p>`,
  );
  assert.deepEqual(JSON.parse(dom.window.document.getElementById("x").textContent), value);
  assert.ok(dom.window.document.getElementById("after"), "the document after the JSON is intact");
});

test("served pages embed hostile names only as escaped JSON", () => {
  for (const generation of GENERATIONS) {
    const site = createMockSite({ generation });
    const body = site.handle(`${ORIGIN}${PATHS.connections}`).body;
    assert.doesNotMatch(body, /<img|<script>window|<b>Bold/);
    const state = embeddedState(body);
    assert.deepEqual(
      state.people.map((row) => row[1]),
      site.people.map((person) => person.name),
    );
  }
});

test("abbreviated counts truncate rather than round up", () => {
  assert.equal(abbreviateCount(999), "999");
  assert.equal(abbreviateCount(3456), "3.4K");
  assert.equal(abbreviateCount(3999), "3.9K");
  assert.equal(abbreviateCount(12_000), "12K");
  assert.equal(abbreviateCount(123_456), "123K");
  assert.equal(abbreviateCount(1_234_567), "1.2M");
});

test("the site states totals, followers and following per its options", () => {
  const defaults = createMockSite();
  assert.equal(defaults.people.length, 40);
  assert.deepEqual(defaults.stated, {
    connections: 40,
    followers: 97,
    following: 56,
    shown: { connections: "40", followers: "97", following: "56", profileConnections: "40" },
  });
  const big = createMockSite({
    count: 10,
    statedTotal: 1234,
    followers: 3456,
    followersAbbreviated: true,
  });
  assert.deepEqual(big.stated.shown, {
    connections: "1,234",
    followers: "3.4K",
    following: "1,369",
    profileConnections: "500+",
  });
  assert.throws(() => createMockSite({ generation: "geocities" }), /unknown generation/);
  assert.throws(() => createMockSite({ paging: "telepathy" }), /unknown paging/);
});

test("handle serves the contract's pages, with or without a trailing slash or query", () => {
  const site = createMockSite({ member: { slug: "jane-member-0a0b0c", name: "Jane Member" } });
  const routes = {
    [PATHS.connections]: "connections",
    "/mynetwork/invite-connect/connections": "connections",
    "/mynetwork/invite-connect/connections/?trk=nav": "connections",
    [PATHS.followers]: "followers",
    [PATHS.following]: "following",
    [PATHS.feed]: "feed",
    "/in/jane-member-0a0b0c/": "profile",
    "/in/someone-else-123abc": "profile",
  };
  for (const [path, route] of Object.entries(routes)) {
    const answer = site.handle(`${ORIGIN}${path}`);
    assert.equal(answer?.status, 200, path);
    assert.equal(answer.contentType, "text/html; charset=utf-8");
    assert.equal(embeddedState(answer.body).route, route, path);
  }
  const own = embeddedState(site.handle(`${ORIGIN}/in/jane-member-0a0b0c/`).body).profile;
  assert.equal(own.own, true);
  assert.equal(own.name, "Jane Member");
  const other = embeddedState(site.handle(`${ORIGIN}/in/someone-else-123abc/`).body).profile;
  assert.equal(other.own, false);

  const script = site.handle(`${ORIGIN}/__mock__/sdui-2026.js`);
  assert.equal(script.contentType, "text/javascript; charset=utf-8");
  assert.match(script.body, /ConnectionCard_/);

  for (const url of [
    `${ORIGIN}/`,
    `${ORIGIN}/mynetwork/`,
    `${ORIGIN}/in/jane-member-0a0b0c/edit/forms/intro/new/`,
    `${ORIGIN}/__mock__/../site.mjs`,
    `${ORIGIN}/__mock__/nope.js`,
    `${ORIGIN}/voyager/api/relationships/connections`,
    `https://example.com${PATHS.connections}`,
    "not a url",
  ]) {
    assert.equal(site.handle(url), null, url);
  }
});

test("stall and paging options reach the page, and a malformed stallAt is refused", () => {
  const site = createMockSite({
    generation: "artdeco",
    paging: "load-more",
    pageSize: 100,
    stallAt: [24, 300],
    stallMs: 20_000,
    paneHeight: 900,
  });
  const state = embeddedState(site.handle(`${ORIGIN}${PATHS.connections}`).body);
  assert.deepEqual(
    [state.paging, state.pageSize, state.stallAt, state.stallMs, state.paneHeight],
    ["load-more", 100, [24, 300], 20_000, 900],
  );
  const defaults = embeddedState(createMockSite().handle(`${ORIGIN}${PATHS.connections}`).body);
  assert.deepEqual([defaults.stallAt, defaults.stallMs], [[], 3000]);
  for (const stallAt of [24, ["24"], [-1], [1.5]]) {
    assert.throws(() => createMockSite({ stallAt }), /stallAt must be an array of card counts/);
  }
});

test("a 10,000-person connections page is built quickly and cached", () => {
  const site = createMockSite({ count: 10_000, generation: "artdeco" });
  const started = performance.now();
  const first = site.handle(`${ORIGIN}${PATHS.connections}`);
  const again = site.handle(`${ORIGIN}${PATHS.connections}?x=1`);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2000, `built in ${elapsed.toFixed(0)} ms`);
  assert.equal(again.body, first.body);
  assert.equal(embeddedState(first.body).people.length, 10_000);
});

test("the server answers as www.linkedin.com whatever Host the request names", async () => {
  const site = createMockSite({ generation: "react-2025" });
  const server = await startMockServer({ site, port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await new Promise((resolve, reject) => {
      const request = http.get(
        `${server.url}${PATHS.connections}`,
        { headers: { host: "www.linkedin.com" } },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => resolve({ response, body }));
        },
      );
      request.on("error", reject);
    });
    assert.equal(page.response.statusCode, 200);
    assert.equal(page.response.headers["content-type"], "text/html; charset=utf-8");
    assert.match(page.body, /id="mock-state"/);
    const asset = await fetch(`${server.url}/__mock__/common.js`);
    assert.equal(asset.status, 200);
    const missing = await fetch(`${server.url}/voyager/api/me`);
    assert.equal(missing.status, 404);
    const post = await fetch(`${server.url}${PATHS.connections}`, { method: "POST" });
    assert.equal(post.status, 405);
    const removal = await fetch(`${server.url}/__mock__/remove`, {
      method: "POST",
      body: "zoe-muller-7c3d9e",
    });
    assert.equal(removal.status, 200);
    assert.deepEqual(await removal.json(), { ok: true, limitReached: false });
    assert.deepEqual([...site.removed], ["zoe-muller-7c3d9e"]);
    const put = await fetch(`${server.url}/__mock__/remove`, { method: "PUT", body: "x" });
    assert.equal(put.status, 405);
  } finally {
    await server.close();
  }
});

/** POST a slug to the mock's remove endpoint, as the page's own script does. */
function removeVia(site, slug) {
  const answer = site.handle(`${ORIGIN}/__mock__/remove`, { method: "POST", body: slug });
  return { status: answer.status, json: JSON.parse(answer.body) };
}

test("the remove endpoint persists removals, as LinkedIn's backend does", () => {
  const site = createMockSite({ generation: "react-2025", count: 12, statedTotal: 600 });
  const url = `${ORIGIN}${PATHS.connections}`;
  const before = embeddedState(site.handle(url).body);
  assert.deepEqual(removeVia(site, "zoe-muller-7c3d9e"), {
    status: 200,
    json: { ok: true, limitReached: false },
  });
  assert.deepEqual([...site.removed], ["zoe-muller-7c3d9e"]);
  // Not connected any more, or never: refused.
  assert.equal(removeVia(site, "zoe-muller-7c3d9e").status, 404);
  assert.equal(removeVia(site, "nobody-000000").status, 404);
  // The decoded slug, as the page sends it, in any case.
  assert.equal(removeVia(site, "JOSÉ-GARCÍA-4b1a2c").status, 200);
  assert.deepEqual([...site.removed], ["zoe-muller-7c3d9e", "josé-garcía-4b1a2c"]);

  // handle(url) is still a GET, and later page loads no longer list them.
  const after = embeddedState(site.handle(url).body);
  assert.equal(after.people.length, before.people.length - 2);
  assert.ok(!after.people.some((row) => /zoe-muller|jos%C3%A9/.test(row[0])));
  assert.equal(after.connectionsTotal, 598);
  assert.deepEqual(after.shown, {
    connections: "598",
    followers: "1,215",
    following: "670",
    profileConnections: "500+",
  });
  assert.equal(site.stated.connections, 600, "stated stays what the site was built with");

  assert.equal(site.handle(`${ORIGIN}/__mock__/remove`), null, "no GET");
  assert.equal(site.handle(url, { method: "POST", body: "x" }).status, 405);
  assert.equal(site.handle(url, { method: "GET" }).status, 200);
});

test("a checkpoint or a limit answers the remove endpoint once reached", () => {
  const checkpointed = createMockSite({ faults: { checkpointAfter: 1 } });
  assert.equal(removeVia(checkpointed, "zoe-muller-7c3d9e").json.ok, true);
  assert.deepEqual(removeVia(checkpointed, "sam-lee-8d7c6b").json, {
    ok: false,
    checkpoint: CHECKPOINT_PATH,
  });
  assert.deepEqual([...checkpointed.removed], ["zoe-muller-7c3d9e"]);
  const checkpoint = checkpointed.handle(`${ORIGIN}${CHECKPOINT_PATH}`);
  assert.equal(checkpoint.status, 200);
  assert.match(checkpoint.body, /<iframe id="captcha-internal" title="Captcha challenge"/);
  for (const path of ["/login", "/uas/login", "/authwall"]) {
    assert.match(checkpointed.handle(`${ORIGIN}${path}`).body, /<h1>Sign in<\/h1>/, path);
  }

  const limited = createMockSite({ faults: { limitBanner: 1 } });
  const url = `${ORIGIN}${PATHS.connections}`;
  assert.equal(embeddedState(limited.handle(url).body).limitReached, false);
  assert.deepEqual(removeVia(limited, "zoe-muller-7c3d9e").json, { ok: true, limitReached: true });
  assert.deepEqual(removeVia(limited, "sam-lee-8d7c6b").json, { ok: false, limitReached: true });
  assert.equal(embeddedState(limited.handle(url).body).limitReached, true);
  const atOnce = createMockSite({ faults: { limitBanner: true } });
  assert.equal(embeddedState(atOnce.handle(url).body).limitReached, true);
  assert.equal(removeVia(atOnce, "zoe-muller-7c3d9e").json.ok, false);
});

test("the page-side faults reach the page, and unknown or malformed faults are refused", () => {
  const url = `${ORIGIN}${PATHS.connections}`;
  assert.deepEqual(embeddedState(createMockSite().handle(url).body).faults, {
    menuNeedsSecondClick: false,
    misleadingDialog: false,
    ambiguousMenu: null,
    lingerMs: 0,
    restrictionBanner: false,
    staleTotal: false,
  });
  const site = createMockSite({
    faults: {
      menuNeedsSecondClick: true,
      misleadingDialog: true,
      ambiguousMenu: true,
      lingerAfterConfirm: true,
      restrictionBanner: true,
      staleTotal: true,
    },
  });
  assert.deepEqual(embeddedState(site.handle(url).body).faults, {
    menuNeedsSecondClick: true,
    misleadingDialog: true,
    ambiguousMenu: "duplicate",
    lingerMs: 3000,
    restrictionBanner: true,
    staleTotal: true,
  });
  assert.equal(
    embeddedState(
      createMockSite({ faults: { ambiguousMenu: "unexpected", lingerAfterConfirm: 500 } }).handle(
        url,
      ).body,
    ).faults.lingerMs,
    500,
  );
  assert.throws(() => createMockSite({ faults: { menuNeedsThirdClick: true } }), /unknown fault/);
  assert.throws(() => createMockSite({ faults: { ambiguousMenu: "weird" } }), /ambiguousMenu/);
  assert.throws(() => createMockSite({ faults: { checkpointAfter: -1 } }), /checkpointAfter/);
  assert.throws(() => createMockSite({ faults: { limitBanner: "soon" } }), /limitBanner/);
  assert.throws(
    () => createMockSite({ faults: { temporaryLimitAfter: "later" } }),
    /temporaryLimitAfter/,
  );
});
