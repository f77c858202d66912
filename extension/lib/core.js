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

/**
 * The ArchiveReader class of the same core (the data archive is read in the
 * page that chose it: lib/core.js's one wasm instance, initialised once).
 *
 * @returns {Promise<any>}
 */
export async function loadArchiveReader() {
  const glue = await import("../core/netprune.js");
  await glue.default();
  return /** @type {any} */ (glue).ArchiveReader;
}
