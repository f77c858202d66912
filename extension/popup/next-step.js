// @ts-check
// The popup's one next step, right under the figures: exactly one primary
// button, chosen by the state the popup already shows. While the removal
// queue runs or is paused, its state and its own control (Pause, Resume, or
// Open your connections page) are that step (queue-panel.js shows them);
// otherwise, with no exact connection count yet, it is opening the
// connections page; otherwise it is the review page. The coverage line's
// "Collect the rest" is offered here too. Decided from what summary.js,
// queue-panel.js and collect-status.js drew, so each can redraw it alone.

import { byId, byTestId, show } from "../lib/dom.js";

/**
 * @param {Document} doc the popup document (popup.html)
 */
export function renderNextStep(doc) {
  const queueActive = !byId(doc, "queue-now").hidden;
  // connection-count holds digits only once the connections page (not a
  // "500+" floor) gave the count; before the figures are built, nothing is read.
  const count = doc.querySelector('[data-testid="connection-count"]');
  const connectionsRead = Boolean(count?.textContent);
  const readPage = !queueActive && !connectionsRead;
  show(byId(doc, "open-connections"), readPage);
  byTestId(doc, "open-review").classList.toggle("button-primary", !queueActive && !readPage);

  // "Collect the rest" after the coverage line, while some are left to read
  // and no collection is already reading them (its progress shows instead).
  const coverage = byId(doc, "coverage-line");
  const collecting = !byId(doc, "collect-progress").hidden;
  show(
    byId(doc, "coverage-collect"),
    !coverage.hidden && coverage.dataset.complete !== "true" && !collecting,
  );
}
