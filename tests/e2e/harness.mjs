// Shared helpers for the end-to-end tests and the demo: the built extension
// in real browsers, on the mock LinkedIn site at LinkedIn's real URLs.
//
//   launchChromium({ site })   playwright-core, a persistent context with dist/test/chrome loaded;
//                              https://www.linkedin.com/** answered by the mock site, every
//                              other http(s) request aborted, so nothing leaves the machine.
//   launchFirefox({ site })    selenium-webdriver + geckodriver + firefox-esr -headless, the
//                              Firefox zip installed as a temporary add-on under a pinned UUID;
//                              www.linkedin.com resolved to a loopback address where the mock
//                              site is served over HTTPS with a throwaway self-signed cert.
//   readPopup(pageOrDriver)    every data-testid in the popup: its text and whether it shows.
//   readReview(pageOrDriver)   the review page's hooks, the rows in the DOM, the import report;
//   settledReview(...)         the same once the page's last scheduled render has run;
//   allReviewRows(...)         every row of the results, scrolling the virtualized list.
//
// Both sessions have the same shape (openLinkedIn, openPopup, readPopup,
// waitForPopup, openReview, storage, close), so a scenario reads the same in
// either browser. Every wait is a bounded poll for a condition that names what it
// was waiting for when it gives up; close() always releases the browser, the
// server and the temporary directories, even after a failure.
//
// This file is the one door the tests import through; the parts live in
// harness/: base.mjs (paths, testids, bounded waits, temp dirs), pages.mjs
// (reading the popup and review page), chromium.mjs, firefox.mjs,
// scenarios.mjs (pieces both browsers share), review.mjs (driving the review
// page in Chromium) and axe.mjs (accessibility checks).

export * from "./harness/base.mjs";
export * from "./harness/pages.mjs";
export * from "./harness/popup-layout.mjs";
export * from "./harness/chromium.mjs";
export * from "./harness/firefox.mjs";
export * from "./harness/scenarios.mjs";
export * from "./harness/review.mjs";
export * from "./harness/axe.mjs";
