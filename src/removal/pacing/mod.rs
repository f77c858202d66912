//! The pacing policy: how long to wait between removals, when to take a
//! longer break, how many removals an hour and a day may hold, when the
//! member's quiet hours are, and how far to back off after a failure.
//!
//! This module owns the numbers and the arithmetic. Every random choice
//! comes from a [`Prng`] the caller passes in (the removal queue holds it in
//! its serialized state), and every decision takes the instant it is about,
//! so the same state and the same clock give the same answer on any machine.
//! It never reads a clock, never keeps state of its own, and never decides
//! *who* is removed: [`crate::removal::queue`] does.
//!
//! The numbers: LinkedIn publishes no limit for removals, and its automation
//! detection looks at volume and regularity. A member pruning by hand does a
//! few dozen in a sitting, with uneven gaps and the odd break. The defaults
//! stay inside that; the ceilings keep even an impatient member there,
//! because a restricted account costs far more than a slower cleanup.
//!
//! This file holds the numbers and the member's settings; `policy.rs` the
//! arithmetic that applies them, `prng.rs` the generator.

use crate::network::calendar::TimeMs;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

mod policy;
mod prng;

pub use policy::{attempts_within, cap_free_at, PacingPolicy};
pub use prng::Prng;

/// A second, in milliseconds.
pub const SECOND_MS: i64 = 1_000;
/// A minute, in milliseconds.
pub const MINUTE_MS: i64 = 60 * SECOND_MS;
/// An hour, in milliseconds: the hourly cap's rolling window.
pub const HOUR_MS: i64 = 60 * MINUTE_MS;
/// A day, in milliseconds: the daily cap's rolling window.
pub const DAY_MS: i64 = 24 * HOUR_MS;
pub(crate) const MINUTES_PER_DAY: u16 = 24 * 60;

/// Default hourly cap: 15 removals in any rolling hour. With the default
/// delays and breathers alone the queue would do about 30 an hour, so this
/// cap is what keeps a sitting at a hand-pruning pace.
pub const DEFAULT_HOURLY_CAP: u32 = 15;
/// Default daily cap: 60 removals in any rolling 24 hours (four capped hours):
/// a long evening of pruning by hand, not a script running all day.
pub const DEFAULT_DAILY_CAP: u32 = 60;
/// The hourly cap no setting can exceed: one removal every two minutes on
/// average, already brisk for a person clicking through menus.
pub const HOURLY_CEILING: u32 = 30;
/// The daily cap no setting can exceed: even at the ceiling, 1,000 removals
/// take more than eight days. Past this the volume itself is the signal.
pub const DAILY_CEILING: u32 = 120;
/// Default caps for withdrawing invitations: 10 an hour, 40 a day. LinkedIn
/// states no limit on withdrawals (docs/LINKEDIN.md, "Sent invitations");
/// tools that withdraw in bulk click every 1 to 2.5 s. netprune keeps them
/// at the pace of a member tidying by hand, below its removals.
pub const DEFAULT_WITHDRAW_CAPS: (u32, u32) = (10, 40);
/// Default caps for unfollowing: 15 an hour, 60 a day, as removals (no
/// stated LinkedIn limit either; tools unfollow every 2 to 5 s).
pub const DEFAULT_UNFOLLOW_CAPS: (u32, u32) = (15, 60);
/// Default ceiling on every kind of step together in any rolling 24 hours:
/// each kind's own daily cap holds inside it.
pub const DEFAULT_OVERALL_DAILY_CAP: u32 = 100;
/// The overall daily ceiling no setting can exceed.
pub const OVERALL_DAILY_CEILING: u32 = 200;

/// Default shortest gap between removals: 20 s. No one finds the next
/// person, opens the menu and confirms much faster, reading as they go.
pub const DEFAULT_MIN_DELAY_MS: u32 = 20_000;
/// The shortest gap any setting allows: 15 s.
pub const MIN_DELAY_FLOOR_MS: u32 = 15_000;
/// Default median gap: 45 s. Half the gaps are shorter, half longer.
pub const DEFAULT_MEDIAN_DELAY_MS: u32 = 45_000;
/// The smallest median any setting allows: 30 s.
pub const MEDIAN_DELAY_FLOOR_MS: u32 = 30_000;
/// The median is always at least this much above the minimum, so the
/// distribution keeps a body and is not a fixed beat at the minimum.
pub(crate) const MEDIAN_ABOVE_MIN_MS: u32 = 5_000;
/// The longest minimum or median gap a setting may ask for: 30 minutes.
pub(crate) const DELAY_SETTING_CEILING_MS: u32 = 30 * 60_000;
/// The spread of the log-normal part of a gap (the sigma of its logarithm).
/// With 1.0 the 95th percentile sits at min + 5.2 × (median − min): about
/// 2.5 minutes with the defaults, and the mean (about 61 s) above the median.
pub const DELAY_LOG_SIGMA: f64 = 1.0;
/// The log-normal part is cut off at this many times its median (about the
/// 99.9th percentile), so one gap is never absurdly long: 10 minutes with
/// the defaults.
const DELAY_TAIL_CUTOFF: f64 = 24.0;

/// Default breather frequency: after 4 to 8 removals (chosen at random each
/// time), a longer break.
pub const DEFAULT_BREATHER_EVERY: (u32, u32) = (4, 8);
/// Breathers come at least every this many removals, whatever the settings.
pub(crate) const BREATHER_EVERY_CEILING: u32 = 20;
/// A breather never comes sooner than after this many removals.
pub(crate) const BREATHER_EVERY_FLOOR: u32 = 2;
/// Default breather length: 3 to 10 minutes, uniformly.
pub const DEFAULT_BREATHER_MS: (u32, u32) = (3 * 60_000, 10 * 60_000);
pub(crate) const BREATHER_FLOOR_MS: u32 = 60_000;
pub(crate) const BREATHER_CEILING_MS: u32 = 2 * 3_600_000;

/// Default backoff after the first failure: 2 minutes, doubling with each
/// failure in a row.
pub const DEFAULT_BACKOFF_BASE_MS: u32 = 2 * 60_000;
/// Default longest backoff: 1 hour.
pub const DEFAULT_BACKOFF_CAP_MS: u32 = 3_600_000;
pub(crate) const BACKOFF_BASE_FLOOR_MS: u32 = 30_000;
pub(crate) const BACKOFF_BASE_CEILING_MS: u32 = 30 * 60_000;
pub(crate) const BACKOFF_CAP_CEILING_MS: u32 = 6 * 3_600_000;

/// Default cool-down after a LinkedIn warning: 24 hours. LinkedIn's
/// temporary limits and restrictions are stated in days, not minutes.
pub const DEFAULT_COOLDOWN_MS: u32 = 24 * 3_600_000;
/// The shortest cool-down any setting allows: 12 hours.
pub const COOLDOWN_FLOOR_MS: u32 = 12 * 3_600_000;
pub(crate) const COOLDOWN_CEILING_MS: u32 = 7 * 24 * 3_600_000;

/// Pauses drawn for one step's actions (before the first click, between the
/// clicks and keys that follow): at least this many.
pub const STEP_PAUSES: usize = 8;
/// The median pause between two actions of a step: 2.5 s, log-normal, most
/// between 1.5 and 4 s.
const STEP_PAUSE_MEDIAN_MS: f64 = 2_500.0;
const STEP_PAUSE_LOG_SIGMA: f64 = 0.3;
const STEP_PAUSE_RANGE_MS: (f64, f64) = (1_000.0, 8_000.0);
/// The first pause, from the list appearing to the first action: a member
/// looks at the page first (3 to 6 s, uniformly).
const FIRST_PAUSE_MS: (u64, u64) = (3_000, 6_000);
/// Under development pacing a pause shrinks by the development delay over
/// this, and is never below 10 ms.
const DEV_PAUSE_SCALE_BASE_MS: f64 = DEFAULT_MEDIAN_DELAY_MS as f64;

/// The longest development delay: a minute is already slow for a test.
pub const DEV_DELAY_CEILING_MS: u32 = 60_000;
/// UTC offsets beyond ±14 h do not exist.
const MAX_UTC_OFFSET_MINUTES: i32 = 14 * 60;

/// The member's pacing settings as stored. Out-of-range values (from the
/// settings page or an edited storage entry) are clamped by
/// [`PacingSettings::clamped`], never refused; missing fields take their
/// defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PacingSettings {
    /// The shortest gap between removals, in ms (default 20 s, at least 15 s).
    pub min_delay_ms: u32,
    /// The median gap between removals, in ms (default 45 s, at least 30 s
    /// and at least 5 s above the minimum).
    pub median_delay_ms: u32,
    /// A breather comes after at least this many removals (default 4).
    pub breather_every_min: u32,
    /// ... and at most this many (default 8; never more than 20).
    pub breather_every_max: u32,
    /// The shortest breather, in ms (default 3 minutes).
    pub breather_min_ms: u32,
    /// The longest breather, in ms (default 10 minutes).
    pub breather_max_ms: u32,
    /// Removal attempts allowed in any rolling hour (default 15, at most 30).
    pub hourly_cap: u32,
    /// Removal attempts allowed in any rolling 24 hours (default 60, at most
    /// 120).
    pub daily_cap: u32,
    /// Withdrawals allowed in any rolling hour (default 10, at most 30).
    pub withdraw_hourly_cap: u32,
    /// Withdrawals allowed in any rolling 24 hours (default 40, at most 120).
    pub withdraw_daily_cap: u32,
    /// Unfollows allowed in any rolling hour (default 15, at most 30).
    pub unfollow_hourly_cap: u32,
    /// Unfollows allowed in any rolling 24 hours (default 60, at most 120).
    pub unfollow_daily_cap: u32,
    /// Steps of every kind together in any rolling 24 hours (default 100,
    /// at most 200): the one ceiling each kind's daily cap sits inside.
    pub overall_daily_cap: u32,
    /// Quiet hours start, in minutes after local midnight (e.g. 1320 for
    /// 22:00). Quiet hours apply only when both ends are set and differ; they
    /// may wrap midnight.
    pub quiet_start_minute: Option<u16>,
    /// Quiet hours end, in minutes after local midnight (e.g. 420 for 07:00).
    pub quiet_end_minute: Option<u16>,
    /// The backoff after the first failure in a row, in ms (default 2 min).
    pub backoff_base_ms: u32,
    /// The longest backoff, in ms (default 1 hour).
    pub backoff_cap_ms: u32,
    /// Development pacing: gaps uniform in 0.5 to 1.5 × this, no breathers,
    /// no caps, no quiet hours. Only the background sets it, and only for an
    /// unpacked or temporary install, so end-to-end tests run in seconds;
    /// [`crate::removal::queue::RemovalQueue::set_settings`] never changes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dev_delay_ms: Option<u32>,
    /// After a LinkedIn warning (a limit, a restriction, a checkpoint...),
    /// how long resuming stays locked, in ms (default 24 hours, at least 12).
    pub cooldown_ms: u32,
}

impl Default for PacingSettings {
    fn default() -> Self {
        Self {
            min_delay_ms: DEFAULT_MIN_DELAY_MS,
            median_delay_ms: DEFAULT_MEDIAN_DELAY_MS,
            breather_every_min: DEFAULT_BREATHER_EVERY.0,
            breather_every_max: DEFAULT_BREATHER_EVERY.1,
            breather_min_ms: DEFAULT_BREATHER_MS.0,
            breather_max_ms: DEFAULT_BREATHER_MS.1,
            hourly_cap: DEFAULT_HOURLY_CAP,
            daily_cap: DEFAULT_DAILY_CAP,
            withdraw_hourly_cap: DEFAULT_WITHDRAW_CAPS.0,
            withdraw_daily_cap: DEFAULT_WITHDRAW_CAPS.1,
            unfollow_hourly_cap: DEFAULT_UNFOLLOW_CAPS.0,
            unfollow_daily_cap: DEFAULT_UNFOLLOW_CAPS.1,
            overall_daily_cap: DEFAULT_OVERALL_DAILY_CAP,
            quiet_start_minute: None,
            quiet_end_minute: None,
            backoff_base_ms: DEFAULT_BACKOFF_BASE_MS,
            backoff_cap_ms: DEFAULT_BACKOFF_CAP_MS,
            dev_delay_ms: None,
            cooldown_ms: DEFAULT_COOLDOWN_MS,
        }
    }
}

impl PacingSettings {
    /// The settings with every value brought inside its floor and ceiling:
    /// caps at most 30 an hour and 120 a day (at least 1), gaps no shorter
    /// than the floors, ranges with their ends in order, quiet-hour minutes
    /// taken modulo a day.
    pub fn clamped(self) -> Self {
        let min_delay_ms = self
            .min_delay_ms
            .clamp(MIN_DELAY_FLOOR_MS, DELAY_SETTING_CEILING_MS);
        let median_delay_ms = self
            .median_delay_ms
            .clamp(MEDIAN_DELAY_FLOOR_MS, DELAY_SETTING_CEILING_MS)
            .max(min_delay_ms + MEDIAN_ABOVE_MIN_MS);
        let breather_every_min = self
            .breather_every_min
            .clamp(BREATHER_EVERY_FLOOR, BREATHER_EVERY_CEILING);
        let breather_every_max = self
            .breather_every_max
            .clamp(breather_every_min, BREATHER_EVERY_CEILING);
        let breather_min_ms = self
            .breather_min_ms
            .clamp(BREATHER_FLOOR_MS, BREATHER_CEILING_MS);
        let breather_max_ms = self
            .breather_max_ms
            .clamp(breather_min_ms, BREATHER_CEILING_MS);
        let backoff_base_ms = self
            .backoff_base_ms
            .clamp(BACKOFF_BASE_FLOOR_MS, BACKOFF_BASE_CEILING_MS);
        let backoff_cap_ms = self
            .backoff_cap_ms
            .clamp(backoff_base_ms, BACKOFF_CAP_CEILING_MS);
        Self {
            min_delay_ms,
            median_delay_ms,
            breather_every_min,
            breather_every_max,
            breather_min_ms,
            breather_max_ms,
            hourly_cap: self.hourly_cap.clamp(1, HOURLY_CEILING),
            daily_cap: self.daily_cap.clamp(1, DAILY_CEILING),
            withdraw_hourly_cap: self.withdraw_hourly_cap.clamp(1, HOURLY_CEILING),
            withdraw_daily_cap: self.withdraw_daily_cap.clamp(1, DAILY_CEILING),
            unfollow_hourly_cap: self.unfollow_hourly_cap.clamp(1, HOURLY_CEILING),
            unfollow_daily_cap: self.unfollow_daily_cap.clamp(1, DAILY_CEILING),
            overall_daily_cap: self.overall_daily_cap.clamp(1, OVERALL_DAILY_CEILING),
            quiet_start_minute: self.quiet_start_minute.map(|m| m % MINUTES_PER_DAY),
            quiet_end_minute: self.quiet_end_minute.map(|m| m % MINUTES_PER_DAY),
            backoff_base_ms,
            backoff_cap_ms,
            dev_delay_ms: self.dev_delay_ms.map(|d| d.min(DEV_DELAY_CEILING_MS)),
            cooldown_ms: self
                .cooldown_ms
                .clamp(COOLDOWN_FLOOR_MS, COOLDOWN_CEILING_MS),
        }
    }
}

/// Why the queue waits before its next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaitReason {
    /// The randomized gap between removals.
    Pacing,
    /// The longer break every few removals.
    Breather,
    /// The hourly cap is reached; waiting for the oldest attempt in the hour
    /// to leave the window.
    HourlyCap,
    /// The daily cap is reached, likewise over 24 hours.
    DailyCap,
    /// Inside the member's quiet hours.
    QuietHours,
    /// Backing off after a failure.
    Backoff,
    /// A step is out and its result not back yet: nothing else until it
    /// reports or its timeout passes.
    StepInFlight,
    /// The connections tab refused the step: it is not visible.
    TabHidden,
    /// The connections tab refused the step: it is busy with another.
    TabBusy,
    /// The connections tab refused the step: it shows another account.
    AnotherAccount,
    /// The connections tab refused the step: the list is not on the page.
    NoList,
    /// The connections tab refused the step: a name search left in the
    /// page's search box shows nobody.
    SearchHidesList,
    /// A withdrawal waits for the sent invitations page to be open.
    SentList,
    /// An unfollow waits for the following page to be open.
    FollowingList,
}

impl WaitReason {
    /// The reason in words, for the popup.
    pub fn words(self) -> &'static str {
        match self {
            Self::Pacing => "pacing",
            Self::Breather => "breather",
            Self::HourlyCap => "hourly cap",
            Self::DailyCap => "daily cap",
            Self::QuietHours => "quiet hours",
            Self::Backoff => "backoff",
            Self::StepInFlight => "a step is running",
            Self::TabHidden => "the connections tab to be visible",
            Self::TabBusy => "the connections tab to be free",
            Self::AnotherAccount => "your own account's page",
            Self::NoList => "the connections list to show",
            Self::SearchHidesList => "the name search on the connections page to be cleared",
            Self::SentList => "your sent invitations page to be open",
            Self::FollowingList => "your following page to be open",
        }
    }
}

/// A time before which the next removal may not start, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hold {
    /// The earliest start.
    pub until_ms: TimeMs,
    /// Why.
    pub why: WaitReason,
}
