// @ts-check
// Build-time flags. This file ships as it is in dist/chrome and dist/firefox;
// `./build.sh testbuild` overwrites it in dist/test/chrome and dist/test/firefox
// with TEST_BUILD = true. Only a test build honours storage.local.devPacing
// (the fast pacing the end-to-end tests use): a member's install never does,
// whatever its install type.
export const TEST_BUILD = false;
