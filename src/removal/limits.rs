//! The pacing settings' limits as the pages show them: for every field of
//! [`PacingSettings`], its floor, ceiling, default and unit, read from the
//! very constants [`PacingSettings::clamped`] clamps with, so the review
//! and options pages never keep a copy of `pacing.rs`'s numbers.

use crate::removal::pacing::{
    PacingSettings, BACKOFF_BASE_CEILING_MS, BACKOFF_BASE_FLOOR_MS, BACKOFF_CAP_CEILING_MS,
    BREATHER_CEILING_MS, BREATHER_EVERY_CEILING, BREATHER_EVERY_FLOOR, BREATHER_FLOOR_MS,
    COOLDOWN_CEILING_MS, COOLDOWN_FLOOR_MS, DAILY_CEILING, DELAY_SETTING_CEILING_MS,
    HOURLY_CEILING, MEDIAN_ABOVE_MIN_MS, MEDIAN_DELAY_FLOOR_MS, MINUTES_PER_DAY,
    MIN_DELAY_FLOOR_MS, OVERALL_DAILY_CEILING,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a setting's value is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// Milliseconds.
    Ms,
    /// Removals.
    Count,
    /// Minutes after local midnight.
    Minute,
}

/// A setting that must also stay a margin above another one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Above {
    /// The other setting's name.
    pub setting: &'static str,
    /// At least this much above it (in the same unit).
    pub by: u32,
}

/// One setting's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limit {
    /// The smallest value in force.
    pub min: u32,
    /// The largest value in force.
    pub max: u32,
    /// The default, or null when the setting is off by default.
    pub default: Option<u32>,
    /// What the value counts.
    pub unit: Unit,
    /// Never below another setting plus a margin (clamped up to it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub above: Option<Above>,
}

const fn limit(min: u32, max: u32, default: Option<u32>, unit: Unit) -> Limit {
    Limit {
        min,
        max,
        default,
        unit,
        above: None,
    }
}

const fn above(setting: &'static str, by: u32, limit: Limit) -> Limit {
    Limit {
        above: Some(Above { setting, by }),
        ..limit
    }
}

/// Every member setting's limits, by its name in `queueSettings()`.
pub fn pacing_limits() -> BTreeMap<&'static str, Limit> {
    let d = PacingSettings::default();
    let minute = limit(0, u32::from(MINUTES_PER_DAY) - 1, None, Unit::Minute);
    BTreeMap::from([
        (
            "minDelayMs",
            limit(
                MIN_DELAY_FLOOR_MS,
                DELAY_SETTING_CEILING_MS,
                Some(d.min_delay_ms),
                Unit::Ms,
            ),
        ),
        (
            "medianDelayMs",
            above(
                "minDelayMs",
                MEDIAN_ABOVE_MIN_MS,
                limit(
                    MEDIAN_DELAY_FLOOR_MS,
                    DELAY_SETTING_CEILING_MS,
                    Some(d.median_delay_ms),
                    Unit::Ms,
                ),
            ),
        ),
        (
            "breatherEveryMin",
            limit(
                BREATHER_EVERY_FLOOR,
                BREATHER_EVERY_CEILING,
                Some(d.breather_every_min),
                Unit::Count,
            ),
        ),
        (
            "breatherEveryMax",
            above(
                "breatherEveryMin",
                0,
                limit(
                    BREATHER_EVERY_FLOOR,
                    BREATHER_EVERY_CEILING,
                    Some(d.breather_every_max),
                    Unit::Count,
                ),
            ),
        ),
        (
            "breatherMinMs",
            limit(
                BREATHER_FLOOR_MS,
                BREATHER_CEILING_MS,
                Some(d.breather_min_ms),
                Unit::Ms,
            ),
        ),
        (
            "breatherMaxMs",
            above(
                "breatherMinMs",
                0,
                limit(
                    BREATHER_FLOOR_MS,
                    BREATHER_CEILING_MS,
                    Some(d.breather_max_ms),
                    Unit::Ms,
                ),
            ),
        ),
        (
            "hourlyCap",
            limit(1, HOURLY_CEILING, Some(d.hourly_cap), Unit::Count),
        ),
        (
            "dailyCap",
            limit(1, DAILY_CEILING, Some(d.daily_cap), Unit::Count),
        ),
        (
            "withdrawHourlyCap",
            limit(1, HOURLY_CEILING, Some(d.withdraw_hourly_cap), Unit::Count),
        ),
        (
            "withdrawDailyCap",
            limit(1, DAILY_CEILING, Some(d.withdraw_daily_cap), Unit::Count),
        ),
        (
            "unfollowHourlyCap",
            limit(1, HOURLY_CEILING, Some(d.unfollow_hourly_cap), Unit::Count),
        ),
        (
            "unfollowDailyCap",
            limit(1, DAILY_CEILING, Some(d.unfollow_daily_cap), Unit::Count),
        ),
        (
            "overallDailyCap",
            limit(
                1,
                OVERALL_DAILY_CEILING,
                Some(d.overall_daily_cap),
                Unit::Count,
            ),
        ),
        ("quietStartMinute", minute),
        ("quietEndMinute", minute),
        (
            "backoffBaseMs",
            limit(
                BACKOFF_BASE_FLOOR_MS,
                BACKOFF_BASE_CEILING_MS,
                Some(d.backoff_base_ms),
                Unit::Ms,
            ),
        ),
        (
            "backoffCapMs",
            above(
                "backoffBaseMs",
                0,
                limit(
                    BACKOFF_BASE_FLOOR_MS,
                    BACKOFF_CAP_CEILING_MS,
                    Some(d.backoff_cap_ms),
                    Unit::Ms,
                ),
            ),
        ),
        (
            "cooldownMs",
            limit(
                COOLDOWN_FLOOR_MS,
                COOLDOWN_CEILING_MS,
                Some(d.cooldown_ms),
                Unit::Ms,
            ),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The settings with `name` set to `value` (through its JSON name).
    fn with(name: &str, value: u32) -> PacingSettings {
        let mut json = serde_json::to_value(PacingSettings::default()).unwrap();
        json[name] = value.into();
        serde_json::from_value(json).unwrap()
    }

    fn get(settings: &PacingSettings, name: &str) -> u32 {
        let json = serde_json::to_value(settings).unwrap();
        json[name].as_u64().unwrap() as u32
    }

    #[test]
    fn every_setting_has_limits_and_clamping_agrees_with_them() {
        let limits = pacing_limits();
        let json = serde_json::to_value(PacingSettings::default()).unwrap();
        let names: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for name in &names {
            assert!(limits.contains_key(name), "{name} has no limits");
        }
        for (name, l) in &limits {
            assert!(names.contains(name), "{name} is not a setting");
            assert!(l.min <= l.max, "{name}");
            if let Some(d) = l.default {
                assert!((l.min..=l.max).contains(&d), "{name}: default {d}");
                assert_eq!(get(&PacingSettings::default(), name), d, "{name}");
            }
            // The ceiling holds; so does the floor, unless another setting
            // lifts it (`above`).
            let high = with(name, l.max.saturating_add(1)).clamped();
            if l.unit == Unit::Minute {
                // Minutes of the day wrap past midnight.
                assert_eq!(get(&high, name), 0, "{name} wraps");
            } else {
                assert_eq!(get(&high, name), l.max, "{name} above its ceiling");
                let low = with(name, l.min.saturating_sub(1)).clamped();
                let floor = l.above.map_or(l.min, |a| {
                    l.min.max(get(&low, a.setting).saturating_add(a.by))
                });
                assert_eq!(get(&low, name), floor, "{name} below its floor");
            }
        }
    }
}
