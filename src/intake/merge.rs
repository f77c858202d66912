//! Merging LinkedIn's export into the network, and export rows into people
//! later read on the page.
//!
//! A row with a profile link is matched by slug. A row without one (2018
//! exports have no URL column) is matched by name and company when exactly
//! one person fits; otherwise it is kept as an *unmatched* person, shown in
//! the review page but never removable, until the connections page shows
//! someone of that name. The export is the authority for company, position
//! and the exact connection date; the page stays the authority for the name
//! and headline as shown today.

use crate::intake::import::{ExportFile, ExportRow, RowNote, SkippedRow};
use crate::intake::reading::{ConnectedDate, DatePrecision};
use crate::network::calendar::TimeMs;
use crate::network::fastmap::FastMap;
use crate::network::model::{Network, Person, Source, UNMATCHED_PREFIX};
use crate::search::fold::fold;
use serde::Serialize;

/// What an import did (docs/ARCHITECTURE.md, `ImportReport`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Data rows read from the file, skipped ones included.
    pub rows: usize,
    /// Rows matched to someone already known.
    pub matched: usize,
    /// Rows that added someone not yet read on the page.
    pub added: usize,
    /// Rows without a profile link that match no one (or several people):
    /// kept as unmatched.
    pub unmatched: usize,
    /// Rows left out, with line numbers and reasons.
    pub skipped: Vec<SkippedRow>,
    /// Rows read with a caveat (an unreadable date, a short row).
    pub notes: Vec<RowNote>,
}

fn exact(date: Option<crate::network::calendar::CivilDate>) -> Option<ConnectedDate> {
    date.map(|date| ConnectedDate {
        date,
        precision: DatePrecision::Day,
    })
}

/// Fills a known person with what the export knows better.
fn enrich(person: &mut Person, row: &ExportRow) {
    // The export lists connections: someone read as invited or followed
    // is one now.
    crate::intake::relations::became_connection(person);
    if row.company.is_some() {
        person.company.clone_from(&row.company);
    }
    if row.position.is_some() {
        person.position.clone_from(&row.position);
    }
    if let Some(date) = exact(row.connected_on) {
        person.connected = Some(date);
    }
}

/// Whether `text` (a headline) names `company` (already folded) as whole
/// words: "Engineer at Acme Corp" names "acme corp", not "ac".
pub(crate) fn names_company(text: &str, company: &str) -> bool {
    let words = |s: &str| -> String {
        let spaced: String = s
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        format!(
            " {} ",
            spaced.split_whitespace().collect::<Vec<_>>().join(" ")
        )
    };
    let company = words(company);
    company.trim().len() > 1 && words(&fold(text)).contains(&company)
}

fn unmatched_key(row: &ExportRow) -> String {
    format!(
        "{UNMATCHED_PREFIX}{}|{}|{}",
        fold(&row.name),
        fold(row.company.as_deref().unwrap_or("")),
        row.connected_on.map(|d| d.to_string()).unwrap_or_default()
    )
}

/// Merges a read export file at `now_ms`.
pub fn merge_export(network: &mut Network, file: ExportFile, now_ms: TimeMs) -> ImportReport {
    let mut report = ImportReport {
        rows: file.total_rows,
        skipped: file.skipped,
        notes: file.notes,
        ..ImportReport::default()
    };
    network.people.reserve(file.rows.len());
    network.index.reserve(file.rows.len());
    // Folded name -> slugs of people read on the page (or by link): what
    // rows without a link are matched against. Built at the first such
    // row (most exports have none): then from the people known at that
    // point, and from `unlisted`, linked people this import took out
    // (which stay listed, as when the map was kept from the start).
    let mut by_name: Option<FastMap<String, Vec<String>>> = None;
    let mut unlisted: Vec<(String, String)> = Vec::new();
    // Whether any key could be an unmatched row's: only then is looking
    // one up worth building it.
    let mut any_unmatched_keys = network
        .people
        .iter()
        .any(|p| p.slug.starts_with(UNMATCHED_PREFIX));
    let mut keys_this_import: FastMap<String, u32> = FastMap::default();

    for mut row in file.rows {
        if let Some(slug) = row.slug.take() {
            if let Some(i) = network.index_of(&slug) {
                enrich(&mut network.people[i], &row);
                report.matched += 1;
                continue;
            }
            // A row that earlier import had to keep as unmatched now
            // comes with its link: it replaces that entry.
            let replaced = if any_unmatched_keys {
                network.index_of(&unmatched_key(&row))
            } else {
                None
            };
            let mut person = new_person(slug, row, now_ms);
            if let Some(i) = replaced {
                let removed = network.remove_person(i);
                person.kept = removed.kept;
                // What a data archive said of the row's person is theirs.
                if let Some(contact) = removed.relations.as_ref().and_then(|r| r.contact.clone()) {
                    person.relations_mut().contact = Some(contact);
                }
                if !removed.unmatched && by_name.is_none() {
                    unlisted.push((fold(&removed.name), removed.slug));
                }
            }
            if let Some(by_name) = &mut by_name {
                by_name
                    .entry(fold(&person.name))
                    .or_default()
                    .push(person.slug.clone());
            }
            any_unmatched_keys |= person.slug.starts_with(UNMATCHED_PREFIX);
            network.push_person(person);
            report.added += 1;
            continue;
        }

        let by_name = by_name.get_or_insert_with(|| {
            let mut map: FastMap<String, Vec<String>> = FastMap::default();
            for person in network
                .people
                .iter()
                .filter(|p| !p.unmatched && p.is_connection())
            {
                map.entry(fold(&person.name))
                    .or_default()
                    .push(person.slug.clone());
            }
            for (name, slug) in unlisted.drain(..) {
                map.entry(name).or_default().push(slug);
            }
            map
        });
        let folded_company = row
            .company
            .as_deref()
            .map(fold)
            .filter(|c| c.chars().any(char::is_alphanumeric));
        let candidates: Vec<&String> = by_name
            .get(&fold(&row.name))
            .map(|slugs| {
                slugs
                    .iter()
                    .filter(|slug| {
                        // Without a link, a match needs the name and the
                        // company: a row without a company, or a person
                        // whose company is unknown, is no match.
                        let Some(company) = folded_company.as_deref() else {
                            return false;
                        };
                        network.person(slug).is_some_and(|p| {
                            p.company.as_deref().is_some_and(|c| fold(c) == company)
                                || p.headline
                                    .as_deref()
                                    .is_some_and(|h| names_company(h, company))
                        })
                    })
                    // Only "exactly one" is used: a second fit settles it.
                    .take(2)
                    .collect()
            })
            .unwrap_or_default();
        if let [slug] = candidates.as_slice() {
            if let Some(i) = network.index_of(slug) {
                enrich(&mut network.people[i], &row);
                report.matched += 1;
                continue;
            }
        }

        let mut key = unmatched_key(&row);
        let seen = keys_this_import.entry(key.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            // Two identical rows in one file are two people.
            key = format!("{key}#{seen}");
        }
        match network.index_of(&key) {
            Some(i) => enrich(&mut network.people[i], &row),
            None => {
                let mut person = new_person(key, row, now_ms);
                person.unmatched = true;
                any_unmatched_keys = true;
                network.push_person(person);
            }
        }
        report.unmatched += 1;
    }
    report
}

/// Index by folded name of the unmatched export rows, for readings that
/// may bring them a profile link. Empty (and free) when there are none.
pub(crate) fn unmatched_by_name(network: &Network) -> FastMap<String, Vec<String>> {
    let mut map: FastMap<String, Vec<String>> = FastMap::default();
    for person in network.people.iter().filter(|p| p.unmatched) {
        map.entry(fold(&person.name))
            .or_default()
            .push(person.slug.clone());
    }
    map
}

fn new_person(slug: String, row: ExportRow, now_ms: TimeMs) -> Person {
    Person {
        connected: exact(row.connected_on),
        company: row.company,
        position: row.position,
        ..Person::new(slug, row.name, Source::Export, now_ms)
    }
}
