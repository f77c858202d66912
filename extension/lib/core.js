// @ts-check
// Loading netprune's core (the wasm build) in an extension page: the glue is
// imported dynamically, so a module that imports this one never needs the
// built wasm until a page actually starts.

/**
 * The Core class once the wasm is initialised.
 *
 * @returns {Promise<any>}
 */
export async function loadCore() {
  const glue = await import("../core/netprune.js");
  await glue.default();
  return glue.Core;
}
