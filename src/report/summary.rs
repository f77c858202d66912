//! The popup's summary of the network: the three figures as read, the 500+
//! badge, the 30,000 cap, the follower:connection ratio against the chosen
//! goal's band, whether the figures agree, and their history.
//!
//! Everything here is derived from [`Network`] on each call; nothing is
//! stored.

use crate::network::calendar::{CivilDate, TimeMs};
use crate::network::figure::Precision;
use crate::network::model::{
    CountReading, FigureKind, Goal, Network, PageStatus, Source, BADGE_THRESHOLD, CONNECTION_CAP,
};
use serde::Serialize;

/// What the sent invitations, following and followers pages showed, as
/// netprune holds it (people read there, not LinkedIn's totals).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelationCounts {
    /// Invitations the member sent that the sent page still lists.
    pub pending_invitations: u64,
    /// How many days ago the oldest of them was sent, as far as the page's
    /// words tell (None: no date read).
    pub oldest_invitation_days: Option<u64>,
    /// Of those, how many were sent more than 30 days ago (99% of accepted
    /// invitations are accepted within 30 days).
    pub invitations_over_a_month: u64,
    /// People the following page lists.
    pub following_people: u64,
    /// Of those, how many are not connections.
    pub following_not_connections: u64,
    /// When the sent invitations page was last read (None: never).
    pub invitations_read_ms: Option<TimeMs>,
    /// When the following page was last read (None: never).
    pub following_read_ms: Option<TimeMs>,
    /// People the followers page lists (it shows only about the newest
    /// 1,000 followers, so this is at most about 1,000 whatever the
    /// followers figure).
    pub followers_listed: u64,
    /// Of those, how many are not connections.
    pub followers_listed_not_connections: u64,
    /// When the followers page last listed anyone (None: never).
    pub followers_list_read_ms: Option<TimeMs>,
    /// An estimate of the followers who are not connections: the followers
    /// figure minus the connections figure, as read (LinkedIn lists every
    /// connection as a follower by default, but a connection can stop
    /// following, so this is an estimate even when both figures are exact).
    /// 0 when followers read fewer than connections; None unless both
    /// figures are known, and when both are floors ("500+" minus "500+"
    /// says nothing).
    pub followers_not_connections: Option<u64>,
    /// How far the difference holds, from the two figures' precision; None
    /// with the figure.
    pub followers_not_connections_precision: Option<DifferencePrecision>,
}

/// How far a difference of two figures (followers minus connections) holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DifferencePrecision {
    /// Both figures exact ("2,283" minus "1,234").
    Exact,
    /// Either abbreviated ("3.4K"), or the figures disagree (followers read
    /// fewer than connections: one is stale, and 0 is shown).
    Approximate,
    /// The connections figure is a floor ("500+"): the followers minus a
    /// floor is the most there can be.
    AtMost,
    /// The followers figure is a floor: followers from a floor up, minus
    /// connections, is the least there can be.
    AtLeast,
}

/// Followers minus connections and how far it holds (see
/// [`RelationCounts::followers_not_connections`]).
fn followers_not_connections(
    followers: Option<&CountReading>,
    connections: Option<&CountReading>,
) -> Option<(u64, DifferencePrecision)> {
    let (f, c) = (&followers?.figure, &connections?.figure);
    let precision = match (f.precision, c.precision) {
        (Precision::AtLeast, Precision::AtLeast) => return None,
        (_, Precision::AtLeast) => DifferencePrecision::AtMost,
        (Precision::AtLeast, _) => DifferencePrecision::AtLeast,
        _ if f.value < c.value => DifferencePrecision::Approximate,
        (Precision::Exact, Precision::Exact) => DifferencePrecision::Exact,
        _ => DifferencePrecision::Approximate,
    };
    Some((f.value.saturating_sub(c.value), precision))
}

fn relations_of(network: &Network, now_ms: TimeMs) -> RelationCounts {
    let today = CivilDate::from_ms(now_ms).to_days();
    let mut counts = RelationCounts::default();
    for person in &network.people {
        if let Some(invitation) = person.invitation() {
            counts.pending_invitations += 1;
            counts.invitations_read_ms = counts.invitations_read_ms.max(Some(invitation.read_ms));
            if let Some(sent) = invitation.sent {
                let days = u64::try_from(today - sent.date.to_days()).unwrap_or(0);
                counts.oldest_invitation_days = counts.oldest_invitation_days.max(Some(days));
                if days > 30 {
                    counts.invitations_over_a_month += 1;
                }
            }
        }
        if let Some(follow) = person.relations.as_ref().and_then(|r| r.following.as_ref()) {
            counts.following_people += 1;
            counts.following_read_ms = counts.following_read_ms.max(Some(follow.read_ms));
            if !person.is_connection() {
                counts.following_not_connections += 1;
            }
        }
        if let Some(follower) = person.follower() {
            counts.followers_listed += 1;
            counts.followers_list_read_ms =
                counts.followers_list_read_ms.max(Some(follower.read_ms));
            if !person.is_connection() {
                counts.followers_listed_not_connections += 1;
            }
        }
    }
    counts
}

/// Everything the popup shows, as of `now_ms`.
pub fn summary(network: &Network, now_ms: TimeMs) -> Summary {
    let connections = network.figure(FigureKind::Connections);
    let followers = network.figure(FigureKind::Followers);
    let following = network.figure(FigureKind::Following);

    let mut problems = Vec::new();
    if let (Some(c), Some(f)) = (connections, followers) {
        let followers_high = f.figure.high.unwrap_or(u64::MAX);
        if followers_high < c.figure.low {
            problems.push(format!(
                "Followers ({}) are fewer than connections ({}), which cannot be: every connection also follows you. \
                 One of the figures is stale or partial; visit the page it came from to read it again.",
                f.figure.shown, c.figure.shown
            ));
        }
    }
    let status = if network.readings.is_empty() && network.people.is_empty() {
        ConsistencyStatus::Empty
    } else if problems.is_empty() {
        ConsistencyStatus::Consistent
    } else {
        ConsistencyStatus::Partial
    };

    let badge = match connections.map(|c| &c.figure) {
        None => Badge {
            status: BadgeStatus::Unknown,
            connections_needed: None,
        },
        Some(f) if f.low >= BADGE_THRESHOLD => Badge {
            status: BadgeStatus::Shows,
            connections_needed: None,
        },
        Some(f) if f.high.is_some_and(|h| h < BADGE_THRESHOLD) => Badge {
            status: BadgeStatus::NotYet,
            connections_needed: (f.precision == Precision::Exact)
                .then(|| BADGE_THRESHOLD - f.value),
        },
        Some(_) => Badge {
            status: BadgeStatus::Unknown,
            connections_needed: None,
        },
    };

    let exact_connections = connections.filter(|c| c.figure.precision == Precision::Exact);
    let cap = Cap {
        limit: CONNECTION_CAP,
        headroom: exact_connections.map(|c| CONNECTION_CAP.saturating_sub(c.figure.value)),
        at_cap: connections.is_some_and(|c| c.figure.low >= CONNECTION_CAP),
    };

    let ratio = match (connections, followers) {
        (Some(c), Some(f)) if c.figure.value > 0 && status != ConsistencyStatus::Partial => {
            let approximate =
                c.figure.precision != Precision::Exact || f.figure.precision != Precision::Exact;
            let floor = c.figure.precision == Precision::AtLeast
                || f.figure.precision == Precision::AtLeast;
            Some(Ratio::new(
                f.figure.value,
                c.figure.value,
                network.goal,
                approximate,
                floor,
            ))
        }
        _ => None,
    };

    let difference = followers_not_connections(followers, connections);
    Summary {
        connections: connections.map(Count::from),
        followers: followers.map(Count::from),
        following: following.map(Count::from),
        people_read: network.people.iter().filter(|p| p.is_connection()).count() as u64,
        relations: RelationCounts {
            followers_not_connections: difference.map(|(value, _)| value),
            followers_not_connections_precision: difference.map(|(_, precision)| precision),
            ..relations_of(network, now_ms)
        },
        badge,
        cap,
        goal: network.goal,
        goals: Goal::ALL
            .into_iter()
            .map(|g| GoalBand {
                id: g,
                label: g.label(),
                low: g.band().0,
                high: g.band().1,
            })
            .collect(),
        ratio,
        consistency: Consistency { status, problems },
        page: network.last_page.clone(),
        history: History {
            connections: history_of(network, FigureKind::Connections),
            followers: history_of(network, FigureKind::Followers),
        },
    }
}

/// A figure's readings as points, oldest first: each folded reading
/// spans from when its value was first read to when it was last read.
fn history_of(network: &Network, kind: FigureKind) -> Vec<HistoryPoint> {
    let mut points: Vec<HistoryPoint> = Vec::new();
    for r in network.readings.iter().filter(|r| r.kind == kind) {
        let point = |at_ms| HistoryPoint {
            at_ms,
            value: r.figure.value,
            precision: r.figure.precision,
        };
        points.push(point(r.first_read_ms));
        if r.read_ms != r.first_read_ms {
            points.push(point(r.read_ms));
        }
    }
    points.sort_by_key(|p| p.at_ms);
    let skip = points.len().saturating_sub(HISTORY_POINTS);
    points.drain(..skip);
    points
}

/// A figure as the popup shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    /// The figure.
    pub value: u64,
    /// How exact.
    pub precision: Precision,
    /// As LinkedIn showed it.
    pub shown: String,
    /// When last read.
    pub read_at_ms: TimeMs,
    /// Where.
    pub source: Source,
}

impl From<&CountReading> for Count {
    fn from(r: &CountReading) -> Self {
        Self {
            value: r.figure.value,
            precision: r.figure.precision,
            shown: r.figure.shown.clone(),
            read_at_ms: r.read_ms,
            source: r.source,
        }
    }
}

/// Whether the 500+ badge shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BadgeStatus {
    /// 500 connections or more.
    Shows,
    /// Fewer than 500.
    NotYet,
    /// Not known yet.
    Unknown,
}

/// The badge and how far away it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Badge {
    /// Whether it shows.
    pub status: BadgeStatus,
    /// Connections still needed, when exactly known.
    pub connections_needed: Option<u64>,
}

/// The 30,000 cap.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cap {
    /// 30,000.
    pub limit: u64,
    /// Connections left, when the count is exact.
    pub headroom: Option<u64>,
    /// At the cap: no new connection can be made.
    pub at_cap: bool,
}

/// Where the ratio stands against the goal's band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BandPosition {
    /// Fewer followers per connection than the band.
    Below,
    /// Inside it.
    Within,
    /// More.
    Above,
}

/// The follower:connection ratio against the chosen goal.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ratio {
    /// Followers per connection.
    pub value: f64,
    /// Whether either figure is approximate or a floor.
    pub approximate: bool,
    /// The band's low end.
    pub low: f64,
    /// The band's high end.
    pub high: f64,
    /// Where the ratio stands.
    pub position: BandPosition,
    /// Followers to gain (below) to reach the band, holding connections:
    /// 0 within the band; null above it (no gain in followers lowers the
    /// ratio) or when either figure is a floor ("500+": arithmetic on it
    /// would be invented).
    pub followers_to_band: Option<u64>,
    /// Connections to remove (below) or add (above) to reach the band,
    /// holding followers: 0 within the band, null when either figure is a
    /// floor.
    pub connections_to_band: Option<u64>,
}

impl Ratio {
    fn new(followers: u64, connections: u64, goal: Goal, approximate: bool, floor: bool) -> Self {
        let value = followers as f64 / connections as f64;
        let (low, high) = goal.band();
        // Nudged for float error, so 1.5 x 1,000 stays 1,500; a figure
        // outside the band is at least one away from it.
        let up = |x: f64| (x - 1e-9).ceil().max(0.0) as u64;
        let down = |x: f64| (x + 1e-9).floor().max(0.0) as u64;
        let (position, followers_to_band, connections_to_band) = if value < low {
            (
                BandPosition::Below,
                Some(
                    up(low * connections as f64)
                        .saturating_sub(followers)
                        .max(1),
                ),
                Some(
                    connections
                        .saturating_sub(down(followers as f64 / low))
                        .max(1),
                ),
            )
        } else if value > high {
            (
                BandPosition::Above,
                None,
                Some(
                    up(followers as f64 / high)
                        .saturating_sub(connections)
                        .max(1),
                ),
            )
        } else {
            (BandPosition::Within, Some(0), Some(0))
        };
        let (followers_to_band, connections_to_band) = if floor {
            (None, None)
        } else {
            (followers_to_band, connections_to_band)
        };
        Self {
            value: (value * 100.0).round() / 100.0,
            approximate,
            low,
            high,
            position,
            followers_to_band,
            connections_to_band,
        }
    }
}

/// A goal and its band, for the popup's list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalBand {
    /// The goal.
    pub id: Goal,
    /// Its name.
    pub label: &'static str,
    /// Band low.
    pub low: f64,
    /// Band high.
    pub high: f64,
}

/// Whether the snapshot can be shown as truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsistencyStatus {
    /// Nothing read yet.
    Empty,
    /// Every invariant holds.
    Consistent,
    /// A figure is stale or partial.
    Partial,
}

/// The snapshot's consistency and its problems in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consistency {
    /// The verdict.
    pub status: ConsistencyStatus,
    /// What is wrong, for the member.
    pub problems: Vec<String>,
}

/// Everything the popup shows (docs/ARCHITECTURE.md, "Summary").
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Connections.
    pub connections: Option<Count>,
    /// Followers.
    pub followers: Option<Count>,
    /// Following.
    pub following: Option<Count>,
    /// Distinct connections read from pages.
    pub people_read: u64,
    /// The member's other relations as their pages were read: pending
    /// invitations, people followed and followers listed.
    pub relations: RelationCounts,
    /// The 500+ badge.
    pub badge: Badge,
    /// The 30,000 cap.
    pub cap: Cap,
    /// The chosen goal.
    pub goal: Goal,
    /// Every goal and its band.
    pub goals: Vec<GoalBand>,
    /// The ratio, when it can be shown as truth.
    pub ratio: Option<Ratio>,
    /// Consistency.
    pub consistency: Consistency,
    /// The last page read.
    pub page: Option<PageStatus>,
    /// Connections and followers over time, for the popup's chart.
    pub history: History,
}

/// Connections and followers over time, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct History {
    /// Connection readings.
    pub connections: Vec<HistoryPoint>,
    /// Follower readings.
    pub followers: Vec<HistoryPoint>,
}

/// One point of the chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPoint {
    /// When.
    pub at_ms: TimeMs,
    /// The figure.
    pub value: u64,
    /// How exact it was.
    pub precision: Precision,
}

/// Points kept per figure in the summary: a chart 300 px wide shows no more.
const HISTORY_POINTS: usize = 120;
