#!/usr/bin/env bash
# netprune's one entry point.
#
#   ./build.sh          install what is missing, build dist/chrome and dist/firefox (+ zips)
#   ./build.sh testbuild  the same, plus dist/test/chrome and dist/test/firefox (+ zip): test
#                       builds, the only ones that honour storage.local.devPacing (fast pacing)
#   ./build.sh test     install and build whatever is needed, then lint and run every test
#                       (the end-to-end tests load the test builds)
#   ./build.sh demo     open Chromium with the extension on the bundled mock LinkedIn site
#   ./build.sh lint     formatting and lints only
#   ./build.sh bench    the core against plain JavaScript in headless Chromium: writes
#                       bench/results.json and the tables in docs/BENCHMARKS.md
#   ./build.sh screenshots  the README's pictures (popup, review page at 1280 and 400 px,
#                       light and dark, the confirmation) into docs/screenshots/
#
# The build shrinks the .wasm with wasm-opt -Oz (npm's binaryen, installed once
# into .cache/; Debian's binaryen writes wasm that fails at start-up). Without
# network access the step is skipped with a note; NETPRUNE_WASM_OPT=0 skips it.
#
# Every install step checks first and skips what is already there, so a warm
# machine goes straight to the build. Browsers are installed from Debian's
# packages when run as root; nothing downloads a browser or a binary itself.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }
die() {
  printf 'build.sh: %s\n' "$*" >&2
  exit 1
}

# The wasm-bindgen CLI must be the exact version of the library in Cargo.lock,
# or the glue it writes does not match the module.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo is not installed (https://rustup.rs); netprune needs a Rust toolchain"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want have
  want=$(wasm_bindgen_version)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$have" != "$want" ]; then
    step "installing wasm-bindgen-cli $want (about two minutes, once)"
    # No --locked: 0.2.130's lockfile names a webpki-roots release the registry lacks.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_node_modules() {
  command -v npm >/dev/null || die "node and npm are not installed; netprune's tooling needs Node.js 20 or newer"
  local stamp=node_modules/.netprune-lock-hash want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
    step "installing npm packages"
    npm ci --no-audit --no-fund
    echo "$want" >"$stamp"
  fi
}

apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "missing $*: install them with your package manager (Debian: apt-get install $*)"
  fi
  step "installing $* from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_chromium() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

ensure_firefox() {
  command -v firefox-esr >/dev/null || command -v firefox >/dev/null || apt_install firefox-esr
  if ! command -v geckodriver >/dev/null; then
    step "installing geckodriver from crates.io (about 90 seconds, once)"
    cargo install geckodriver
  fi
}

BINARYEN_VERSION=132.0.0
WASM_OPT=.cache/binaryen/node_modules/.bin/wasm-opt
# wasm-opt must be told every feature the compiler's wasm uses.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-reference-types --enable-multivalue
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals)

# Optional: about a tenth off the .wasm, no measurable change in speed
# (docs/BENCHMARKS.md). Skipped, not failed, when binaryen cannot be had.
optimize_wasm() {
  [ "${NETPRUNE_WASM_OPT:-1}" != 0 ] || return 0
  local want="version_${BINARYEN_VERSION%%.*}"
  if ! "$WASM_OPT" --version 2>/dev/null | grep -q "($want)"; then
    step "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm into .cache/, once"
    if ! npm install --no-save --no-audit --no-fund --silent --prefix .cache/binaryen \
      "binaryen@$BINARYEN_VERSION"; then
      printf 'note: binaryen could not be installed; the .wasm is left as the compiler wrote it\n'
      return 0
    fi
  fi
  step "wasm-opt -Oz"
  "$WASM_OPT" -Oz "${WASM_OPT_FEATURES[@]}" dist/.core/netprune_bg.wasm -o dist/.core/netprune_bg.opt.wasm
  mv dist/.core/netprune_bg.opt.wasm dist/.core/netprune_bg.wasm
}

# bundle_content <directory>: the content script's ES modules (extension/content/,
# with the word tables in linkedin/words/) as ONE classic script, since content
# scripts cannot be modules: <directory>/content/page-reader.js, the path the
# manifest names. The modules themselves are not shipped. The content script
# reads no build flag (only the background does), so test and normal builds
# bundle the same.
CONTENT_BANNER='// Built by ./build.sh from extension/content/ and linkedin/words/ (esbuild); edit those, not this.
"use strict";'
bundle_content() {
  local out=$1
  rm -rf "$out/content"
  esbuild extension/content/main.js --bundle --format=iife --charset=utf8 --log-level=warning \
    --banner:js="$CONTENT_BANNER" \
    --outfile="$out/content/page-reader.js"
}

# bundle_background <directory>: the background's ES modules (extension/background/)
# as ONE ES module, <directory>/background.js, the file the manifest names for
# Chrome's service worker and Firefox's background script
# (tools/bundle-background.mjs, esbuild). The modules themselves are not
# shipped. The core, lib/browser.js and build-flags.js stay beside it as
# modules of their own, so a test build's build-flags.js still decides, and
# test and normal builds bundle the same.
bundle_background() {
  local out=$1
  rm -rf "$out/background" "$out/background.js"
  node tools/bundle-background.mjs "$out/background.js"
}

# assemble <browser> <directory> <zip> [test]: one browser's extension from
# extension/, the compiled core and the manifest. With "test", build-flags.js
# says TEST_BUILD = true: only such a build honours storage.local.devPacing
# (the background), so the fast test pacing never reaches a member's install.
assemble() {
  local browser=$1 out=$2 zip kind=${4:-}
  zip=$(realpath -m "$3")
  step "assembling $out"
  rm -rf "$out" "$zip"
  mkdir -p "$(dirname "$out")"
  cp -R extension "$out"
  bundle_content "$out"
  bundle_background "$out"
  mkdir -p "$out/core"
  cp dist/.core/netprune.js dist/.core/netprune_bg.wasm "$out/core/"
  node tools/manifest.mjs "$browser" manifest.json "$out/manifest.json"
  if [ "$kind" = test ]; then
    printf '%s\n' "// Written by ./build.sh testbuild: this is a test build, which honours devPacing." \
      "export const TEST_BUILD = true;" >"$out/build-flags.js"
  fi
  (cd "$out" && python3 -c '
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for folder, _, files in sorted(os.walk(".")):
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, "."))
' "$zip")
}

# linkedin/cldr/dates.json (month names, date patterns and number symbols of
# LinkedIn's UI languages) is written from CLDR's npm packages when they are
# installed; it is committed, so a bare `cargo test` builds without them.
cldr_tables() {
  if [ -d node_modules/cldr-dates-modern ] && [ -d node_modules/cldr-numbers-modern ]; then
    step "writing linkedin/cldr/dates.json from CLDR"
    node tools/cldr-tables.mjs
  fi
}

build() {
  ensure_rust
  ensure_node_modules
  cldr_tables
  step "compiling the core to WebAssembly"
  cargo build --locked --release --target wasm32-unknown-unknown
  rm -rf dist/.core
  wasm-bindgen target/wasm32-unknown-unknown/release/netprune.wasm \
    --target web --out-dir dist/.core \
    --remove-name-section --remove-producers-section
  # The core's TypeScript declarations, where tsconfig.json's rootDirs lets
  # `tsc` see them as extension/core/netprune.d.ts (the extension never ships them).
  mkdir -p dist/.types/core
  cp dist/.core/netprune.d.ts dist/.types/core/netprune.d.ts
  optimize_wasm
  # A test build left from an earlier run would hold an older core.
  rm -rf dist/test
  for browser in chrome firefox; do
    assemble "$browser" "dist/$browser" "dist/netprune-$browser.zip"
  done
  printf '\nBuilt dist/chrome, dist/firefox, dist/netprune-chrome.zip, dist/netprune-firefox.zip (core: %s bytes of wasm)\n' \
    "$(wc -c <dist/.core/netprune_bg.wasm)"
}

# The test builds: acceptance tests outside the repo load dist/test/chrome, so
# that path stays exactly as it is.
testbuild() {
  build
  for browser in chrome firefox; do
    assemble "$browser" "dist/test/$browser" "dist/test/netprune-$browser.zip" test
  done
  printf '\nBuilt the test builds dist/test/chrome, dist/test/firefox, dist/test/netprune-firefox.zip\n'
}

lint() {
  step "cargo fmt --check"
  cargo fmt --all -- --check
  step "cargo clippy (host and wasm32)"
  cargo clippy --locked --all-targets -- -D warnings
  cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
  step "eslint, tsc (JSDoc types of the extension's JavaScript) and prettier"
  eslint .
  tsc -p tsconfig.json
  prettier --check . >/dev/null || prettier --check .
  step "web-ext lint (Firefox build)"
  web-ext lint --source-dir dist/firefox --warnings-as-errors --output text
}

run_tests() {
  ensure_chromium
  ensure_firefox
  testbuild
  lint
  step "the committed CLDR table is what tools/cldr-tables.mjs writes"
  node tools/cldr-tables.mjs --check
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git diff --exit-code --stat -- linkedin/cldr/dates.json ||
      die "linkedin/cldr/dates.json differs from the committed table: commit what tools/cldr-tables.mjs wrote"
  fi
  step "core tests (host)"
  cargo test --locked
  step "binding tests (wasm32 under node)"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target wasm32-unknown-unknown --test bindings
  step "content script, popup and review page tests, and the pages in every language (jsdom, fixture markup of every LinkedIn generation)"
  node --test tests/content/ tests/popup/ tests/review/ tests/i18n/ tests/archive/
  step "background tests (the real core, a fake browser: step dispatch, accounts, test pacing)"
  node --test tests/background/
  step "end-to-end tests (the test builds in Chromium and Firefox)"
  node --test --test-concurrency=1 tests/e2e/
  step "benchmark smoke run (the bench still runs; core and JS baseline give the same answers)"
  node bench/run.mjs --smoke
}

case "${1:-build}" in
build) build ;;
testbuild) testbuild ;;
test) run_tests ;;
lint)
  build
  lint
  ;;
demo)
  ensure_chromium
  testbuild
  node tests/demo.mjs "${@:2}"
  ;;
bench)
  ensure_chromium
  build
  node bench/run.mjs
  ;;
screenshots)
  ensure_chromium
  testbuild
  node tests/screenshots.mjs "${@:2}"
  ;;
*) die "unknown command '$1' (use: build, testbuild, test, demo, lint, bench, screenshots)" ;;
esac
