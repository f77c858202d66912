// `./build.sh demo`: Chromium with dist/test/chrome loaded, on the mock LinkedIn
// site served at LinkedIn's real URLs (nothing reaches the real LinkedIn, or
// anywhere else).
//
//   node tests/demo.mjs [--generation artdeco|react-2025|sdui-2026] [--count N] [--headless]
//
// With a display ($DISPLAY set, and no --headless) the browser opens on the
// mock connections page with the popup in a second tab; the netprune icon
// sits in the toolbar's extensions menu. The demo ends when the browser is
// closed (or on Ctrl-C). Without a display it reads the page, saves
// screenshots to dist/demo/connections.png and dist/demo/popup.png, prints
// what the popup says, and exits.

import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";

import {
  GENERATIONS,
  PATHS,
  ROOT,
  createMockSite,
  formatCount,
  launchChromium,
  parseCount,
} from "./e2e/harness.mjs";

function usage(message) {
  console.error(`demo: ${message}`);
  console.error(
    `usage: node tests/demo.mjs [--generation ${GENERATIONS.join("|")}] [--count N] [--headless]`,
  );
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      generation: { type: "string", default: "sdui-2026" },
      count: { type: "string", default: "60" },
      headless: { type: "boolean", default: false },
    },
  }));
} catch (error) {
  usage(error.message);
}
if (!GENERATIONS.includes(values.generation)) {
  usage(`--generation must be one of ${GENERATIONS.join(", ")}`);
}
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1)
  usage("--count must be a whole number of people, at least 1");

const headed = Boolean(process.env.DISPLAY) && !values.headless;
const site = createMockSite({ generation: values.generation, count, seed: 1 });
const connectionsUrl = `https://www.linkedin.com${PATHS.connections}`;

console.log(
  `netprune demo: mock LinkedIn (${values.generation} markup, ${formatCount(count)} connections), ` +
    `${headed ? "headed" : "headless"} Chromium`,
);

let session;
try {
  session = await launchChromium({
    site,
    headless: !headed,
    viewport: headed ? null : { width: 1280, height: 900 },
  });
} catch (error) {
  // Playwright's message ends in pages of browser log; the first line says what failed.
  console.error(`demo: Chromium did not start: ${String(error.message).split("\n")[0]}`);
  if (headed) {
    console.error(
      `(DISPLAY is ${process.env.DISPLAY}; run with --headless for screenshots instead)`,
    );
  }
  process.exit(1);
}

let closing = null;
const close = () => (closing ??= session.close());
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    close().finally(() => process.exit(130));
  });
}

try {
  // A persistent context opens with one blank tab: use it for LinkedIn.
  const linkedin = await session.openLinkedIn(
    PATHS.connections,
    session.context.pages().find((page) => page.url() === "about:blank"),
  );
  await session.openPopup();
  const popup = await session.waitForPopup(
    (p) => parseCount(p.text["connection-count"]) === site.stated.connections,
    { what: `the ${formatCount(site.stated.connections)} connections`, timeout: 30_000 },
  );

  console.log("\nThe popup says:");
  const lines = [
    ["Connections", popup.text["connection-count"] || "(not read)"],
    ["Followers", popup.text["follower-count"] || "(not read)"],
    ["Following", popup.text["following-count"] || "(not read)"],
    ["Badge", popup.text["badge-status"]],
    ["Cap headroom", popup.text["cap-headroom"] || "(unknown)"],
    ["Last page", popup.text["page-status"]],
  ];
  for (const [label, text] of lines) console.log(`  ${`${label}:`.padEnd(14)}${text}`);

  if (headed) {
    await linkedin.bringToFront();
    console.log(
      `\nChromium is open on ${connectionsUrl} (the mock), with the popup in the second tab.\n` +
        "Click the puzzle-piece icon in the toolbar, then netprune, for the real toolbar popup.\n" +
        "Close the browser window (or press Ctrl-C) to end the demo.",
    );
    await new Promise((resolve) => session.context.once("close", resolve));
  } else {
    const out = join(ROOT, "dist/demo");
    mkdirSync(out, { recursive: true });
    const shots = {
      connections: join(out, "connections.png"),
      popup: join(out, "popup.png"),
    };
    await linkedin.screenshot({ path: shots.connections });
    await session.popupPage.screenshot({ path: shots.popup, fullPage: true });
    console.log("\nScreenshots:");
    for (const [name, path] of Object.entries(shots)) {
      console.log(`  ${`${name}:`.padEnd(14)}${relative(process.cwd(), path) || path}`);
    }
    if (!process.env.DISPLAY) console.log("\n(No $DISPLAY, so the demo ran headless.)");
  }
} catch (error) {
  console.error(`\ndemo failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await close();
}
