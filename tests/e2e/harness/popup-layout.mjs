// The popup's first screen, in either language: the five figures (the three
// counts, the badge line, the cap line) and the one primary button of the
// next step inside the 400 × 600 a toolbar popup shows, unscrolled (issue 16).

/* global document, window */

import assert from "node:assert/strict";

export const POPUP_SIZE = { width: 400, height: 600 };

/**
 * Runs in the popup: the box of each of the five figures (an unread
 * figure's digits are empty, so its whole cell is measured), of the next
 * step's primary button, and whether anything needs scrolling to be seen.
 */
function measureAnswer() {
  const box = (element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, height: rect.height, right: rect.right };
  };
  const figure = (testid) =>
    document.querySelector(`[data-testid="${testid}"]`).closest("[data-figure]");
  const primary = [...document.querySelectorAll(".next-step .button-primary")].filter((button) =>
    button.checkVisibility(),
  );
  return {
    figures: {
      connections: box(figure("connection-count")),
      followers: box(figure("follower-count")),
      following: box(figure("following-count")),
      badge: box(document.querySelector('[data-testid="badge-status"]')),
      cap: box(document.querySelector('[data-testid="cap-headroom"]').closest(".cap-line")),
    },
    primary: primary.map((button) => ({ label: button.textContent.trim(), ...box(button) })),
    scrollY: window.scrollY,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
  };
}

/**
 * Asserts the five figures and exactly one primary button show inside
 * 400 × 600 unscrolled, the figures in one row; answers what was measured.
 * @param {import("playwright-core").Page} page the popup, sized POPUP_SIZE
 * @param {string} state what the popup shows, for the messages
 */
export async function assertAnswersFirst(page, state) {
  const shown = await page.evaluate(measureAnswer);
  assert.equal(shown.innerHeight, POPUP_SIZE.height);
  assert.equal(shown.scrollY, 0, `${state}: the popup opened scrolled`);
  assert.ok(shown.scrollWidth <= shown.innerWidth, `${state}: the popup scrolls sideways`);
  for (const [name, rect] of Object.entries(shown.figures)) {
    assert.ok(rect.height > 0, `${state}: the ${name} figure is not drawn`);
    assert.ok(
      rect.bottom <= POPUP_SIZE.height,
      `${state}: the ${name} figure ends at ${rect.bottom} px, below the 600 px a popup shows`,
    );
    assert.ok(rect.right <= POPUP_SIZE.width, `${state}: the ${name} figure is cut off`);
  }
  // The three figures share one row.
  const { connections, followers, following } = shown.figures;
  assert.equal(connections.top, followers.top, `${state}: figures not in one row`);
  assert.equal(followers.top, following.top, `${state}: figures not in one row`);
  assert.equal(
    shown.primary.length,
    1,
    `${state}: primary buttons ${JSON.stringify(shown.primary)}`,
  );
  assert.ok(
    shown.primary[0].bottom <= POPUP_SIZE.height,
    `${state}: "${shown.primary[0].label}" ends at ${shown.primary[0].bottom} px`,
  );
  return shown;
}
