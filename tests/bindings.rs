//! The wasm-bindgen facade as JavaScript sees it: plain objects in, plain
//! JSON-compatible objects out, and every bad input a `NetpruneError`
//! exception with a readable message instead of a panic.
//!
//! Run with `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --test bindings` (under node).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use js_sys::{Array, JsString, Reflect, Uint8Array, JSON};
use netprune::bindings::Core;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

const NOW: f64 = 1_795_262_400_000.0;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &key.into()).unwrap()
    })
}

fn error_of(result: Result<impl Sized, JsValue>) -> js_sys::Error {
    match result {
        Ok(_) => panic!("expected a NetpruneError"),
        Err(e) => e.dyn_into::<js_sys::Error>().unwrap(),
    }
}

const READING: &str = r#"{
  "page": "connections",
  "url": "https://www.linkedin.com/mynetwork/invite-connect/connections/",
  "recognised": true,
  "generation": "react-2025",
  "reason": null,
  "counts": { "connections": "1,234", "followers": null, "following": null },
  "cards": [
    { "profileUrl": "/in/ana-1/", "name": "<b>Ana</b>", "headline": null, "connectedText": "Connected on August 7, 2024" }
  ]
}"#;

#[wasm_bindgen_test]
fn ingest_answers_a_plain_report_and_summary_has_the_contract_shape() {
    let mut core = Core::new();
    let report = core.ingest(js(READING), NOW).unwrap();
    assert_eq!(get(&report, "added").as_f64(), Some(1.0));
    assert!(Array::is_array(&get(&report, "skipped")));

    let summary = core.summary(NOW).unwrap();
    assert_eq!(get(&summary, "connections.value").as_f64(), Some(1234.0));
    assert_eq!(
        get(&summary, "connections.precision")
            .as_string()
            .as_deref(),
        Some("exact")
    );
    assert_eq!(get(&summary, "connections.readAtMs").as_f64(), Some(NOW));
    assert_eq!(
        get(&summary, "connections.source").as_string().as_deref(),
        Some("connections-page")
    );
    assert!(get(&summary, "followers").is_null());
    assert_eq!(
        get(&summary, "badge.status").as_string().as_deref(),
        Some("shows")
    );
    assert_eq!(get(&summary, "cap.headroom").as_f64(), Some(28_766.0));
    assert_eq!(get(&summary, "cap.limit").as_f64(), Some(30_000.0));
    assert_eq!(get(&summary, "peopleRead").as_f64(), Some(1.0));
    assert_eq!(
        get(&summary, "goal").as_string().as_deref(),
        Some("business-developer")
    );
    assert_eq!(Array::from(&get(&summary, "goals")).length(), 4);
    assert_eq!(
        get(&summary, "consistency.status").as_string().as_deref(),
        Some("consistent")
    );
    assert_eq!(
        get(&summary, "page.generation").as_string().as_deref(),
        Some("react-2025")
    );
    // JSON-compatible: it survives JSON.stringify unchanged (what storage does).
    assert!(JSON::stringify(&summary).is_ok());
}

#[wasm_bindgen_test]
fn stored_network_restores_to_the_same_summary() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    core.set_goal("consultant").unwrap();
    let restored = Core::restore_json(&core.to_stored_json().into()).unwrap();
    assert_eq!(restored.people_count(), 1);
    let a = JSON::stringify(&core.summary(NOW).unwrap()).unwrap();
    let b = JSON::stringify(&restored.summary(NOW).unwrap()).unwrap();
    assert_eq!(String::from(a), String::from(b));
}

#[wasm_bindgen_test]
fn the_compact_stored_form_restores_the_same_network_and_migrates_json() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    core.set_goal("consultant").unwrap();
    let bytes = core.to_stored();
    let restored = Core::restore_stored(&Uint8Array::from(&bytes[..])).unwrap();
    assert_eq!(restored.to_stored_json(), core.to_stored_json());
    // The JSON an earlier build stored, stored compactly: the same network.
    let migrated = Core::restore_json(&core.to_stored_json().into()).unwrap();
    assert_eq!(migrated.to_stored(), bytes);
}

/// A core that read `count` people (`/in/p-<i>/`) named `name_of(i)`.
fn core_of_names<'a>(count: usize, name_of: impl Fn(usize) -> &'a str) -> Core {
    let cards: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{ "profileUrl": "/in/p-{i}/", "name": "{}", "headline": null, "connectedText": null }}"#,
                name_of(i)
            )
        })
        .collect();
    let reading = READING.replace(
        r#"{ "profileUrl": "/in/ana-1/", "name": "<b>Ana</b>", "headline": null, "connectedText": "Connected on August 7, 2024" }"#,
        &cards.join(","),
    );
    let mut core = Core::new();
    core.ingest(js(&reading), NOW).unwrap();
    core
}

#[wasm_bindgen_test]
fn a_stored_network_larger_than_a_window_restores_whole_from_a_uint8array() {
    // Names long enough that the bytes span several 64 KiB windows.
    let name = "王伟 José ".repeat(40);
    let core = core_of_names(400, |_| name.as_str());
    let bytes = core.to_stored();
    assert!(bytes.len() > 3 * 65_536, "{} bytes", bytes.len());
    let restored = Core::restore_stored(&Uint8Array::from(&bytes[..])).unwrap();
    assert_eq!(restored.people_count(), 400);
    assert_eq!(restored.to_stored_json(), core.to_stored_json());
}

#[wasm_bindgen_test]
fn compact_bytes_that_cannot_be_read_throw_named_errors() {
    let mut newer = Core::new().to_stored();
    newer[6] = 99;
    let e = error_of(Core::restore_stored(&Uint8Array::from(&newer[..])));
    assert_eq!(String::from(e.name()), "NetpruneNewerError");
    assert!(String::from(e.message()).starts_with("saved network data made by a newer netprune"));
    let good = Core::new().to_stored();
    for bad in [&b"garbage"[..], &good[..good.len() - 1], &[]] {
        let e = error_of(Core::restore_stored(&Uint8Array::from(bad)));
        assert_eq!(String::from(e.name()), "NetpruneError");
        assert!(String::from(e.message()).starts_with("saved network data unreadable"));
    }
}

#[wasm_bindgen_test]
fn corrupt_stored_text_throws_a_named_readable_error() {
    for bad in ["garbage", r#"{"version": 1}"#] {
        let e = error_of(Core::restore_json(&bad.into()));
        assert_eq!(String::from(e.name()), "NetpruneError");
        assert!(
            String::from(e.message()).starts_with("saved network data unreadable"),
            "{bad}"
        );
    }
}

#[wasm_bindgen_test]
fn stored_text_in_any_script_restores_whole() {
    // Names of three-byte characters and of surrogate pairs, long enough
    // that the text needs more UTF-8 bytes than the first buffer holds.
    let names = [
        "王伟".repeat(150),
        "👋🚀".repeat(75),
        "José Ørsted".repeat(20),
    ];
    let core = core_of_names(60, |i| names[i % names.len()].as_str());
    assert_eq!(core.people_count(), 60);
    let stored = core.to_stored_json();
    let restored = Core::restore_json(&stored.as_str().into()).unwrap();
    assert_eq!(restored.to_stored_json(), stored);
    let all: Vec<u32> = (0..60).collect();
    let a = JSON::stringify(&core.rows(&all).unwrap()).unwrap();
    let b = JSON::stringify(&restored.rows(&all).unwrap()).unwrap();
    assert_eq!(String::from(a), String::from(b));
}

#[wasm_bindgen_test]
fn lone_surrogates_become_replacement_characters_and_non_strings_are_refused() {
    let stored = Core::new().to_stored_json();
    // A lone surrogate in a saved query's name is read as U+FFFD, as it
    // always was when the text crossed as a `&str`.
    let with_query = stored.replace(
        r#""savedQueries":[]"#,
        r#""savedQueries":[{"name":"aXb","query":"x"}]"#,
    );
    assert_ne!(with_query, stored);
    let units: Vec<u16> = with_query
        .encode_utf16()
        .map(|unit| {
            if unit == u16::from(b'X') {
                0xD800
            } else {
                unit
            }
        })
        .collect();
    let restored = Core::restore_json(&JsString::from_char_code(&units)).unwrap();
    let saved = JSON::stringify(&restored.saved_queries().unwrap()).unwrap();
    assert_eq!(
        String::from(saved),
        "[{\"name\":\"a\u{fffd}b\",\"query\":\"x\"}]"
    );
    for not_text in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(5),
        js("{}"),
    ] {
        let e = error_of(Core::restore_json(not_text.unchecked_ref()));
        assert_eq!(String::from(e.name()), "NetpruneError");
        assert!(String::from(e.message()).starts_with("saved network data unreadable"));
    }
}

#[wasm_bindgen_test]
fn query_answers_indices_and_rows_answer_plain_objects() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    let all = core.query("", NOW).unwrap().to_vec();
    assert_eq!(all, vec![0]);
    assert_eq!(core.query("zzz", NOW).unwrap().length(), 0);
    // A query's answer is the caller's own: the next query leaves it alone.
    let sorted = core.query("sort:-name", NOW).unwrap();
    core.query("ana", NOW).unwrap();
    assert_eq!(sorted.to_vec(), vec![0]);
    let rows = Array::from(&core.rows(&all).unwrap());
    let row = rows.get(0);
    assert_eq!(get(&row, "slug").as_string().as_deref(), Some("ana-1"));
    assert_eq!(get(&row, "name").as_string().as_deref(), Some("<b>Ana</b>"));
    assert_eq!(
        get(&row, "connected.date").as_string().as_deref(),
        Some("2024-08-07")
    );
    assert_eq!(
        get(&row, "connected.precision").as_string().as_deref(),
        Some("day")
    );
    assert_eq!(get(&row, "kept").as_bool(), Some(false));
    assert_eq!(core.slugs(&all), vec!["ana-1".to_string()]);
}

#[wasm_bindgen_test]
fn prepare_search_builds_the_index_once_and_changes_no_answer() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    assert!(core.prepare_search(), "a fresh core has the index to build");
    assert!(!core.prepare_search(), "nothing is built twice");
    assert_eq!(core.query("ana", NOW).unwrap().to_vec(), vec![0]);
    assert_eq!(core.query("zzz", NOW).unwrap().length(), 0);
    // New people drop the index: there is something to build again.
    core.ingest(js(READING), NOW).unwrap();
    assert!(core.prepare_search());
}

#[wasm_bindgen_test]
fn malformed_query_throws_query_error_with_a_utf16_position() {
    let mut core = Core::new();
    // "👋" is two UTF-16 units: the error after it is at index 3 in JavaScript.
    let e = error_of(core.query("👋 foo:bar", NOW));
    assert_eq!(String::from(e.name()), "QueryError");
    assert_eq!(
        Reflect::get(&e, &"position".into()).unwrap().as_f64(),
        Some(3.0)
    );
    let message = String::from(e.message());
    assert!(message.contains("foo:"), "{message}");
    assert!(
        !message.starts_with("at "),
        "the position is a property, not text: {message}"
    );
}

#[wasm_bindgen_test]
fn import_refusal_throws_and_changes_nothing() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    let before = core.to_stored_json();
    let e = error_of(core.import_csv(b"Name,Phone\nBob,123\n", NOW));
    assert!(String::from(e.message()).contains("nothing was changed"));
    assert_eq!(core.to_stored_json(), before);
    let report = core
        .import_csv(b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,One,https://www.linkedin.com/in/ana-1,,Acme,CTO,07 Aug 2024\n", NOW)
        .unwrap();
    assert_eq!(get(&report, "matched").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn backup_refusal_names_the_reason() {
    let e = error_of(Core::from_backup("{\"format\": \"something-else\"}"));
    assert!(String::from(e.message()).contains("not a netprune backup"));
    let core = Core::new();
    assert!(Core::from_backup(&core.backup_json(NOW).unwrap()).is_ok());
}

#[wasm_bindgen_test]
fn malformed_reading_throws_and_changes_nothing() {
    let mut core = Core::new();
    let e = error_of(core.ingest(js(r#"{"page": "connections", "cards": 5}"#), NOW));
    assert_eq!(String::from(e.name()), "NetpruneError");
    assert!(String::from(e.message()).contains("page reading refused"));
    let e = error_of(core.ingest(JsValue::UNDEFINED, NOW));
    assert!(String::from(e.message()).contains("page reading refused"));
    assert_eq!(core.people_count(), 0);
}

#[wasm_bindgen_test]
fn bad_clock_values_and_goals_are_refused() {
    let mut core = Core::new();
    for (now, shown) in [
        (f64::NAN, "got NaN"),
        (f64::INFINITY, "got Infinity"),
        (-1.5, "got -1.5"),
        (9e15, "got 9000000000000000"),
    ] {
        let message = String::from(error_of(core.summary(now)).message());
        assert!(
            message.contains("nowMs") && message.contains(shown),
            "{message}"
        );
    }
    let e = error_of(core.set_goal("influencer"));
    assert!(String::from(e.message()).contains("unknown goal"));
}

#[wasm_bindgen_test]
fn a_newer_snapshot_throws_a_newer_error_not_an_unreadable_one() {
    let newer = r#"{"version": 99, "people": "a newer shape", "goal": "consultant"}"#;
    let e = error_of(Core::restore_json(&newer.into()));
    assert_eq!(String::from(e.name()), "NetpruneNewerError");
    let message = String::from(e.message());
    assert!(message.contains("made by a newer netprune"), "{message}");
}

#[wasm_bindgen_test]
fn queue_bindings_take_dry_run_per_batch_not_taken_steps_and_the_cooldown() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    core.set_dev_pacing(Some(10));
    let report = core
        .queue_removals(vec!["ana-1".into()], NOW, true)
        .unwrap();
    assert_eq!(get(&report, "queued").as_f64(), Some(1.0));
    let action = core.poll_removals(NOW, 0).unwrap();
    assert_eq!(get(&action, "kind").as_string().as_deref(), Some("remove"));
    assert_eq!(get(&action, "dryRun").as_bool(), Some(true));
    assert!(Array::from(&get(&action, "pausesMs")).length() >= 6);
    let attempt = get(&action, "attempt").as_f64().unwrap();
    // A poll while it is in flight hands out nothing.
    let again = core.poll_removals(NOW + 1_000.0, 0).unwrap();
    assert_eq!(get(&again, "kind").as_string().as_deref(), Some("wait"));
    assert_eq!(
        get(&again, "why").as_string().as_deref(),
        Some("step-in-flight")
    );
    // Not taken: not a failure; the queue waits, saying why.
    let e = error_of(core.step_not_taken(attempt, "sleepy", NOW));
    assert!(String::from(e.message()).contains("unknown reason"));
    core.step_not_taken(attempt, "hidden", NOW).unwrap();
    let progress = core.queue_progress(NOW, 0).unwrap();
    assert_eq!(
        get(&progress, "waitingFor").as_string().as_deref(),
        Some("tab-hidden")
    );
    assert_eq!(get(&progress, "failed").as_f64(), Some(0.0));
    assert_eq!(get(&progress, "dryRunLeft").as_f64(), Some(1.0));
    // A LinkedIn warning locks resuming until acknowledged.
    assert!(core
        .pause_queue("limit", NOW, Some("trouble".into()), Some("limit".into()))
        .unwrap());
    let progress = core.queue_progress(NOW, 0).unwrap();
    assert_eq!(
        get(&progress, "pauseCause").as_string().as_deref(),
        Some("trouble")
    );
    assert!(get(&progress, "cooldownUntilMs").as_f64().unwrap() > NOW);
    let e = error_of(core.resume_queue(NOW, JsValue::UNDEFINED));
    assert!(String::from(e.message()).contains("locked until"));
    assert!(core
        .resume_queue(NOW, js(r#"{"acknowledgeCooldown": true}"#))
        .unwrap());
    let e = error_of(core.pause_queue("x", NOW, Some("bored".into()), None));
    assert!(String::from(e.message()).contains("unknown pause cause"));
}

#[wasm_bindgen_test]
fn restore_backup_answers_its_report() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    core.queue_removals(vec!["ana-1".into()], NOW, false)
        .unwrap();
    let backup = core.backup_json(NOW).unwrap();
    let report = core.restore_backup(&backup, NOW).unwrap();
    assert_eq!(get(&report, "people").as_f64(), Some(1.0));
    assert_eq!(get(&report, "cancelled").as_f64(), Some(1.0));
    assert!(get(&report, "inFlight").is_null());
    let e = error_of(core.restore_backup("{", NOW));
    assert!(String::from(e.message()).contains("cannot be restored"));
}

/// A connections reading of `slugs` with a stated total of `total`.
fn reading_of(total: &str, slugs: &[&str]) -> JsValue {
    let cards: Vec<String> = slugs
        .iter()
        .map(|s| {
            format!(r#"{{ "profileUrl": "/in/{s}/", "name": "{s} Example", "headline": null, "connectedText": null }}"#)
        })
        .collect();
    js(&format!(
        r#"{{ "page": "connections", "url": "https://www.linkedin.com/mynetwork/invite-connect/connections/",
             "recognised": true, "generation": "sdui-2026", "reason": null,
             "counts": {{ "connections": "{total}", "followers": null, "following": null }},
             "cards": [{}] }}"#,
        cards.join(",")
    ))
}

#[wasm_bindgen_test]
fn rules_are_plain_objects_and_shrink_under_dev_pacing() {
    let human = Core::rules(None).unwrap();
    assert_eq!(get(&human, "collect.delayMs").as_f64(), Some(2_500.0));
    assert_eq!(get(&human, "collect.stallMs").as_f64(), Some(60_000.0));
    assert_eq!(get(&human, "collect.waitSpread.low").as_f64(), Some(0.6));
    assert_eq!(get(&human, "step.timeoutMs").as_f64(), Some(180_000.0));
    assert_eq!(get(&human, "step.leaveWaitMs").as_f64(), Some(10_000.0));
    assert_eq!(get(&human, "step.keyPauseMs.high").as_f64(), Some(110.0));
    let fast = Core::rules(Some(1.0)).unwrap();
    assert_eq!(get(&fast, "collect.delayMs").as_f64(), Some(1.0));
    assert_eq!(get(&fast, "collect.stallMs").as_f64(), Some(3_000.0));
    assert_eq!(get(&fast, "step.timeoutMs").as_f64(), Some(15_000.0));
    // NaN, zero and negatives are no development pacing.
    for odd in [f64::NAN, 0.0, -5.0] {
        let rules = Core::rules(Some(odd)).unwrap();
        assert_eq!(get(&rules, "collect.delayMs").as_f64(), Some(2_500.0));
    }
}

#[wasm_bindgen_test]
fn plan_removals_has_the_contract_shape() {
    let mut core = Core::new();
    core.ingest(reading_of("501", &["ana-1", "bo-2", "cy-3"]), NOW)
        .unwrap();
    core.set_kept(vec!["bo-2".into()], true);
    let plan = core
        .plan_removals(
            vec!["ana-1".into(), "bo-2".into(), "cy-3".into(), "zed".into()],
            NOW,
            60,
        )
        .unwrap();
    assert_eq!(
        JSON::stringify(&get(&plan, "queueable")).unwrap(),
        r#"["ana-1","cy-3"]"#
    );
    let excluded = Array::from(&get(&plan, "excluded"));
    assert_eq!(excluded.length(), 2);
    let kept = excluded.get(0);
    assert_eq!(get(&kept, "slug").as_string().as_deref(), Some("bo-2"));
    assert_eq!(
        get(&kept, "name").as_string().as_deref(),
        Some("bo-2 Example")
    );
    assert_eq!(get(&kept, "reason").as_string().as_deref(), Some("kept"));
    assert!(get(&kept, "message")
        .as_string()
        .unwrap()
        .contains("keep-list"));
    assert_eq!(
        get(&excluded.get(1), "reason").as_string().as_deref(),
        Some("unknown")
    );
    assert_eq!(get(&plan, "connectionsBefore").as_f64(), Some(501.0));
    assert_eq!(get(&plan, "connectionsAfter").as_f64(), Some(499.0));
    assert_eq!(
        get(&plan, "connectionsPrecision").as_string().as_deref(),
        Some("exact")
    );
    assert_eq!(get(&plan, "crossesBadge").as_bool(), Some(true));
    let finish = get(&plan, "finishAtMs").as_f64().unwrap();
    assert_eq!(get(&plan, "durationMs").as_f64(), Some(finish - NOW));
    // Nothing was queued.
    let progress = core.queue_progress(NOW, 60).unwrap();
    assert_eq!(get(&progress, "pending").as_f64(), Some(0.0));
    // An empty network: counts unknown.
    let plan = Core::new().plan_removals(vec![], NOW, 0).unwrap();
    assert!(get(&plan, "connectionsBefore").is_null());
    assert!(get(&plan, "finishAtMs").is_null());
}

#[wasm_bindgen_test]
fn pacing_limits_cover_every_setting() {
    let limits = Core::pacing_limits().unwrap();
    let settings = Core::new().queue_settings().unwrap();
    for key in js_sys::Object::keys(&settings.into()).iter() {
        let key = key.as_string().unwrap();
        let limit = get(&limits, &key);
        assert!(limit.is_object(), "{key} has limits");
        assert!(get(&limit, "min").as_f64().is_some(), "{key}.min");
        assert!(get(&limit, "max").as_f64().is_some(), "{key}.max");
        assert!(get(&limit, "unit").as_string().is_some(), "{key}.unit");
    }
    assert_eq!(get(&limits, "hourlyCap.max").as_f64(), Some(30.0));
    assert_eq!(get(&limits, "hourlyCap.default").as_f64(), Some(15.0));
    assert_eq!(
        get(&limits, "hourlyCap.unit").as_string().as_deref(),
        Some("count")
    );
    assert_eq!(get(&limits, "minDelayMs.min").as_f64(), Some(15_000.0));
    assert_eq!(
        get(&limits, "medianDelayMs.above.setting")
            .as_string()
            .as_deref(),
        Some("minDelayMs")
    );
    assert_eq!(
        get(&limits, "medianDelayMs.above.by").as_f64(),
        Some(5_000.0)
    );
    assert!(get(&limits, "quietStartMinute.default").is_null());
}

#[wasm_bindgen_test]
fn rows_carry_the_profile_url_as_the_core_encodes_it() {
    let mut core = Core::new();
    core.ingest(reading_of("2", &["ana-1", "j%C3%BCrgen_2"]), NOW)
        .unwrap();
    let rows = Array::from(&core.rows(&[0, 1]).unwrap());
    let urls: Vec<String> = rows
        .iter()
        .map(|r| get(&r, "profileUrl").as_string().unwrap())
        .collect();
    assert_eq!(urls[0], "https://www.linkedin.com/in/ana-1/");
    assert!(
        urls[1].starts_with("https://www.linkedin.com/in/j%C3%BCrgen_2"),
        "{}",
        urls[1]
    );
}

#[wasm_bindgen_test]
fn summary_carries_the_band_figures_and_progress_the_pause_cause() {
    let mut core = Core::new();
    core.ingest(reading_of("1,000", &[]), NOW).unwrap();
    core.ingest(
        js(r#"{ "page": "followers", "url": "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
               "recognised": true, "generation": null, "reason": null,
               "counts": { "connections": null, "followers": "1,800", "following": null }, "cards": [] }"#),
        NOW,
    )
    .unwrap();
    core.set_goal("thought-leader").unwrap();
    let summary = core.summary(NOW).unwrap();
    assert_eq!(
        get(&summary, "ratio.followersToBand").as_f64(),
        Some(1_200.0)
    );
    assert_eq!(
        get(&summary, "ratio.connectionsToBand").as_f64(),
        Some(400.0)
    );
    core.set_goal("consultant").unwrap();
    let summary = core.summary(NOW).unwrap();
    assert_eq!(get(&summary, "ratio.followersToBand").as_f64(), Some(0.0));

    core.pause_queue(
        "Open your LinkedIn connections page",
        NOW,
        Some("needsPage".into()),
        None,
    )
    .unwrap();
    let progress = core.queue_progress(NOW, 0).unwrap();
    assert_eq!(
        get(&progress, "pause.cause").as_string().as_deref(),
        Some("needsPage")
    );
    assert_eq!(
        get(&progress, "pause.message").as_string().as_deref(),
        Some("Open your LinkedIn connections page")
    );
    assert_eq!(get(&progress, "pause.atMs").as_f64(), Some(NOW));
}

/// Resolves when the promise does, with the milliseconds it took.
async fn timed(promise: js_sys::Promise) -> f64 {
    let start = js_sys::Date::now();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    js_sys::Date::now() - start
}

#[wasm_bindgen_test]
async fn the_web_adapters_timer_waits() {
    let took = timed(netprune::web::sleep_ms(60.0).unwrap()).await;
    assert!(took >= 55.0, "resolved after {took} ms");
    // A shorter sleep started later resolves first: it is a real timer.
    let order = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    for (name, ms) in [("slow", 80.0), ("fast", 10.0)] {
        let order = order.clone();
        let sleep = netprune::web::sleep_ms(ms).unwrap();
        wasm_bindgen_futures::spawn_local(async move {
            wasm_bindgen_futures::JsFuture::from(sleep).await.unwrap();
            order.borrow_mut().push(name);
        });
    }
    timed(netprune::web::sleep_ms(150.0).unwrap()).await;
    assert_eq!(*order.borrow(), vec!["fast", "slow"]);
    // Long waits belong to alarms.
    for bad in [30_001.0, -1.0, f64::NAN] {
        assert!(netprune::web::sleep_ms(bad).is_err(), "{bad}");
    }
}

#[wasm_bindgen_test]
fn the_web_adapters_seed_comes_from_crypto_and_differs_between_calls() {
    let a = netprune::web::random_seed().unwrap();
    let b = netprune::web::random_seed().unwrap();
    assert_ne!(a, b, "two draws of 64 random bits");
    // Two networks seeded from the browser draw different pauses; a known
    // seed still gives the same ones.
    let pauses = |seed: Option<(u32, u32)>| {
        let mut core = Core::new();
        core.ingest(reading_of("1", &["ana-1"]), NOW).unwrap();
        match seed {
            Some((high, low)) => core.seed_queue(high, low),
            None => core.seed_queue_from_crypto().unwrap(),
        }
        core.queue_removals(vec!["ana-1".into()], NOW, true)
            .unwrap();
        let action = core.poll_removals(NOW, 0).unwrap();
        JSON::stringify(&get(&action, "pausesMs"))
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_ne!(pauses(None), pauses(None));
    assert_eq!(pauses(Some((1, 2))), pauses(Some((1, 2))));
}

#[wasm_bindgen_test]
fn kind_bindings_count_plan_queue_and_hand_out_each_kind_by_its_page() {
    let mut core = Core::new();
    core.ingest(reading_of("3", &["ana-1"]), NOW).unwrap();
    core.ingest(
        js(r#"{ "page": "invitations", "url": "https://www.linkedin.com/mynetwork/invitation-manager/sent/",
             "recognised": true, "generation": "react-2025", "reason": null,
             "counts": {}, "cards": [],
             "invitations": [{ "profileUrl": "/in/ivy-2/", "name": "Ivy Example", "headline": null,
                               "sentText": "Sent 2 months ago", "hasNote": true }],
             "listEnd": true }"#),
        NOW,
    )
    .unwrap();
    core.set_dev_pacing(Some(10));
    let slugs = vec!["ana-1".to_string(), "ivy-2".to_string()];
    let counts = core.action_counts(slugs.clone()).unwrap();
    assert_eq!(
        JSON::stringify(&counts).unwrap(),
        r#"{"remove":1,"unfollow":0,"withdraw":1}"#
    );
    let plan = core
        .plan_actions(slugs.clone(), "withdraw", NOW, 0)
        .unwrap();
    assert_eq!(
        JSON::stringify(&get(&plan, "queueable")).unwrap(),
        r#"["ivy-2"]"#
    );
    assert!(get(&plan, "finishAtMs").is_null());
    let e = error_of(core.plan_actions(slugs.clone(), "block", NOW, 0));
    assert!(String::from(e.message()).contains("remove, withdraw or unfollow"));
    let report = core.queue_actions(slugs, "withdraw", NOW, false).unwrap();
    assert_eq!(get(&report, "queued").as_f64(), Some(1.0));
    // The invitations page shown: its kind is handed out, named as such.
    core.showing_page(Some("invitations".into()));
    let action = core.poll_removals(NOW, 0).unwrap();
    assert_eq!(get(&action, "kind").as_string().as_deref(), Some("remove"));
    assert_eq!(
        get(&action, "action").as_string().as_deref(),
        Some("withdraw")
    );
    assert_eq!(get(&action, "slug").as_string().as_deref(), Some("ivy-2"));
    let progress = core.queue_progress(NOW, 0).unwrap();
    assert_eq!(Array::from(&get(&progress, "kinds")).length(), 3);
}

/// A digest as the review page's archive reader hands it over: Ana (linked,
/// from the reading above) messaged and inviting, the member themself, and
/// someone the network does not hold.
const DIGEST: &str = r#"{
  "files": [{ "name": "messages.csv", "kind": "messages", "rows": 4, "skipped": 0 },
            { "name": "Profile.csv", "rows": 0, "skipped": 0, "ignored": true }],
  "archiveDay": 20400,
  "kinds": ["messages", "invitations"],
  "owner": { "slug": "me-1", "name": "Me Myself" },
  "counterparts": [
    { "slug": "ana-1", "name": "Ana", "interaction": { "conversations": 1, "sent": 2, "received": 1,
      "firstMessage": 20000, "lastMessage": 20300, "invitedBy": "them", "invitedOn": 19000 } },
    { "slug": "me-1", "name": "Me Myself", "interaction": { "sent": 9, "lastMessage": 20300 } },
    { "name": "Nobody Known", "interaction": { "sent": 1, "lastMessage": 20100 } }
  ],
  "messages": 4,
  "conversations": 2
}"#;

#[wasm_bindgen_test]
fn merge_archive_answers_the_report_and_rows_carry_contact() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    assert!(core.archive_info().unwrap().is_null());
    let report = core.merge_archive(DIGEST, NOW).unwrap();
    assert_eq!(
        get(&report, "archiveDay").as_string().as_deref(),
        Some("2025-11-08")
    );
    assert!(get(&report, "previousArchiveDay").is_null());
    assert_eq!(get(&report, "olderThanStored").as_bool(), Some(false));
    assert_eq!(get(&report, "counterparts").as_f64(), Some(2.0));
    assert_eq!(get(&report, "matchedByLink").as_f64(), Some(1.0));
    assert_eq!(get(&report, "matchedByName").as_f64(), Some(0.0));
    assert_eq!(get(&report, "unmatched").as_f64(), Some(1.0));
    assert_eq!(
        get(&report, "unmatchedNames.0").as_string().as_deref(),
        Some("Nobody Known")
    );
    assert_eq!(get(&report, "ambiguous").as_f64(), Some(0.0));
    assert_eq!(get(&report, "peopleWithContact").as_f64(), Some(1.0));
    assert_eq!(get(&report, "messages").as_f64(), Some(4.0));
    assert_eq!(get(&report, "conversations").as_f64(), Some(2.0));
    assert_eq!(
        get(&report, "kinds.0").as_string().as_deref(),
        Some("messages")
    );
    assert_eq!(get(&report, "files.1.ignored").as_bool(), Some(true));
    assert!(get(&report, "connections").is_null());

    let rows = core.rows(&[0]).unwrap();
    let contact = get(&rows, "0.contact");
    assert_eq!(
        get(&contact, "lastMessage").as_string().as_deref(),
        Some("2025-07-31")
    );
    assert_eq!(
        get(&contact, "firstMessage").as_string().as_deref(),
        Some("2024-10-04")
    );
    assert_eq!(get(&contact, "messages").as_f64(), Some(3.0));
    assert_eq!(get(&contact, "sent").as_f64(), Some(2.0));
    assert_eq!(get(&contact, "received").as_f64(), Some(1.0));
    assert_eq!(get(&contact, "conversations").as_f64(), Some(1.0));
    assert_eq!(
        get(&contact, "invitedBy").as_string().as_deref(),
        Some("them")
    );
    assert_eq!(
        get(&contact, "invitedOn").as_string().as_deref(),
        Some("2022-01-08")
    );
    assert_eq!(get(&contact, "endorsementsGiven").as_f64(), Some(0.0));
    assert_eq!(get(&contact, "recommendationsReceived").as_f64(), Some(0.0));

    // The new terms run, and the archive is kept through storage.
    assert_eq!(
        core.query("invited:me messages:>2", NOW).unwrap().length(),
        1
    );
    assert_eq!(core.query("messaged:never", NOW).unwrap().length(), 0);
    let restored = Core::restore_stored(&Uint8Array::from(&core.to_stored()[..])).unwrap();
    let info = restored.archive_info().unwrap();
    assert_eq!(
        get(&info, "archiveDay").as_string().as_deref(),
        Some("2025-11-08")
    );
    assert_eq!(get(&info, "importedMs").as_f64(), Some(NOW));
    assert_eq!(get(&info, "messages").as_bool(), Some(true));
    assert_eq!(get(&info, "peopleWithContact").as_f64(), Some(1.0));
    assert_eq!(
        get(&info, "kinds.1").as_string().as_deref(),
        Some("invitations")
    );
}

#[wasm_bindgen_test]
fn merge_archive_refuses_what_it_cannot_use_and_changes_nothing() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    let before = core.to_stored_json();
    for bad in [
        "not json",
        r#"{"files": []}"#,
        r#"{"files": [], "kinds": [], "counterparts": [], "messages": 0, "conversations": 0}"#,
    ] {
        let e = error_of(core.merge_archive(bad, NOW));
        assert_eq!(String::from(e.name()), "NetpruneError");
        assert!(
            String::from(e.message()).starts_with("import refused, nothing was changed: "),
            "{bad}: {}",
            String::from(e.message())
        );
    }
    assert_eq!(core.to_stored_json(), before);
    assert!(core.archive_info().unwrap().is_null());
}

#[wasm_bindgen_test]
fn contact_histogram_counts_whole_years_and_the_never_messaged() {
    let mut core = Core::new();
    core.ingest(js(READING), NOW).unwrap();
    let unknown = core.contact_histogram(&[0], NOW).unwrap();
    assert_eq!(get(&unknown, "unknown").as_f64(), Some(1.0));
    assert_eq!(get(&unknown, "never").as_f64(), Some(0.0));
    core.merge_archive(DIGEST, NOW).unwrap();
    let histogram = core.contact_histogram(&[0, 7], NOW).unwrap();
    // Ana's last message, 2025-07-31, is one whole year before 2026-11-21.
    assert_eq!(get(&histogram, "years.1.years").as_f64(), Some(1.0));
    assert_eq!(get(&histogram, "years.1.count").as_f64(), Some(1.0));
    assert_eq!(Array::from(&get(&histogram, "years")).length(), 11);
    assert_eq!(get(&histogram, "unknown").as_f64(), Some(0.0));
    assert!(core.contact_histogram(&[0], f64::NAN).is_err());
}

const ARCHIVE_MESSAGES: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n\
2-a==,,Ana Fictive,https://www.linkedin.com/in/ana-fictive,Morgan Owner,https://www.linkedin.com/in/morgan-owner,2024-01-02 10:00:00 UTC,,NETPRUNE-SECRET-MARKER,INBOX\n\
2-a==,,Morgan Owner,https://www.linkedin.com/in/morgan-owner,Ana Fictive,https://www.linkedin.com/in/ana-fictive,2024-01-01 10:00:00 UTC,,NETPRUNE-SECRET-MARKER,INBOX\n\
2-b==,,Bo Fictive,https://www.linkedin.com/in/bo-fictive,Morgan Owner,https://www.linkedin.com/in/morgan-owner,2023-01-01 10:00:00 UTC,,NETPRUNE-SECRET-MARKER,INBOX\n";

#[wasm_bindgen_test]
fn archive_reader_reports_each_file_and_finishes_with_the_digest_json() {
    use netprune::bindings::archive::ArchiveReader;
    let mut reader = ArchiveReader::new();
    let reports = reader
        .add("messages.csv", ARCHIVE_MESSAGES.as_bytes())
        .unwrap();
    assert!(Array::is_array(&reports));
    let first = Array::from(&reports).get(0);
    assert_eq!(get(&first, "kind").as_string().as_deref(), Some("messages"));
    assert_eq!(get(&first, "rows").as_f64(), Some(3.0));
    let ignored = reader
        .add("Profile.csv", b"First Name,Last Name\nA,B\n")
        .unwrap();
    assert_eq!(
        get(&Array::from(&ignored).get(0), "ignored").as_bool(),
        Some(true)
    );
    let json = reader.finish().unwrap();
    assert!(!json.contains("NETPRUNE-SECRET-MARKER"));
    let digest = js(&json);
    assert_eq!(
        get(&digest, "owner.slug").as_string().as_deref(),
        Some("morgan-owner")
    );
    assert_eq!(get(&digest, "messages").as_f64(), Some(3.0));
    let ana = Array::from(&get(&digest, "counterparts")).get(0);
    assert_eq!(get(&ana, "interaction.sent").as_f64(), Some(1.0));
    assert_eq!(get(&ana, "interaction.received").as_f64(), Some(1.0));
    // Finished: it cannot be used again.
    let e = error_of(reader.add("messages.csv", b""));
    assert_eq!(e.name(), "NetpruneError");
    assert!(reader.finish().is_err());
}

#[wasm_bindgen_test]
fn archive_reader_refuses_nothing_usable_like_import_csv() {
    use netprune::bindings::archive::ArchiveReader;
    let mut reader = ArchiveReader::new();
    let reports = reader.add("photo.zip", b"\x89PNG\r\n").unwrap();
    assert!(get(&Array::from(&reports).get(0), "refused").is_string());
    let e = error_of(reader.finish());
    assert_eq!(e.name(), "NetpruneError");
    let message = String::from(e.message());
    assert!(
        message.starts_with("import refused, nothing was changed: "),
        "{message}"
    );
}

/// The followers page read person by person: `n` followers of whom the
/// first follows back, with the followers figure `figure`.
fn followers_reading(figure: &str, slugs: &[&str]) -> JsValue {
    let cards: Vec<String> = slugs
        .iter()
        .enumerate()
        .map(|(i, slug)| {
            format!(
                r#"{{ "profileUrl": "/in/{slug}/", "name": "{slug}", "headline": null, "followsBack": {} }}"#,
                if i == 0 { "true" } else { "null" }
            )
        })
        .collect();
    js(&format!(
        r#"{{ "page": "followers",
             "url": "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
             "recognised": true, "listEnd": true,
             "counts": {{ "connections": null, "followers": "{figure}", "following": null }},
             "followers": [{}] }}"#,
        cards.join(",")
    ))
}

#[wasm_bindgen_test]
fn followers_are_read_and_the_end_of_their_list_drops_only_with_an_exact_figure() {
    let mut core = Core::new();
    core.ingest(followers_reading("2", &["ana", "bo", "cy"]), NOW)
        .unwrap();
    let summary = core.summary(NOW).unwrap();
    assert_eq!(
        get(&summary, "relations.followersListed").as_f64(),
        Some(3.0)
    );
    assert_eq!(
        get(&summary, "relations.followersListedNotConnections").as_f64(),
        Some(3.0)
    );
    assert_eq!(
        get(&summary, "relations.followersListReadMs").as_f64(),
        Some(NOW)
    );
    let all = core
        .query("is:follower -is:connection", NOW)
        .unwrap()
        .to_vec();
    assert_eq!(all.len(), 3);
    let rows = core.rows(&all).unwrap();
    let ana = Array::from(&rows)
        .iter()
        .find(|r| get(r, "slug").as_string().as_deref() == Some("ana"))
        .unwrap();
    assert_eq!(get(&ana, "follower").as_bool(), Some(true));
    assert_eq!(get(&ana, "followsBack").as_bool(), Some(true));

    // A run reading two of three, the figure now "3.4K": nobody dropped,
    // and why.
    let started = NOW + 60_000.0;
    core.ingest(followers_reading("3.4K", &["ana", "bo"]), started + 1.0)
        .unwrap();
    let end = core
        .end_of_list("followers", started, started + 2.0)
        .unwrap();
    assert_eq!(get(&end, "read").as_f64(), Some(2.0));
    assert_eq!(get(&end, "noLongerListed").as_f64(), Some(0.0));
    assert!(get(&end, "incomplete")
        .as_string()
        .is_some_and(|why| why.contains("not exact")));

    // The figure exact and met: cy stopped following.
    core.ingest(followers_reading("2", &["ana", "bo"]), started + 3.0)
        .unwrap();
    let end = core
        .end_of_list("followers", started, started + 4.0)
        .unwrap();
    assert_eq!(get(&end, "noLongerListed").as_f64(), Some(1.0));
    assert!(get(&end, "incomplete").is_null());
    assert_eq!(
        core.query("is:follower", NOW).unwrap().length(),
        2,
        "cy is no longer a follower"
    );
    // Every kind of step is refused for a follower who is nothing else.
    let counts = core.action_counts(vec!["bo".into()]).unwrap();
    assert_eq!(
        JSON::stringify(&counts).unwrap(),
        JSON::stringify(&core.action_counts(vec![]).unwrap()).unwrap()
    );
    assert!(error_of(core.end_of_list("followed", started, started))
        .message()
        .as_string()
        .unwrap()
        .contains("followed"));
}
