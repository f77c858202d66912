// Reading and driving an extension page in jsdom, for the popup's and the
// review page's tests (and the options page's): opening the page's HTML with
// a console that lets through every jsdom error but the canvas one axe
// causes, finding elements by data-testid, their text and whether the markup
// shows them, waiting (a settle, a frame, a condition), typing, clicking,
// keys, files, downloads, and axe-core's markup checks.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM, VirtualConsole } from "jsdom";

const AXE_SOURCE = readFileSync(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
  "utf8",
);

/**
 * A page's HTML in jsdom (its module scripts do not run: the test starts the
 * page). axe probes <canvas>, which jsdom does not implement; every other
 * jsdom error still reaches the console.
 */
export function openDocument(html) {
  const virtualConsole = new VirtualConsole();
  virtualConsole.sendTo(console, { omitJSDOMErrors: true });
  virtualConsole.on("jsdomError", (error) => {
    if (!/HTMLCanvasElement/.test(error.message)) console.error(error);
  });
  const dom = new JSDOM(html, {
    pretendToBeVisual: true,
    runScripts: "outside-only",
    virtualConsole,
  });
  return { dom, doc: dom.window.document };
}

export const byTestId = (doc, id) => doc.querySelector(`[data-testid="${id}"]`);
export const allByTestId = (doc, id) => [...doc.querySelectorAll(`[data-testid="${id}"]`)];
export const text = (element) => element.textContent.replace(/\s+/g, " ").trim();
export const digits = (element) => Number(text(element).replace(/,/g, ""));
export const settle = () => new Promise((resolve) => setImmediate(resolve));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the page's next animation frame (jsdom's pretendToBeVisual). */
export async function frame(dom) {
  await settle();
  await new Promise((resolve) => dom.window.requestAnimationFrame(() => resolve()));
  await settle();
}

/** Visible as far as the markup says: neither it nor an ancestor is hidden. */
export function isShown(element) {
  for (let node = element; node; node = node.parentElement) {
    if (node.hidden) return false;
  }
  return true;
}

export async function waitFor(predicate, what, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export async function type(dom, input, value) {
  input.value = value;
  input.dispatchEvent(new dom.window.Event("input", { bubbles: true }));
  await frame(dom);
}

export function click(dom, element) {
  element.dispatchEvent(new dom.window.MouseEvent("click", { bubbles: true, cancelable: true }));
}

export function key(dom, element, name, modifiers = {}) {
  element.dispatchEvent(
    new dom.window.KeyboardEvent("keydown", {
      key: name,
      bubbles: true,
      cancelable: true,
      ...modifiers,
    }),
  );
}

/** Puts files into an <input type="file"> and announces the change, as a browser does. */
export function chooseFile(dom, input, file) {
  Object.defineProperty(input, "files", { configurable: true, value: [file] });
  input.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
}

/** Catches Blob downloads: the object URL's Blob and the <a download> name. */
export function captureDownloads(dom) {
  const downloads = [];
  dom.window.URL.createObjectURL = (blob) => {
    downloads.push({ blob, filename: null });
    return `blob:review-test/${downloads.length}`;
  };
  dom.window.URL.revokeObjectURL = () => {};
  dom.window.document.addEventListener(
    "click",
    (event) => {
      const link = event.target;
      if (link.tagName === "A" && link.hasAttribute("download")) {
        downloads.at(-1).filename = link.download;
        downloads.at(-1).href = link.href;
        event.preventDefault(); // jsdom cannot navigate; the browser would save the file
      }
    },
    true,
  );
  return downloads;
}

export function blobBytes(dom, blob) {
  return new Promise((resolve, reject) => {
    const reader = new dom.window.FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

// ---------------------------------------------------------------------------
// Markup checks axe-core can make without layout (contrast needs a real
// browser: the end-to-end suite runs axe there, light and dark).

/** Runs axe over `root` (the whole page by default), contrast left out. */
async function axeRun(dom, root = dom.window.document) {
  if (!dom.window.axe) dom.window.eval(AXE_SOURCE);
  return dom.window.axe.run(root, {
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false } },
  });
}

/** Every violation: its rule and the nodes it names. */
export async function axeViolations(dom, root) {
  const results = await axeRun(dom, root);
  // Through JSON: the arrays come from the jsdom window's realm, and
  // deepStrictEqual compares prototypes.
  return JSON.parse(
    JSON.stringify(
      results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) })),
    ),
  );
}

/** The serious and critical violations, one line each: "rule: node, node". */
export async function seriousViolations(dom, root) {
  const results = await axeRun(dom, root);
  return [...results.violations]
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${[...v.nodes].map((n) => n.target.join(" ")).join(", ")}`);
}
