//! Collection runs on a fake clock: a run completes at the stated total,
//! a complete run marks who is gone and a short one does not, a second start
//! resumes, a run survives serialization, and stopping is recorded.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/network.rs"]
mod network;

use network::*;

#[test]
fn a_complete_collection_reaches_the_stated_total_and_completes_itself() {
    let mut n = Snapshot::default();
    n.ingest(page("3", &[]), NOW).unwrap();
    let p = n.start_collection(NOW);
    assert!(p.running);
    assert_eq!((p.seen, p.target), (0, Some(3)));
    let r = n.ingest(page("3", &["ana", "bo"]), NOW + MINUTE).unwrap();
    let c = r.collect.unwrap();
    assert_eq!((c.seen, c.done, c.running), (2, false, true));
    // Seeing someone twice in a run counts once.
    let r = n
        .ingest(page("3", &["bo", "cy"]), NOW + 2 * MINUTE)
        .unwrap();
    let c = r.collect.unwrap();
    assert_eq!((c.seen, c.done, c.running), (3, true, false));
    assert_eq!(c.outcome, Some(Outcome::Complete));
    assert_eq!(c.ended_at_ms, Some(NOW + 2 * MINUTE));
}

#[test]
fn a_complete_collection_marks_who_is_gone_and_a_short_one_does_not() {
    let mut n = network_of(&["ana", "bo", "cy"]);
    // Bo removed the member; the page now says 2.
    n.start_collection(NOW + MINUTE);
    n.ingest(page("2", &["ana"]), NOW + MINUTE).unwrap();
    let short = n
        .finish_collection(
            Outcome::Ended,
            Some("LinkedIn stopped loading"),
            NOW + 2 * MINUTE,
        )
        .unwrap();
    assert_eq!(short.outcome, Some(Outcome::Ended));
    assert_eq!(short.reason.as_deref(), Some("LinkedIn stopped loading"));
    assert_eq!(short.gone, 0, "a list that ended short proves no absence");
    assert!(n.network.person("bo").unwrap().gone_since_ms.is_none());

    n.start_collection(NOW + 3 * MINUTE);
    let done = n
        .ingest(page("2", &["ana", "cy"]), NOW + 4 * MINUTE)
        .unwrap()
        .collect
        .unwrap();
    assert_eq!(done.outcome, Some(Outcome::Complete));
    assert_eq!(done.gone, 1);
    assert_eq!(
        n.network.person("bo").unwrap().gone_since_ms,
        Some(NOW + 4 * MINUTE)
    );
    assert!(n.network.person("ana").unwrap().gone_since_ms.is_none());
    assert!(n.rows(&[n.network.index_of("bo").unwrap() as u32])[0].gone);

    // Bo reconnects and shows up again: no longer gone.
    n.ingest(page("3", &["bo"]), NOW + 5 * MINUTE).unwrap();
    assert!(n.network.person("bo").unwrap().gone_since_ms.is_none());
}

#[test]
fn starting_while_running_resumes_the_same_run() {
    let mut n = Snapshot::default();
    n.ingest(page("3", &[]), NOW).unwrap();
    n.start_collection(NOW);
    n.ingest(page("3", &["ana"]), NOW + MINUTE).unwrap();
    let again = n.start_collection(NOW + 2 * MINUTE);
    assert_eq!(
        (again.seen, again.started_at_ms, again.running),
        (1, NOW, true)
    );
}

#[test]
fn collection_survives_serialization_mid_run() {
    let mut n = Snapshot::default();
    n.ingest(page("3", &[]), NOW).unwrap();
    n.start_collection(NOW);
    n.ingest(page("3", &["ana", "bo"]), NOW + MINUTE).unwrap();
    let mut back = Snapshot::from_json(&n.to_json()).unwrap();
    let c = back
        .ingest(page("3", &["bo", "cy"]), NOW + 2 * MINUTE)
        .unwrap()
        .collect
        .unwrap();
    assert_eq!((c.seen, c.outcome), (3, Some(Outcome::Complete)));
}

#[test]
fn stopping_is_recorded_as_stopped_even_past_the_total() {
    let mut n = Snapshot::default();
    n.ingest(page("5", &[]), NOW).unwrap();
    n.start_collection(NOW);
    let p = n
        .finish_collection(Outcome::Stopped, None, NOW + MINUTE)
        .unwrap();
    assert_eq!((p.outcome, p.running), (Some(Outcome::Stopped), false));
    assert!(
        n.finish_collection(Outcome::Stopped, None, NOW + MINUTE)
            .is_none(),
        "nothing is running"
    );
}
