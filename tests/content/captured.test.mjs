// The reader on pages written straight from the public evidence
// (docs/LINKEDIN.md), static, without the mock site's scripts: the react-2025
// card as captured verbatim (the exporter comment, code-index file id
// 48742132112: one `data-view-name="connections-list"` wrapper per card, the
// avatar link first, the profile link wrapping name and headline), and
// sdui-2026 cards as the tools select them (`[componentkey^="ConnectionCard_"]`,
// sulhadin/linkedin-cleanup, jonathatbusiness/linkedin-connection-remover),
// including what a card may lack: a headline, a name paragraph, a link.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ORIGIN, openPage, waitFor } from "./harness.mjs";

const PATH = "/mynetwork/invite-connect/connections/";
const IN = "https://www.linkedin.com/in/";

/** A page that is exactly `main`, under LinkedIn's navigation. */
const staticSite = (main) => ({
  handle: (url) =>
    url.startsWith(ORIGIN)
      ? {
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><html><head><title>Connections | LinkedIn</title></head><body>
<header id="global-nav"><nav><a href="/feed/">Home</a><a href="/in/alex-morgan-5e6f7a/">Me</a></nav></header>
<main>${main}</main></body></html>`,
        }
      : null,
});

/** One react-2025 card in the captured shape (hashed classes left out). */
const reactCard = ({ slug, name, headline, connected, namePara = true }) => `
<div class="_40d6ef26" data-view-name="connections-list" data-display-contents="true">
 <div class="_079fe03b" componentkey="auto-component-${slug}">
  <a tabindex="0" href="${IN}${slug}/" data-view-name="connections-profile">
   <figure data-view-name="image"><img alt="${name}’s profile picture" src="data:,"></figure></a>
  <div><div>
   <a tabindex="0" href="${IN}${slug}/" data-view-name="connections-profile">
    <div>${namePara ? `<p><a href="${IN}${slug}/">${name}</a></p>` : ""}${headline ? `<p>${headline}</p>` : ""}</div></a>
   <p>${connected}</p>
  </div></div>
  <div><div>
   <div data-view-name="message-button" data-display-contents="true"><a aria-label="Message" href="/messaging/compose/?profileUrn=x">Message</a></div>
   <button type="button" aria-label="Show more actions" data-view-name="connections-remove-connection-dropdown" aria-expanded="false"></button>
  </div></div>
 </div>
</div>`;

const REACT_PAGE = `
<div componentkey="ConnectionsPage_ConnectionsListHeader"><p>1,217 connections</p></div>
<input placeholder="Search by name">
<div componentkey="ConnectionsPage_ConnectionsList">
 <div componentkey="ConnectionsPage_ConnectionsList" data-component-type="LazyColumn" data-testid="lazy-column">
  ${reactCard({ slug: "rahul-y-4861b2317", name: "Rahul Y.", headline: "Technical Recruiter at Webologix Ltd/ INC", connected: "Connected on August 7, 2024" })}
  ${reactCard({ slug: "ana-lima-3c2b1a", name: "Ana Lima", headline: null, connected: "Connected on 8 September 2026" })}
  ${reactCard({ slug: "kenji-sato-7e6d5c", name: "Kenji Sato", headline: null, connected: "Connected on June 24, 2026", namePara: false })}
 </div>
</div>
<button type="button"><span><span>Load more</span></span></button>`;

const SDUI_PAGE = `
<p>3 connections</p>
<div componentkey="connectionsListTypeahead_ConnectionsListTypeahead"><input data-testid="typeahead-input" placeholder="Search by name"></div>
<div componentkey="ConnectionCard_0-priya-nair-2b3c4d">
 <a href="${IN}priya-nair-2b3c4d/" aria-hidden="true"><img alt=""></a>
 <div><a href="${IN}priya-nair-2b3c4d/"><p>Priya Nair</p><p>Data Scientist at Acme</p></a><p>Connected on June 24, 2026</p></div>
 <button aria-label="More actions for Priya Nair"></button>
</div>
<div componentkey="ConnectionCard_0-tom%C3%A1%C5%A1-novak-1a2b3c">
 <div><p>Tomáš Novák</p><p>Lecturer</p><p>Connected on March 2, 2026</p></div>
 <button aria-label="More actions for Tomáš Novák"></button>
</div>
<div componentkey="ConnectionCard_12-li-wei-9f8e7d">
 <div><a href="${IN}li-wei-9f8e7d/"><p>Li Wei</p></a><p>Connected on May 1, 2025</p></div>
 <button aria-label="More actions for Li Wei"></button>
</div>`;

describe("pages written from the captured markup", { concurrency: true }, () => {
  test("reads every react-2025 card of one-wrapper-per-card markup, name and headline apart", async () => {
    const page = await openPage(staticSite(REACT_PAGE), PATH);
    try {
      await page.waitForMessages(1);
      const [reading] = page.readings();
      assert.equal(reading.generation, "react-2025");
      assert.equal(reading.counts.connections, "1,217");
      assert.equal(reading.member, "alex-morgan-5e6f7a");
      assert.deepEqual(reading.cards, [
        {
          profileUrl: `${IN}rahul-y-4861b2317/`,
          name: "Rahul Y.",
          headline: "Technical Recruiter at Webologix Ltd/ INC",
          connectedText: "Connected on August 7, 2024",
        },
        {
          profileUrl: `${IN}ana-lima-3c2b1a/`,
          name: "Ana Lima",
          headline: null,
          connectedText: "Connected on 8 September 2026",
        },
        {
          // A profile link with no text yet: the avatar's alt names them.
          profileUrl: `${IN}kenji-sato-7e6d5c/`,
          name: "Kenji Sato",
          headline: null,
          connectedText: "Connected on June 24, 2026",
        },
      ]);
      const [check] = page.checks;
      assert.equal(check.removalOff, false, JSON.stringify(check.missing));
      assert.equal(check.cardsRead, 3);
      assert.equal(check.menuFound, true);
      assert.equal(check.searchBoxFound, true);
      assert.deepEqual(
        check.firstCards.map((card) => card.slug),
        ["rahul-y-4861b2317", "ana-lima-3c2b1a", "kenji-sato-7e6d5c"],
      );
    } finally {
      page.close();
    }
  });

  test("reads sdui-2026 cards, the slug from the componentkey when a card has no link", async () => {
    const page = await openPage(staticSite(SDUI_PAGE), PATH);
    try {
      await page.waitForMessages(1);
      const [reading] = page.readings();
      assert.equal(reading.generation, "sdui-2026");
      assert.deepEqual(reading.cards, [
        {
          profileUrl: `${IN}priya-nair-2b3c4d/`,
          name: "Priya Nair",
          headline: "Data Scientist at Acme",
          connectedText: "Connected on June 24, 2026",
        },
        {
          profileUrl: `${IN}tom%C3%A1%C5%A1-novak-1a2b3c/`,
          name: "Tomáš Novák",
          headline: "Lecturer",
          connectedText: "Connected on March 2, 2026",
        },
        {
          profileUrl: `${IN}li-wei-9f8e7d/`,
          name: "Li Wei",
          headline: null,
          connectedText: "Connected on May 1, 2025",
        },
      ]);
      const [check] = page.checks;
      assert.equal(check.searchBoxFound, true, "found by its data attributes");
      assert.deepEqual(
        check.firstCards.map((card) => card.slug),
        ["priya-nair-2b3c4d", "tomáš-novak-1a2b3c", "li-wei-9f8e7d"],
      );
    } finally {
      page.close();
    }
  });

  for (const [path, text, counts] of [
    [
      "/mynetwork/network-manager/people-follow/following/",
      "You are following 4 people",
      { connections: null, followers: null, following: "4" },
    ],
    [
      "/mynetwork/network-manager/people-follow/followers/",
      "7.892 Follower:innen",
      { connections: null, followers: "7.892", following: null },
    ],
  ]) {
    // The phrasings docs/LINKEDIN.md ("Totals") cites.
    test(`reads the total in “${text}”`, async () => {
      const page = await openPage(staticSite(`<section><h2>${text}</h2></section>`), path);
      try {
        await page.waitForMessages(1);
        assert.deepEqual(page.readings()[0].counts, counts);
      } finally {
        page.close();
      }
    });
  }

  test("reads a Turkish page's total, “1.217 bağlantı”", async () => {
    // linkedin/words/tr.json's evidence (docs/LINKEDIN.md, "Languages:
    // dates and totals"): a dot groups the digits, the noun stays singular.
    const turkish = REACT_PAGE.replace("<p>1,217 connections</p>", "<p>1.217 bağlantı</p>");
    const page = await openPage(staticSite(turkish), PATH);
    try {
      await page.waitForMessages(1);
      assert.equal(page.readings()[0].counts.connections, "1.217");
    } finally {
      page.close();
    }
  });

  test("sends the check again once a page that said removal is off is whole, with nothing else new", async () => {
    // The search box drawn after the list (the page then goes still): the
    // background must not keep the first check's "off".
    const page = await openPage(
      staticSite(SDUI_PAGE.replace(/<div componentkey="connectionsListTypeahead[^]*?<\/div>/, "")),
      PATH,
    );
    try {
      await waitFor(() => page.checks.length > 0, "a reading with its check");
      assert.equal(page.checks[0].removalOff, true);
      assert.deepEqual(page.checks[0].missing, ["no name search box"]);
      const box = page.document.createElement("div");
      box.setAttribute("componentkey", "connectionsListTypeahead_ConnectionsListTypeahead");
      const input = page.document.createElement("input");
      input.setAttribute("data-testid", "typeahead-input");
      input.setAttribute("placeholder", "Search by name");
      box.append(input);
      page.document.querySelector("main").prepend(box);
      await waitFor(
        () => page.checks.some((check) => check.removalOff === false),
        "a check saying removal can run",
        15_000,
      );
    } finally {
      page.close();
    }
  });

  test("says removal is off, and why, on a page missing its search box and total", async () => {
    const page = await openPage(
      staticSite(
        SDUI_PAGE.replace(/<p>3 connections<\/p>/, "").replace(
          /<div componentkey="connectionsListTypeahead[^]*?<\/div>/,
          "",
        ),
      ),
      PATH,
    );
    try {
      await waitFor(() => page.checks.length > 0, "a reading with its check");
      const [check] = page.checks;
      assert.equal(check.removalOff, true);
      assert.deepEqual(check.missing, ["no stated total of connections", "no name search box"]);
    } finally {
      page.close();
    }
  });
});
