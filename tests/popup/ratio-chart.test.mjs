// The popup's ratio (ratio.js) and history chart (history-chart.js): the
// ratio against the goal's band and what would move it into the band, and
// connections and followers over time. Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";

import { byTestId, isShown, settle, text } from "../review/dom.mjs";
import {
  fullSummary,
  backgroundWith,
  openPopup,
  YEAR,
  on,
  point,
  withHistory,
} from "./helpers.mjs";
import { coreSummary } from "./core.mjs";

/** The number of points a path's `d` draws: one M or L command each. */
const pathPoints = (path) => (path.getAttribute("d").match(/[ML]/g) ?? []).length;

test("below_band_names_both_levers_without_a_verdict", async (t) => {
  // The core's summary: 1,400 followers over 1,000 connections, below 1.5–2.
  const { summary } = coreSummary({ connections: "1,000", followers: "1,400" });
  const { doc } = await openPopup(t, backgroundWith(summary));

  // 1.5 x 1000 = 1500 followers, or 1400 / 1.5 = 933.3 -> 933 connections.
  assert.equal(
    text(doc.getElementById("ratio-position")),
    "below your band (1.5–2:1): about 100 more followers or 67 fewer connections would reach 1.5:1",
  );
  assert.equal(byTestId(doc, "ratio").dataset.position, "below");
});

test("goal_change_sends_set_goal_and_draws_the_answer", async (t) => {
  // The background as the core answers: set-goal changes the goal, then the summary.
  const { core } = coreSummary({ connections: "1,234", followers: "2,283" });
  const extension = backgroundWith((message) => {
    if (message.type === "set-goal") core.setGoal(message.goal);
    return core.summary(Date.now());
  });
  const { dom, doc } = await openPopup(t, extension);
  assert.match(text(byTestId(doc, "ratio")), /^1\.85 : 1 within your band \(1\.5–2:1\)$/);

  const select = byTestId(doc, "goal-select");
  select.value = "thought-leader";
  select.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  await settle();

  assert.deepEqual(extension.sent.at(-1), { type: "set-goal", goal: "thought-leader" });
  assert.equal(select.value, "thought-leader");
  // 3 x 1234 = 3702 followers (1,419 more), or 2283 / 3 = 761 connections (473 fewer).
  assert.match(
    text(byTestId(doc, "ratio")),
    /below your band \(3–5:1\): about 1,419 more followers or 473 fewer connections/,
  );
});

test("the_levers_are_the_cores_band_figures_not_worked_out_in_the_popup", async (t) => {
  // A Summary whose figures disagree with its counts: the popup says the
  // core's figures, so it cannot drift from the core's arithmetic.
  const { summary } = coreSummary({ connections: "1,000", followers: "1,400" });
  summary.ratio = { ...summary.ratio, followersToBand: 7, connectionsToBand: 3 };
  const { doc } = await openPopup(t, backgroundWith(summary));
  assert.equal(
    text(doc.getElementById("ratio-position")),
    "below your band (1.5–2:1): about 7 more followers or 3 fewer connections would reach 1.5:1",
  );

  // Without the core's figures (an older cached Summary): the position only.
  const older = await openPopup(
    t,
    backgroundWith({
      ...summary,
      ratio: { ...summary.ratio, followersToBand: null, connectionsToBand: null },
    }),
  );
  assert.equal(text(older.doc.getElementById("ratio-position")), "below your band (1.5–2:1)");
});

test("chart_draws_a_line_per_figure_through_every_reading_with_a_text_alternative", async (t) => {
  const { doc } = await openPopup(t, backgroundWith(withHistory()));
  const chart = byTestId(doc, "history-chart");
  assert.ok(isShown(chart));
  assert.ok(!isShown(byTestId(doc, "history-hint")));

  const svg = chart.querySelector("svg");
  assert.equal(svg.namespaceURI, "http://www.w3.org/2000/svg");
  assert.equal(svg.getAttribute("role"), "img");
  assert.equal(
    svg.getAttribute("aria-label"),
    "Connections 1,180 → 1,234 and followers 2,010 → 2,470 between Jan 3 and Nov 21",
  );

  const paths = [...svg.querySelectorAll("path")];
  assert.deepEqual(
    paths.map((path) => path.dataset.series),
    ["connections", "followers"],
  );
  assert.deepEqual(paths.map(pathPoints), [4, 3]);
  assert.equal(svg.querySelectorAll('g[data-series="connections"] circle').length, 4);
  assert.equal(svg.querySelectorAll('g[data-series="followers"] circle').length, 3);
  assert.equal(svg.querySelectorAll(".is-hollow").length, 0);

  // The x axis runs from the first reading to the last: both lines start at
  // the left edge and end at the right one, and the ends carry the dates.
  const xs = (path) => [...path.getAttribute("d").matchAll(/[ML]([\d.]+)/g)].map((m) => +m[1]);
  assert.equal(xs(paths[0])[0], xs(paths[1])[0]);
  assert.equal(xs(paths[0]).at(-1), xs(paths[1]).at(-1));
  const labels = [...svg.querySelectorAll("text")].map((node) => node.textContent);
  assert.ok(labels.includes("Jan 3") && labels.includes("Nov 21"), labels.join(" | "));

  // The legend names both lines; the hollow-point entry is only for hollow points.
  const legend = text(chart.querySelector(".chart-legend"));
  assert.match(legend, /Connections/);
  assert.match(legend, /Followers/);
  assert.ok(!isShown(doc.getElementById("legend-hollow")));
  assert.ok(isShown(byTestId(doc, "ratio")), "the ratio against the goal band stays");
});

test("chart_draws_approximate_and_at_least_readings_hollow", async (t) => {
  const summary = withHistory({
    connections: [point(on(0, 3), 500, "at-least"), point(on(10, 21), 1234)],
    followers: [point(on(0, 3), 2000, "approximate"), point(on(10, 21), 2470)],
  });
  const { doc } = await openPopup(t, backgroundWith(summary));
  const svg = byTestId(doc, "history-chart").querySelector("svg");

  const hollow = [...svg.querySelectorAll("circle.is-hollow")];
  assert.deepEqual(
    hollow.map((circle) => circle.dataset.precision),
    ["at-least", "approximate"],
  );
  assert.equal(svg.querySelectorAll("circle:not(.is-hollow)").length, 2);
  assert.ok(isShown(doc.getElementById("legend-hollow")));
  assert.equal(
    svg.getAttribute("aria-label"),
    "Connections at least 500 → 1,234 and followers about 2,000 → 2,470 between Jan 3 and Nov 21",
  );
});

test("chart_dates_carry_the_year_when_the_readings_span_two_years", async (t) => {
  const summary = withHistory({
    connections: [point(on(11, 20, YEAR - 1), 1180), point(on(0, 5), 1234)],
    followers: [point(on(11, 20, YEAR - 1), 2010), point(on(0, 5), 2470)],
  });
  const { doc } = await openPopup(t, backgroundWith(summary));
  assert.match(
    byTestId(doc, "history-chart").querySelector("svg").getAttribute("aria-label"),
    new RegExp(`between Dec 20, ${YEAR - 1} and Jan 5, ${YEAR}$`),
  );
});

test("chart_gives_way_to_a_hint_until_each_figure_has_two_readings_at_different_times", async (t) => {
  const cases = {
    "no history in the summary": fullSummary(),
    "one follower reading": withHistory({
      connections: [point(on(0, 3), 1180), point(on(10, 21), 1234)],
      followers: [point(on(10, 21), 2470)],
    }),
    "two connection readings at the same moment": withHistory({
      connections: [point(on(10, 21), 1234), point(on(10, 21), 1234)],
      followers: [point(on(0, 3), 2010), point(on(10, 21), 2470)],
    }),
  };
  for (const [what, summary] of Object.entries(cases)) {
    const { doc } = await openPopup(t, backgroundWith(summary));
    const chart = byTestId(doc, "history-chart");
    assert.ok(!isShown(chart), what);
    assert.equal(chart.querySelector("svg"), null, what);
    const hint = byTestId(doc, "history-hint");
    assert.ok(isShown(hint), what);
    assert.equal(
      text(hint),
      "The chart appears once your connections and your followers have each been read at two different times.",
    );
  }
});

test("chart_is_redrawn_not_duplicated_when_a_new_summary_arrives", async (t) => {
  const extension = backgroundWith(withHistory());
  const { doc } = await openPopup(t, extension);
  extension.fireStorageChange({ networkRevision: { newValue: 2 } }, "local");
  await settle();
  assert.equal(extension.sent.length, 2);
  assert.equal(byTestId(doc, "history-chart").querySelectorAll("svg").length, 1);
});
