//! The timings that decide how the connections list is read ("collect all")
//! and how long each wait of a removal step may last, in one place.
//!
//! The content script decides nothing by its own clock: the background asks
//! the core for [`Rules`] and sends `rules.collect` with every `collect-run`
//! and `rules.step` with every `remove-step`. A test build's development
//! pacing (`devPacing.delayMs`) shrinks the collection pace and the step's
//! ownership timeout exactly as the background shrank them before these
//! rules moved here; every other wait stays as LinkedIn needs it, since a
//! mock page is no faster at rendering a dialog than a test is patient.

use crate::removal::pacing::{DEV_DELAY_CEILING_MS, MINUTE_MS, SECOND_MS};
use crate::removal::queue::STEP_TIMEOUT_MS;
use serde::Serialize;

/// A random factor drawn uniformly between `low` and `high`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Spread {
    /// The smallest factor.
    pub low: f64,
    /// The largest factor.
    pub high: f64,
}

/// How "collect all" reads the connections list.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CollectRules {
    /// The pause between two scrolls, around which every collect wait is
    /// drawn (a member reading down the list; the content script randomizes
    /// it by `waitSpread`).
    pub delay_ms: u32,
    /// How long the list may show nobody new before the stall is taken for
    /// its end: LinkedIn stalls for tens of seconds mid-list, so a full
    /// minute.
    pub stall_ms: u32,
    /// Every collect wait is `delayMs` times a factor drawn from this, never
    /// a fixed beat.
    pub wait_spread: Spread,
    /// Each scroll moves this share of the list's visible height: views
    /// overlap, so a virtualized list renders every row on the way.
    pub scroll_step: Spread,
    /// At the bottom with nothing to press, a scroll back up by this share
    /// of the visible height lets LinkedIn retry loading.
    pub nudge_step: Spread,
    /// Passes back over the whole list from the top when it ended short of
    /// the stated total.
    pub max_passes: u32,
    /// How long a page may take to render a list netprune knows before it is
    /// reported unrecognised: long enough on a slow connection not to cry
    /// wolf, short enough that the member is still looking.
    pub wait_limit_ms: u32,
    /// A burst of rendering (one page of cards) settles within this, so one
    /// scroll sends one reading, not one per card.
    pub settle_ms: u32,
    /// The longest a reading waits for the page to settle: a page that never
    /// stops mutating must not starve the reader.
    pub max_settle_ms: u32,
    /// The wait before a reading is sent again when the background did not
    /// answer: long enough for a stopped service worker to start.
    pub retry_delay_ms: u32,
}

/// How long each part of a removal step may wait.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepRules {
    /// How long the background keeps a step as the tab's before taking it
    /// as lost (the core then verifies it): the core's step timeout, shorter
    /// under development pacing.
    pub timeout_ms: u32,
    /// The whole step on the page, however its waits add up: half the
    /// core's timeout, so the core hears an outcome rather than giving up.
    pub step_limit_ms: u32,
    /// How long the step waits for the connections list to appear.
    pub wait_limit_ms: u32,
    /// How often a waiting step looks at the page again.
    pub poll_ms: u32,
    /// How long the card's menu may take to open after the first click...
    pub menu_wait_ms: u32,
    /// ...and after the one retry (a menu that fails to open the first time).
    pub menu_retry_wait_ms: u32,
    /// How long the remove-connection dialog may take to appear.
    pub dialog_wait_ms: u32,
    /// How long a dialog may take to close after Cancel or Dismiss.
    pub dialog_close_wait_ms: u32,
    /// How long a name search may take to show its results.
    pub search_wait_ms: u32,
    /// Results are taken as they stand once the list has not changed for
    /// this long (and LinkedIn shows no spinner)...
    pub search_settle_ms: u32,
    /// ...and either every card bears the name, or the list changed after
    /// the typing and this long has passed since.
    pub search_quiet_ms: u32,
    /// The most scrolls through a name search's results.
    pub max_result_scrolls: u32,
    /// After confirming, the card usually leaves at once; when it lingers
    /// past this first wait, the name search is asked again...
    pub leave_first_wait_ms: u32,
    /// ...until this whole wait is over.
    pub leave_wait_ms: u32,
    /// The pause between two of those searches.
    pub research_pause_ms: u32,
    /// A member's pause between keystrokes, in ms.
    pub key_pause_ms: Spread,
}

/// Every timing rule the content script follows, as the background sends it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Rules {
    /// With each `collect-run`.
    pub collect: CollectRules,
    /// With each `remove-step`.
    pub step: StepRules,
}

/// The human pause between two scrolls while collecting.
const COLLECT_DELAY_MS: u32 = 2_500;
/// The human end-of-list stall: a full minute without anyone new.
const COLLECT_STALL_MS: u32 = 60_000;
/// Under development pacing the stall is this many delays...
const DEV_STALL_DELAYS: u32 = 20;
/// ...and never under this.
const DEV_STALL_FLOOR_MS: u32 = 3_000;
/// Under development pacing a step is the tab's for this many delays...
const DEV_TIMEOUT_DELAYS: u32 = 40;
/// ...and never under this: tests that lose an outcome on purpose need not
/// wait three minutes, but a step on the mock site still takes seconds.
const DEV_TIMEOUT_FLOOR_MS: i64 = 15 * SECOND_MS;

impl Rules {
    /// The rules in force: human, or with `dev_delay_ms` (a test build's
    /// development pacing; 0 is none, and it is capped at a minute, as the
    /// queue caps it) the collection pace and the step timeout shrink.
    pub fn new(dev_delay_ms: Option<u32>) -> Self {
        let dev = dev_delay_ms
            .filter(|&d| d > 0)
            .map(|d| d.min(DEV_DELAY_CEILING_MS));
        let (delay_ms, stall_ms) = match dev {
            None => (COLLECT_DELAY_MS, COLLECT_STALL_MS),
            Some(d) => (
                d,
                d.saturating_mul(DEV_STALL_DELAYS).max(DEV_STALL_FLOOR_MS),
            ),
        };
        let timeout = match dev {
            None => STEP_TIMEOUT_MS,
            Some(d) => (i64::from(d) * i64::from(DEV_TIMEOUT_DELAYS))
                .clamp(DEV_TIMEOUT_FLOOR_MS, STEP_TIMEOUT_MS),
        };
        Rules {
            collect: CollectRules {
                delay_ms,
                stall_ms,
                wait_spread: Spread {
                    low: 0.6,
                    high: 1.6,
                },
                scroll_step: Spread {
                    low: 0.7,
                    high: 0.95,
                },
                nudge_step: Spread {
                    low: 0.15,
                    high: 0.35,
                },
                max_passes: 1,
                wait_limit_ms: WAIT_LIMIT_MS,
                settle_ms: 400,
                max_settle_ms: 2_000,
                retry_delay_ms: 1_000,
            },
            step: StepRules {
                timeout_ms: ms(timeout),
                step_limit_ms: ms(STEP_TIMEOUT_MS / 2),
                wait_limit_ms: WAIT_LIMIT_MS,
                poll_ms: 100,
                menu_wait_ms: 1_500,
                menu_retry_wait_ms: 3_000,
                dialog_wait_ms: 5_000,
                dialog_close_wait_ms: 3_000,
                search_wait_ms: 8_000,
                search_settle_ms: 700,
                search_quiet_ms: 2_000,
                max_result_scrolls: 10,
                leave_first_wait_ms: 2_000,
                leave_wait_ms: 10_000,
                research_pause_ms: 1_000,
                key_pause_ms: Spread {
                    low: 40.0,
                    high: 110.0,
                },
            },
        }
    }
}

/// How long a page may take to show a list netprune knows (15 s).
const WAIT_LIMIT_MS: u32 = (15 * SECOND_MS) as u32;

/// A duration the rules above keep well within u32 (at most minutes).
fn ms(duration: i64) -> u32 {
    u32::try_from(duration.clamp(0, 60 * MINUTE_MS)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_rules_are_the_values_the_page_used() {
        let rules = Rules::new(None);
        assert_eq!(rules.collect.delay_ms, 2_500);
        assert_eq!(rules.collect.stall_ms, 60_000);
        assert_eq!(rules.collect.wait_limit_ms, 15_000);
        assert_eq!(rules.step.timeout_ms, 180_000);
        assert_eq!(rules.step.step_limit_ms, 90_000);
        assert_eq!(rules.step.leave_wait_ms, 10_000);
        assert_eq!(rules.step.search_wait_ms, 8_000);
        // A step on the page always ends before the core gives up on it.
        assert!(rules.step.step_limit_ms < rules.step.timeout_ms);
        assert_eq!(Rules::new(Some(0)), rules, "a zero delay is no dev pacing");
    }

    #[test]
    fn dev_pacing_shrinks_the_pace_and_the_step_timeout_only() {
        let human = Rules::new(None);
        let fast = Rules::new(Some(50));
        assert_eq!(fast.collect.delay_ms, 50);
        assert_eq!(fast.collect.stall_ms, 3_000, "never under 3 s");
        assert_eq!(fast.step.timeout_ms, 15_000, "never under 15 s");
        assert_eq!(Rules::new(Some(400)).collect.stall_ms, 8_000);
        assert_eq!(Rules::new(Some(1_000)).step.timeout_ms, 40_000);
        // Capped: the step timeout never exceeds the human one, the delay a minute.
        let slow = Rules::new(Some(10_000_000));
        assert_eq!(slow.collect.delay_ms, 60_000);
        assert_eq!(slow.step.timeout_ms, 180_000);
        // Every other wait is the human one.
        assert_eq!(
            StepRules {
                timeout_ms: human.step.timeout_ms,
                ..fast.step
            },
            human.step
        );
        assert_eq!(fast.collect.settle_ms, human.collect.settle_ms);
        assert_eq!(fast.collect.wait_spread, human.collect.wait_spread);
    }
}
