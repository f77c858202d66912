// Writes one browser's manifest from the source manifest.json.
//
//   node tools/manifest.mjs chrome|firefox <source manifest> <output manifest> [--dev]
//
// The source manifest is the only one anyone edits. Per browser this drops
// every "$comment" key (they say why an entry is there), keeps the background
// key that browser wants (Chrome: service_worker; Firefox: scripts), merges
// the browser's own block ("chrome" or "firefox") at the top level, and adds
// that block's permissions to the common ones.
import { readFileSync, writeFileSync } from "node:fs";

/** @param {unknown} value */
function withoutComments(value) {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "$comment")
        .map(([key, inner]) => [key, withoutComments(inner)]),
    );
  }
  return value;
}

/**
 * @param {Record<string, any>} source
 * @param {"chrome" | "firefox"} browser
 */
export function manifestFor(source, browser) {
  const { chrome, firefox, ...common } = withoutComments(source);
  const own = browser === "chrome" ? chrome : firefox;
  const manifest = { ...common, ...own };
  manifest.permissions = [...(common.permissions ?? []), ...(own.permissions ?? [])];
  const { service_worker: worker, scripts, type } = common.background;
  manifest.background = browser === "chrome" ? { service_worker: worker, type } : { scripts, type };
  return manifest;
}

const [browser, from, to] = process.argv.slice(2);
if (browser !== "chrome" && browser !== "firefox") {
  console.error("usage: node tools/manifest.mjs chrome|firefox <source> <output>");
  process.exit(2);
}
const manifest = manifestFor(JSON.parse(readFileSync(from, "utf8")), browser);
writeFileSync(to, JSON.stringify(manifest, null, 2) + "\n");
