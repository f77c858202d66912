//! The pacing policy: the settings clamped into force, each gap, breather
//! and step pause drawn, quiet hours, backoff, the rolling caps, and the
//! estimate of when a queue finishes.

use super::*;
use crate::removal::queue::ActionKind;

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

    /// A kind's hourly and daily caps in force (`None` under development
    /// pacing).
    pub fn caps_of(&self, kind: ActionKind) -> Option<(u32, u32)> {
        let s = &self.settings;
        let caps = match kind {
            ActionKind::Remove => (s.hourly_cap, s.daily_cap),
            ActionKind::Withdraw => (s.withdraw_hourly_cap, s.withdraw_daily_cap),
            ActionKind::Unfollow => (s.unfollow_hourly_cap, s.unfollow_daily_cap),
        };
        (!self.is_dev()).then_some(caps)
    }

    /// The daily ceiling on every kind together (`None` under development
    /// pacing).
    pub fn overall_daily_cap(&self) -> Option<u32> {
        (!self.is_dev()).then_some(self.settings.overall_daily_cap)
    }

    /// The earliest time a step of `kind` may start, from `now_ms` on: as
    /// [`Self::next_start`] with that kind's caps over `own` (its attempts,
    /// oldest first), and the overall daily ceiling over `all` (every
    /// kind's attempts, oldest first).
    pub fn next_start_of(
        &self,
        kind: ActionKind,
        now_ms: TimeMs,
        utc_offset_minutes: i32,
        hold: Option<Hold>,
        own: &VecDeque<TimeMs>,
        all: &VecDeque<TimeMs>,
    ) -> Option<Hold> {
        let mut floor = hold;
        let mut later = |candidate: Option<Hold>| {
            if let Some(c) = candidate {
                if floor.is_none_or(|f| c.until_ms > f.until_ms) {
                    floor = Some(c);
                }
            }
        };
        if let Some((hourly, daily)) = self.caps_of(kind) {
            later(cap_free_at(own, hourly, HOUR_MS).map(|until_ms| Hold {
                until_ms,
                why: WaitReason::HourlyCap,
            }));
            later(cap_free_at(own, daily, DAY_MS).map(|until_ms| Hold {
                until_ms,
                why: WaitReason::DailyCap,
            }));
        }
        if let Some(cap) = self.overall_daily_cap() {
            later(cap_free_at(all, cap, DAY_MS).map(|until_ms| Hold {
                until_ms,
                why: WaitReason::DailyCap,
            }));
        }
        // The caps are in `floor`; quiet hours and the rest as for removals.
        self.next_start_capped(now_ms, utc_offset_minutes, floor)
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
        self.next_start_capped(now_ms, utc_offset_minutes, Some(best))
    }

    /// `hold` (the latest of the queue's own hold and the caps), then
    /// quiet hours.
    fn next_start_capped(
        &self,
        now_ms: TimeMs,
        utc_offset_minutes: i32,
        hold: Option<Hold>,
    ) -> Option<Hold> {
        let mut best = Hold {
            until_ms: now_ms,
            why: WaitReason::Pacing,
        };
        if let Some(h) = hold.filter(|h| h.until_ms > now_ms) {
            best = h;
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
