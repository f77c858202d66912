// Bundles the background's ES modules (extension/background/, entry main.js)
// into the one ES module the manifest names: Chrome's service worker and
// Firefox's background script.
//
//   node tools/bundle-background.mjs <output file>     (./build.sh: <build>/background.js)
//
// The files the background shares with the rest of the extension stay
// separate modules, imported from beside the bundle: the compiled core
// (core/netprune.js finds its .wasm next to itself), lib/browser.js (the
// extension API) and build-flags.js (which `./build.sh testbuild` rewrites
// in a test build). The background modules import them as "../x.js"; the
// bundle, one folder up, imports them as "./x.js". tests/background/harness.mjs
// bundles the same way and puts fakes at those three paths.
import { build } from "esbuild";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const ENTRY = fileURLToPath(new URL("../extension/background/main.js", import.meta.url));
const EXTENSION = fileURLToPath(new URL("../extension/", import.meta.url));
// By path under extension/: whoever imports them (a background module as
// "../lib/browser.js", lib/network-store.js as "./browser.js").
const SHARED = ["core/netprune.js", "lib/browser.js", "build-flags.js"];
const BANNER = "// Built by ./build.sh from extension/background/ (esbuild); edit those, not this.";

/** Leaves the shared modules out of the bundle, imported from beside it. */
const shared = {
  name: "netprune-shared",
  /** @param {import("esbuild").PluginBuild} pluginBuild */
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /(netprune|browser|build-flags)\.js$/ }, (args) => {
      const shared = SHARED.find(
        (path) => join(args.resolveDir, args.path) === join(EXTENSION, path),
      );
      return shared ? { path: `./${shared}`, external: true } : undefined;
    });
  },
};

/**
 * Writes the bundle to `outfile`.
 * @param {string} outfile
 */
export async function bundleBackground(outfile) {
  await build({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    format: "esm",
    charset: "utf8",
    logLevel: "warning",
    banner: { js: BANNER },
    plugins: [shared],
    outfile,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [outfile] = process.argv.slice(2);
  if (!outfile) {
    console.error("usage: node tools/bundle-background.mjs <output file>");
    process.exit(2);
  }
  await bundleBackground(outfile);
}
