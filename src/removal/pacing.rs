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

use crate::network::calendar::TimeMs;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

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

/// A seeded pseudo-random generator (SplitMix64): tiny, fast, and its whole
/// state one `u64`, so it serializes with the queue and a restored queue
/// draws exactly what the original would have.
///
/// It serializes as a 16-digit hex string rather than a number: JavaScript
/// numbers hold integers exactly only up to 2^53, and the state must survive
/// any trip through the background's storage bit for bit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prng {
    state: u64,
}

impl Prng {
    /// A generator seeded with `seed` (the background takes it from
    /// `crypto.getRandomValues`; tests pick one).
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        // Steele, Lea and Flood's SplitMix64 (as in java.util.SplittableRandom).
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in (0, 1]: never 0, so its logarithm is finite.
    pub fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    /// A uniform integer in `low..=high` (`low` when `high < low`).
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        let span = u128::from(high - low) + 1;
        // Lemire's multiply-shift: no modulo bias worth the name.
        low + ((u128::from(self.next_u64()) * span) >> 64) as u64
    }

    /// A standard normal number, by Marsaglia's polar method (the second
    /// value is dropped so the state stays one `u64`). Unlike Box-Muller it
    /// needs no cosine, whose range reduction was the largest piece of libm
    /// in the `.wasm`. A point is accepted with probability π/4; should 64
    /// draws in a row miss, which no generator worth the name does, the
    /// answer is the median, 0.
    pub fn normal(&mut self) -> f64 {
        for _ in 0..64 {
            let u = 2.0 * self.unit() - 1.0;
            let v = 2.0 * self.unit() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * (-2.0 * s.ln() / s).sqrt();
            }
        }
        0.0
    }
}

impl Serialize for Prng {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{:016x}", self.state))
    }
}

impl<'de> Deserialize<'de> for Prng {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        u64::from_str_radix(&text, 16)
            .map(Prng::new)
            .map_err(|_| serde::de::Error::custom("the generator state is not a hex number"))
    }
}

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

/// The pacing policy: clamped settings and the decisions drawn from them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PacingPolicy {
    settings: PacingSettings,
}

impl Default for PacingPolicy {
    fn default() -> Self {
        Self::new(PacingSettings::default())
    }
}

impl PacingPolicy {
    /// The policy for `settings`, clamped first.
    pub fn new(settings: PacingSettings) -> Self {
        Self {
            settings: settings.clamped(),
        }
    }

    /// The settings in force (clamped).
    pub fn settings(&self) -> &PacingSettings {
        &self.settings
    }

    /// Whether development pacing is on.
    pub fn is_dev(&self) -> bool {
        self.settings.dev_delay_ms.is_some()
    }

    /// The hourly cap in force (`None` under development pacing).
    pub fn hourly_cap(&self) -> Option<u32> {
        (!self.is_dev()).then_some(self.settings.hourly_cap)
    }

    /// The daily cap in force (`None` under development pacing).
    pub fn daily_cap(&self) -> Option<u32> {
        (!self.is_dev()).then_some(self.settings.daily_cap)
    }

    /// Whether breathers are taken (not under development pacing).
    pub fn takes_breathers(&self) -> bool {
        !self.is_dev()
    }

    /// A gap between two removals, in ms. Normally `min + (median − min) ×
    /// e^(σZ)`: a shifted log-normal whose median is the configured median,
    /// never below the minimum, with a long right tail cut off near the
    /// 99.9th percentile. Under development pacing, uniform in 0.5 to 1.5 ×
    /// the development delay.
    pub fn delay_ms(&self, rng: &mut Prng) -> i64 {
        if let Some(dev) = self.settings.dev_delay_ms {
            let dev = u64::from(dev);
            return rng.between(dev / 2, dev + dev / 2) as i64;
        }
        let min = f64::from(self.settings.min_delay_ms);
        let spread = f64::from(self.settings.median_delay_ms) - min;
        let factor = (DELAY_LOG_SIGMA * rng.normal())
            .exp()
            .min(DELAY_TAIL_CUTOFF);
        (min + spread * factor).round() as i64
    }

    /// How many removals until the next breather: uniform in the configured
    /// range, drawn afresh after each breather.
    pub fn breather_every(&self, rng: &mut Prng) -> u32 {
        rng.between(
            u64::from(self.settings.breather_every_min),
            u64::from(self.settings.breather_every_max),
        ) as u32
    }

    /// A breather's length in ms: uniform in the configured range.
    pub fn breather_ms(&self, rng: &mut Prng) -> i64 {
        rng.between(
            u64::from(self.settings.breather_min_ms),
            u64::from(self.settings.breather_max_ms),
        ) as i64
    }

    /// The pauses for one step's actions, in ms ([`STEP_PAUSES`] of them):
    /// the first before the first action after the list appears (a few
    /// seconds), the others between the actions that follow (log-normal,
    /// seconds). Under development pacing each shrinks in proportion to the
    /// development delay, so tests stay fast.
    pub fn step_pauses_ms(&self, rng: &mut Prng) -> Vec<u32> {
        let scale = self
            .settings
            .dev_delay_ms
            .map_or(1.0, |dev| f64::from(dev) / DEV_PAUSE_SCALE_BASE_MS);
        let scaled = |ms: f64| (ms * scale).round().max(10.0) as u32;
        let mut pauses = Vec::with_capacity(STEP_PAUSES);
        pauses.push(scaled(
            rng.between(FIRST_PAUSE_MS.0, FIRST_PAUSE_MS.1) as f64
        ));
        while pauses.len() < STEP_PAUSES {
            let ms = STEP_PAUSE_MEDIAN_MS * (STEP_PAUSE_LOG_SIGMA * rng.normal()).exp();
            pauses.push(scaled(
                ms.clamp(STEP_PAUSE_RANGE_MS.0, STEP_PAUSE_RANGE_MS.1),
            ));
        }
        pauses
    }

    /// The backoff after `failures` failures in a row: base × 2^(failures−1),
    /// at most the cap (0 for no failure). Under development pacing the base
    /// is the development delay.
    pub fn backoff_ms(&self, failures: u32) -> i64 {
        if failures == 0 {
            return 0;
        }
        let base = self
            .settings
            .dev_delay_ms
            .unwrap_or(self.settings.backoff_base_ms);
        let doubled = u64::from(base).saturating_mul(1u64 << (failures - 1).min(32));
        doubled.min(u64::from(self.settings.backoff_cap_ms)) as i64
    }

    /// When quiet hours that hold `at_ms` end, or `None` if `at_ms` is not
    /// inside quiet hours (or there are none). `utc_offset_minutes` is the
    /// member's offset from UTC at that time (e.g. +60 for CET, −300 for
    /// EST), as the background reads it with the clock.
    pub fn quiet_until(&self, at_ms: TimeMs, utc_offset_minutes: i32) -> Option<TimeMs> {
        if self.is_dev() {
            return None;
        }
        let (start, end) = match (
            self.settings.quiet_start_minute,
            self.settings.quiet_end_minute,
        ) {
            (Some(s), Some(e)) if s != e => (i64::from(s), i64::from(e)),
            _ => return None,
        };
        let offset =
            i64::from(utc_offset_minutes.clamp(-MAX_UTC_OFFSET_MINUTES, MAX_UTC_OFFSET_MINUTES));
        let local_ms = (at_ms + offset * MINUTE_MS).rem_euclid(DAY_MS);
        let minute = local_ms / MINUTE_MS;
        let quiet = if start < end {
            (start..end).contains(&minute)
        } else {
            minute >= start || minute < end
        };
        quiet.then(|| at_ms + (end * MINUTE_MS - local_ms).rem_euclid(DAY_MS))
    }

    /// The earliest time a removal may start, from `now_ms` on, given the
    /// queue's own `hold` (pacing, breather or backoff), the times of recent
    /// attempts (oldest first) for the rolling caps, and quiet hours. `None`
    /// means a removal may start now.
    pub fn next_start(
        &self,
        now_ms: TimeMs,
        utc_offset_minutes: i32,
        hold: Option<Hold>,
        attempts: &VecDeque<TimeMs>,
    ) -> Option<Hold> {
        let mut best = Hold {
            until_ms: now_ms,
            why: WaitReason::Pacing,
        };
        let mut later = |candidate: Option<Hold>| {
            if let Some(c) = candidate.filter(|c| c.until_ms > best.until_ms) {
                best = c;
            }
        };
        later(hold);
        if let Some(cap) = self.hourly_cap() {
            later(cap_free_at(attempts, cap, HOUR_MS).map(|until_ms| Hold {
                until_ms,
                why: WaitReason::HourlyCap,
            }));
        }
        if let Some(cap) = self.daily_cap() {
            later(cap_free_at(attempts, cap, DAY_MS).map(|until_ms| Hold {
                until_ms,
                why: WaitReason::DailyCap,
            }));
        }
        // Quiet hours last: every other hold is already met by the time they
        // end, since attempts only leave the windows as time passes.
        if let Some(until_ms) = self.quiet_until(best.until_ms, utc_offset_minutes) {
            best = Hold {
                until_ms,
                why: WaitReason::QuietHours,
            };
        }
        (best.until_ms > now_ms).then_some(best)
    }

    /// When `count` removals would be done if the first could start at
    /// `start_ms` (after `hold`), with each gap at its median, breathers at
    /// their average length and frequency, and the caps and quiet hours
    /// honoured: an estimate for the popup, not a promise.
    pub fn estimate_finish(
        &self,
        count: u32,
        start_ms: TimeMs,
        utc_offset_minutes: i32,
        attempts: &VecDeque<TimeMs>,
        until_breather: u32,
    ) -> TimeMs {
        let s = &self.settings;
        let median_gap = match s.dev_delay_ms {
            Some(dev) => i64::from(dev),
            None => i64::from(s.median_delay_ms),
        };
        let breather_gap = (i64::from(s.breather_min_ms) + i64::from(s.breather_max_ms)) / 2;
        let breather_every = (s.breather_every_min + s.breather_every_max).div_ceil(2);
        let keep = HOURLY_CEILING.max(DAILY_CEILING) as usize;
        let mut virtual_attempts = attempts.clone();
        let mut countdown = until_breather;
        let mut t = start_ms;
        for i in 0..count {
            if i > 0 {
                if self.takes_breathers() && countdown == 0 {
                    t += breather_gap;
                    countdown = breather_every;
                } else {
                    t += median_gap;
                }
            }
            if let Some(hold) = self.next_start(t, utc_offset_minutes, None, &virtual_attempts) {
                t = hold.until_ms;
            }
            virtual_attempts.push_back(t);
            if virtual_attempts.len() > keep {
                virtual_attempts.pop_front();
            }
            countdown = countdown.saturating_sub(1);
        }
        t
    }
}

/// When the rolling window of `window_ms` will hold fewer than `cap` of
/// `attempts` (sorted, oldest first), if it holds `cap` or more now: the
/// `cap`-th most recent attempt must leave it. An attempt at `a` counts in
/// the window at `t` while `t − a < window_ms`, so any `cap + 1` attempts
/// that follow this rule span at least the window.
pub fn cap_free_at(attempts: &VecDeque<TimeMs>, cap: u32, window_ms: i64) -> Option<TimeMs> {
    let cap = cap as usize;
    if cap == 0 || attempts.len() < cap {
        return None;
    }
    attempts
        .get(attempts.len() - cap)
        .map(|&oldest| oldest + window_ms)
}

/// How many of `attempts` fall in the window of `window_ms` ending at `now_ms`.
pub fn attempts_within(attempts: &VecDeque<TimeMs>, now_ms: TimeMs, window_ms: i64) -> u32 {
    attempts
        .iter()
        .rev()
        .take_while(|&&a| now_ms - a < window_ms)
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prng_is_reproducible_and_round_trips_as_hex() {
        let mut a = Prng::new(7);
        let mut b = Prng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json.len(), 18, "{json}");
        let mut back: Prng = serde_json::from_str(&json).unwrap();
        assert_eq!(back.next_u64(), a.next_u64());
        assert!(serde_json::from_str::<Prng>("\"not hex\"").is_err());
    }

    #[test]
    fn between_stays_in_range_and_reaches_both_ends() {
        let mut rng = Prng::new(1);
        let draws: Vec<u64> = (0..1000).map(|_| rng.between(4, 8)).collect();
        assert!(draws.iter().all(|d| (4..=8).contains(d)));
        assert!(draws.contains(&4) && draws.contains(&8));
        assert_eq!(rng.between(5, 5), 5);
        assert_eq!(rng.between(9, 3), 9);
    }

    #[test]
    fn normal_draws_have_the_standard_moments_and_tails() {
        let mut rng = Prng::new(2026);
        let n = 200_000;
        let draws: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        assert!(draws.iter().all(|z| z.is_finite()));
        let mean = draws.iter().sum::<f64>() / n as f64;
        let variance = draws.iter().map(|z| (z - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.01, "mean {mean}");
        assert!((variance - 1.0).abs() < 0.02, "variance {variance}");
        // About 15.87 % beyond one standard deviation on each side, 2.28 %
        // beyond two.
        let share =
            |f: &dyn Fn(f64) -> bool| draws.iter().filter(|z| f(**z)).count() as f64 / n as f64;
        assert!((share(&|z| z > 1.0) - 0.1587).abs() < 0.005);
        assert!((share(&|z| z < -1.0) - 0.1587).abs() < 0.005);
        assert!((share(&|z| z > 2.0) - 0.0228).abs() < 0.002);
    }

    #[test]
    fn backoff_doubles_from_the_base_up_to_the_cap() {
        let policy = PacingPolicy::default();
        assert_eq!(policy.backoff_ms(0), 0);
        assert_eq!(policy.backoff_ms(1), 2 * MINUTE_MS);
        assert_eq!(policy.backoff_ms(2), 4 * MINUTE_MS);
        assert_eq!(policy.backoff_ms(3), 8 * MINUTE_MS);
        assert_eq!(policy.backoff_ms(6), HOUR_MS);
        assert_eq!(policy.backoff_ms(u32::MAX), HOUR_MS);
    }

    #[test]
    fn quiet_hours_wrap_midnight_in_local_time() {
        let policy = PacingPolicy::new(PacingSettings {
            quiet_start_minute: Some(22 * 60),
            quiet_end_minute: Some(7 * 60),
            ..PacingSettings::default()
        });
        let day = 20_000 * DAY_MS;
        // UTC+2: 21:00 UTC is 23:00 local, quiet until 07:00 local = 05:00 UTC.
        assert_eq!(
            policy.quiet_until(day + 21 * HOUR_MS, 120),
            Some(day + DAY_MS + 5 * HOUR_MS)
        );
        // 03:00 UTC is 05:00 local: quiet until 05:00 UTC the same day.
        assert_eq!(
            policy.quiet_until(day + 3 * HOUR_MS, 120),
            Some(day + 5 * HOUR_MS)
        );
        // 05:00 UTC is 07:00 local: the end is not quiet.
        assert_eq!(policy.quiet_until(day + 5 * HOUR_MS, 120), None);
        assert_eq!(policy.quiet_until(day + 12 * HOUR_MS, 120), None);
        // UTC−5: 02:59 UTC is 21:59 local, 03:00 UTC is 22:00 local.
        assert_eq!(policy.quiet_until(day + 3 * HOUR_MS - 1, -300), None);
        assert_eq!(
            policy.quiet_until(day + 3 * HOUR_MS, -300),
            Some(day + 12 * HOUR_MS)
        );
    }

    #[test]
    fn equal_or_missing_quiet_ends_mean_no_quiet_hours() {
        for (start, end) in [(Some(600), Some(600)), (Some(600), None), (None, Some(60))] {
            let policy = PacingPolicy::new(PacingSettings {
                quiet_start_minute: start,
                quiet_end_minute: end,
                ..PacingSettings::default()
            });
            for hour in 0..24 {
                assert_eq!(policy.quiet_until(hour * HOUR_MS, 0), None);
            }
        }
    }

    #[test]
    fn cap_frees_when_the_capth_latest_attempt_leaves_the_window() {
        let attempts: VecDeque<TimeMs> = [0, 10, 20, 30].into_iter().collect();
        assert_eq!(cap_free_at(&attempts, 5, HOUR_MS), None);
        assert_eq!(cap_free_at(&attempts, 4, HOUR_MS), Some(HOUR_MS));
        assert_eq!(cap_free_at(&attempts, 2, HOUR_MS), Some(20 + HOUR_MS));
        assert_eq!(attempts_within(&attempts, HOUR_MS + 10, HOUR_MS), 2);
        assert_eq!(attempts_within(&attempts, 30, HOUR_MS), 4);
    }

    #[test]
    fn estimate_grows_by_days_once_the_daily_cap_binds() {
        let policy = PacingPolicy::default();
        let none = VecDeque::new();
        let start = 1_000 * DAY_MS;
        let sixty = policy.estimate_finish(60, start, 0, &none, 6);
        assert!(sixty - start < DAY_MS, "{}", sixty - start);
        let one_twenty_one = policy.estimate_finish(121, start, 0, &none, 6);
        assert!(one_twenty_one - start >= 2 * DAY_MS);
        assert_eq!(policy.estimate_finish(1, start, 0, &none, 6), start);
    }
}
