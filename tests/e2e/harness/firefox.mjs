// Firefox: selenium-webdriver + geckodriver + firefox-esr -headless, the
// zip installed as a temporary add-on, www.linkedin.com served over HTTPS on
// loopback.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import {
  FIREFOX_ADDON_ID,
  FIREFOX_BINARY,
  FIREFOX_ZIP,
  LINKEDIN,
  cleanUp,
  leftovers,
  removeDir,
  tempDir,
  waitFor,
  withTimeout,
  withSession,
} from "./base.mjs";
import {
  allReviewRows,
  popupWaits,
  readPopup,
  readReview,
  settledReview,
  waitForReviewDrawn,
} from "./pages.mjs";
import { storedNetworkInPage } from "./stored-network.mjs";

// ---------------------------------------------------------------------------
// Firefox.

function findGeckodriver() {
  const candidates = [
    process.env.GECKODRIVER,
    join(homedir(), ".cargo/bin/geckodriver"),
    "/usr/local/bin/geckodriver",
    "/usr/bin/geckodriver",
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `geckodriver not found (looked in ${candidates.join(", ")}): install it with \`cargo install geckodriver\``,
    );
  }
  return found;
}

/** A throwaway certificate for www.linkedin.com; Firefox runs with acceptInsecureCerts. */
function selfSignedCert(dir) {
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "2",
      "-subj",
      "/CN=www.linkedin.com",
      "-addext",
      "subjectAltName=DNS:www.linkedin.com",
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Serves `site` over HTTPS on port 443 of a loopback address: 127.0.0.1 if
 * it is free, otherwise another 127.x.y.z (all of 127/8 is loopback on
 * Linux), so two test runs on one machine do not collide.
 */
async function serveOnLoopback443(site, tls) {
  const { startMockServer } = await import("../../mock-site/serve.mjs");
  const hosts = ["127.0.0.1"];
  for (let i = 0; i < 8; i += 1) {
    hosts.push(
      `127.${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`,
    );
  }
  let lastError = null;
  for (const host of hosts) {
    try {
      const server = await startMockServer({ site, port: 443, https: tls, host });
      return { server, host };
    } catch (error) {
      lastError = error;
      if (error?.code === "EACCES") {
        throw new Error(
          "cannot listen on port 443 (Firefox must reach the mock at https://www.linkedin.com/): " +
            "run as root, or grant node cap_net_bind_service",
          { cause: error },
        );
      }
      if (error?.code !== "EADDRINUSE" && error?.code !== "EADDRNOTAVAIL") throw error;
    }
  }
  throw new Error(`no loopback address had port 443 free: ${lastError?.message}`);
}

/**
 * Launches Firefox ESR with the extension installed as a temporary add-on.
 *
 * @param {object} options
 * @param {{ handle(url: string, request?: { method?: string, body?: string | null }): any }} options.site
 *   the mock site answering www.linkedin.com
 * @param {string} [options.xpi] the Firefox build (default dist/test/netprune-firefox.zip)
 */
export async function launchFirefox({ site, xpi = FIREFOX_ZIP }) {
  const { Builder } = await import("selenium-webdriver");
  const firefox = await import("selenium-webdriver/firefox.js");
  const { Command } = await import("selenium-webdriver/lib/command.js");
  if (!existsSync(xpi)) throw new Error(`${xpi} does not exist: run ./build.sh testbuild first`);
  const geckodriver = findGeckodriver();
  const dir = tempDir("netprune-firefox-");
  let server = null;
  let driver = null;
  let pid = null;
  try {
    // A private copy, so a concurrent ./build.sh cannot hand over half a zip.
    const addon = join(dir, "netprune-firefox.zip");
    writeFileSync(addon, readFileSync(xpi));
    // The server asks `current` each time, so a test can swap the site
    // (another LinkedIn account, say) through `session.site`.
    const current = { site };
    const served = await serveOnLoopback443(
      { handle: (url, request) => current.site.handle(url, request) },
      selfSignedCert(dir),
    );
    server = served.server;
    const uuid = crypto.randomUUID();

    const options = new firefox.Options()
      .setBinary(FIREFOX_BINARY)
      .addArguments("-headless")
      .setAcceptInsecureCerts(true)
      // Every host name resolves to the mock server: www.linkedin.com is
      // served there, and nothing else leaves the machine.
      .setPreference("network.dns.forceResolve", served.host)
      .setPreference("extensions.webextensions.uuids", JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }))
      .setPreference("network.captive-portal-service.enabled", false)
      .setPreference("network.connectivity-service.enabled", false)
      .setPreference("browser.safebrowsing.malware.enabled", false)
      .setPreference("browser.safebrowsing.phishing.enabled", false)
      .setPreference("datareporting.policy.dataSubmissionEnabled", false)
      .setPreference("toolkit.telemetry.enabled", false)
      .setPreference("extensions.update.enabled", false)
      .setPreference("app.update.disabledForTesting", true);
    // --allow-system-access lets WebDriver drive moz-extension:// pages.
    const service = new firefox.ServiceBuilder(geckodriver).addArguments("--allow-system-access");
    driver = await withTimeout(
      new Builder()
        .forBrowser("firefox")
        .setFirefoxOptions(options)
        .setFirefoxService(service)
        .build(),
      60_000,
      "starting Firefox through geckodriver",
    );
    pid = (await driver.getCapabilities()).get("moz:processID") ?? null;
    if (pid) leftovers.pids.add(pid);
    // By path, not driver.installAddon: that sends the zip's bytes for
    // geckodriver to write to a file of its own, and with geckodriver 0.37
    // Firefox then could not load the content script from it ("Unable to
    // load script: .../content/page-reader.js", an IPDL "invalid file
    // descriptor"), so no page was ever read. Our private copy lives as
    // long as the session.
    const installed = await driver.execute(
      new Command("install addon").setParameter("path", addon).setParameter("temporary", true),
    );
    if (installed !== FIREFOX_ADDON_ID) {
      throw new Error(`installed add-on id is ${installed}, expected ${FIREFOX_ADDON_ID}`);
    }
    return firefoxSession({ driver, dir, server, pid, uuid, current });
  } catch (error) {
    await cleanUp([
      () => driver && withTimeout(driver.quit(), 20_000, "quitting Firefox"),
      () => server?.close(),
      () => removeDir(dir),
    ]);
    leftovers.pids.delete(pid);
    throw error;
  }
}

function firefoxSession({ driver, dir, server, pid, uuid, current }) {
  const popupUrl = `moz-extension://${uuid}/popup/popup.html`;
  const reviewUrl = `moz-extension://${uuid}/review.html`;
  /** @type {Record<string, string>} window handles by role */
  const windows = {};
  let currentWindow = null;

  /**
   * Switches to the window playing `role` ("linkedin", "popup"), opening a
   * new browser window for it the first time. Separate windows rather than
   * tabs: each stays the selected tab of its window, so neither has its
   * timers throttled as a background tab would.
   */
  async function use(role) {
    if (!windows[role]) {
      const first = Object.keys(windows).length === 0;
      if (!first) await driver.switchTo().newWindow("window");
      windows[role] = await driver.getWindowHandle();
    } else if (currentWindow !== windows[role]) {
      await driver.switchTo().window(windows[role]);
    }
    currentWindow = windows[role];
  }

  const session = {
    browser: "firefox",
    driver,
    uuid,
    popupUrl,
    reviewUrl,
    /** The mock site answering www.linkedin.com; assign to swap it. */
    get site() {
      return current.site;
    },
    set site(next) {
      current.site = next;
    },

    /**
     * Opens a new tab in the LinkedIn window and selects it, so the
     * LinkedIn page is no longer the one shown there; `showLinkedIn()`
     * selects the LinkedIn tab again.
     */
    async coverLinkedIn() {
      await use("linkedin");
      await driver.switchTo().newWindow("tab");
      windows.cover = await driver.getWindowHandle();
      currentWindow = windows.cover;
      await driver.get("about:blank");
    },

    async showLinkedIn() {
      await use("linkedin");
    },

    /** Reloads the LinkedIn page. */
    async reloadLinkedIn() {
      await use("linkedin");
      await driver.navigate().refresh();
    },

    /** @param {string} path */
    async openLinkedIn(path) {
      await use("linkedin");
      await driver.get(new URL(path, LINKEDIN).href);
    },

    async openPopup() {
      await use("popup");
      await driver.get(popupUrl);
      await waitFor(
        async () => {
          const state = await readPopup(driver);
          return state.loaded || state.error;
        },
        { what: "the popup to draw a summary", describe: () => readPopup(driver) },
      );
    },

    ...popupWaits(async () => {
      await use("popup");
      return readPopup(driver);
    }),

    /**
     * Opens (or reloads) review.html in its own window and waits until it
     * has drawn its state.
     */
    async openReview() {
      await use("review");
      await driver.get(reviewUrl);
      return waitForReviewDrawn(driver);
    },

    /** What the review page shows (see `readReview`). */
    async readReview() {
      await use("review");
      return readReview(driver);
    },

    /** The review page once its last scheduled render has run. */
    async settledReview() {
      await use("review");
      return settledReview(driver);
    },

    /** Every row of the review page's current results (see `allReviewRows`). */
    async allReviewRows() {
      await use("review");
      return allReviewRows(driver);
    },

    /**
     * Polls the review page until `predicate(state)` holds.
     * @param {(state: ReviewState) => unknown} predicate
     * @param {{ what: string, timeout?: number }} options
     */
    async waitForReview(predicate, { what, timeout = 15_000 }) {
      let last = null;
      await waitFor(
        async () => {
          await use("review");
          last = await readReview(driver);
          return last.loaded && predicate(last);
        },
        { what: `the review page to show ${what}`, timeout, interval: 150, describe: () => last },
      );
      return /** @type {ReviewState} */ (/** @type {unknown} */ (last));
    },

    /** Types `text` into the review page's query box, replacing what it held. */
    async typeQuery(text) {
      await use("review");
      const { By } = await import("selenium-webdriver");
      const input = await driver.findElement(By.css('[data-testid="filter-input"]'));
      // Emptied without an event, then typed key by key (one input event per key).
      await driver.executeScript(
        'document.querySelector(\'[data-testid="filter-input"]\').value = "";',
      );
      if (text === "") {
        await driver.executeScript(
          'document.querySelector(\'[data-testid="filter-input"]\').dispatchEvent(new Event("input", { bubbles: true }));',
        );
      } else {
        await input.sendKeys(text);
      }
      return settledReview(driver);
    },

    /** Picks the file at `path` in the review page's file input `testid` (WebDriver sends the path). */
    async chooseFile(testid, path) {
      await use("review");
      const { By } = await import("selenium-webdriver");
      await driver.findElement(By.css(`[data-testid="${testid}"]`)).sendKeys(path);
    },

    /** Runs `fn` (a function, serialised) in the LinkedIn page's own world. */
    async inLinkedIn(fn) {
      await use("linkedin");
      return driver.executeScript(`return (${fn})();`);
    },

    /** Everything in storage.local, read from the popup page (or the review page). */
    async storage() {
      await use(!windows.popup && windows.review ? "review" : "popup");
      return driver.executeScript("return browser.storage.local.get(null);");
    },

    /** Writes `items` into storage.local from the popup page (or the review page). */
    async setStorage(items) {
      await use(!windows.popup && windows.review ? "review" : "popup");
      await driver.executeScript("return browser.storage.local.set(arguments[0]);", items);
    },

    /**
     * The network stored under `key` (IndexedDB; "network:<slug>" for a
     * parked account's) as its JSON text, or undefined when none is stored.
     */
    async storedNetwork(key = "active") {
      await use(!windows.popup && windows.review ? "review" : "popup");
      const text = await driver.executeScript(
        `return (${storedNetworkInPage})(arguments[0]);`,
        key,
      );
      return text ?? undefined;
    },

    /** Sends `message` to the background from the popup page (or the review page). */
    async ask(message) {
      await use(!windows.popup && windows.review ? "review" : "popup");
      return driver.executeScript("return browser.runtime.sendMessage(arguments[0]);", message);
    },

    async close() {
      await cleanUp([
        () => withTimeout(driver.quit(), 20_000, "quitting Firefox"),
        () => server.close(),
        () => removeDir(dir),
      ]);
      if (pid) leftovers.pids.delete(pid);
    },
  };
  return session;
}

/**
 * Runs `body` with a fresh Firefox session and always closes it.
 * @template T
 * @param {Parameters<typeof launchFirefox>[0]} options
 * @param {(session: Awaited<ReturnType<typeof launchFirefox>>) => Promise<T>} body
 * @returns {Promise<T>}
 */
export function withFirefox(options, body) {
  return withSession(launchFirefox, options, body);
}
