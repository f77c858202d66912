// `./build.sh screenshots` keeps working: the README's pictures taken into a
// temporary folder, each at the size it promises (PNG header), the dark ones
// really different from the light ones. (Whether they look right is for a
// person reading docs/screenshots/; the layout's promises are tested in
// review-layout and popup tests.)
//
//   ./build.sh testbuild && flock /tmp/netprune-e2e.lock \
//     node --test --test-concurrency=1 tests/e2e/screenshots.test.mjs

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { removeDir, tempDir } from "./harness.mjs";
import { SHOTS, takeScreenshots } from "../screenshots.mjs";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, "a PNG file");
  assert.equal(bytes.toString("latin1", 12, 16), "IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test(
  "Chromium: the README's screenshots are taken at their sizes, light and dark",
  { timeout: 120_000 },
  async () => {
    const out = tempDir("netprune-screenshots-");
    try {
      const written = await takeScreenshots(out);
      assert.deepEqual(Object.keys(written).sort(), SHOTS.map((s) => s.name).sort());
      for (const { name, width, height } of SHOTS) {
        const bytes = readFileSync(written[name]);
        assert.deepEqual(pngSize(bytes), { width, height }, name);
      }
      for (const page of ["popup", "review-1280", "review-400"]) {
        const light = readFileSync(written[`${page}-light`]);
        const dark = readFileSync(written[`${page}-dark`]);
        assert.ok(!light.equals(dark), `${page}: the dark picture differs from the light one`);
      }
    } finally {
      removeDir(out);
    }
  },
);
