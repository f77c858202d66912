//! A page reading merged into the network: the figures it shows, the cards
//! it lists (new people, refreshed people, export rows without a link that
//! turn out to be someone on the page), and the collection run it counts
//! towards. Every text is parsed by [`crate::intake::reading`]; nothing is
//! guessed.

use crate::intake::collect::{self, Collection};
use crate::intake::merge::{names_company, unmatched_by_name};
use crate::intake::reading::{
    parse_connected_text, parse_count_in, slug_from_profile_url, PageReading,
};
use crate::intake::relations;
use crate::network::calendar::TimeMs;
use crate::network::model::{
    FigureKind, ModelError, Network, PageKind, PageOutcome, PageStatus, Person, Source,
    CONNECTION_CAP,
};
use crate::network::text::clean_text;
use crate::search::fold::fold;
use serde::{Deserialize, Serialize};

const MAX_NAME_CHARS: usize = 300;
const MAX_HEADLINE_CHARS: usize = 600;
const MAX_CARDS_PER_READING: usize = 2_000;

/// What one reading changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IngestReport {
    /// People read for the first time.
    pub added: u32,
    /// People read before, refreshed.
    pub updated: u32,
    /// Figures that were read.
    pub figures: Vec<FigureKind>,
    /// Cards and tokens left out, with the reason: never guessed at.
    pub skipped: Vec<String>,
    /// Collection progress, while a collection runs.
    pub collect: Option<crate::intake::collect::Progress>,
}

/// Whether an unmatched export row's company is named in a card's headline.
fn row_fits_headline(row: &Person, headline: Option<&str>) -> bool {
    match (row.company.as_deref(), headline) {
        (Some(company), Some(headline)) => names_company(headline, &fold(company)),
        _ => false,
    }
}

/// Whether the linkless row `row` also fits someone other than `slug`
/// with the folded name `folded`: a person already read, or another card
/// of the same reading (`cards`: slug, folded name, headline). Then the
/// row fits more than one person and merges into none.
fn another_fits(
    network: &Network,
    row: &str,
    slug: &str,
    folded: &str,
    cards: &[(String, String, Option<String>)],
) -> bool {
    let Some(row) = network.person(row) else {
        return true;
    };
    let read = network.people.iter().any(|p| {
        !p.unmatched
            && p.is_connection()
            && p.slug != slug
            && row_fits_headline(row, p.headline.as_deref())
            && fold(&p.name) == folded
    });
    read || cards.iter().any(|(s, f, headline)| {
        s != slug && f == folded && row_fits_headline(row, headline.as_deref())
    })
}

/// Merges a page reading taken at `now_ms`.
pub fn ingest(
    network: &mut Network,
    collection: &mut Option<Collection>,
    reading: PageReading,
    now_ms: TimeMs,
) -> Result<IngestReport, ModelError> {
    let page = reading
        .page
        .ok_or_else(|| ModelError::BadReading("it does not say which page it is from".into()))?;
    if !is_linkedin_url(&reading.url) {
        return Err(ModelError::BadReading(format!(
            "{:?} is not a www.linkedin.com page",
            clean_text(&reading.url, 120)
        )));
    }
    let url = clean_text(&reading.url, 500);
    let language = reading.language.as_deref().and_then(language_tag);
    let mut report = IngestReport::default();
    if !reading.recognised {
        // An unrecognised page changes no figure and no person: a page we
        // cannot read must never produce a count.
        network.last_page = Some(PageStatus {
            page,
            status: PageOutcome::Unrecognised,
            url,
            generation: None,
            language,
            reason: Some(
                reading
                    .reason
                    .map(|r| clean_text(&r, 300))
                    .filter(|r| !r.is_empty())
                    .unwrap_or_else(|| "the page's layout is not one netprune knows".into()),
            ),
            at_ms: now_ms,
        });
        return Ok(report);
    }
    if reading.cards.len() > MAX_CARDS_PER_READING {
        return Err(ModelError::BadReading(format!(
            "{} cards in one reading (at most {MAX_CARDS_PER_READING})",
            reading.cards.len()
        )));
    }
    if page != PageKind::Connections && !reading.cards.is_empty() {
        return Err(ModelError::BadReading(
            "connection cards can only come from the connections page".into(),
        ));
    }
    if page != PageKind::Invitations && !reading.invitations.is_empty() {
        return Err(ModelError::BadReading(
            "invitations can only come from the sent invitations page".into(),
        ));
    }
    if page != PageKind::Following && !reading.follows.is_empty() {
        return Err(ModelError::BadReading(
            "people followed can only come from the following page".into(),
        ));
    }
    if page != PageKind::Followers && !reading.followers.is_empty() {
        return Err(ModelError::BadReading(
            "followers can only come from the followers page".into(),
        ));
    }

    let source = Source::of_page(page);
    let tokens = [
        (FigureKind::Connections, reading.counts.connections),
        (FigureKind::Followers, reading.counts.followers),
        (FigureKind::Following, reading.counts.following),
    ];
    for (kind, token) in tokens {
        let Some(token) = token else { continue };
        match parse_count_in(&token, language.as_deref()) {
            Ok(figure) if kind == FigureKind::Connections && figure.low > CONNECTION_CAP => {
                report.skipped.push(format!(
                    "{} connections is above LinkedIn's cap of 30,000; not recorded",
                    figure.shown
                ));
            }
            Ok(figure) => {
                network.record(kind, figure, source, now_ms);
                report.figures.push(kind);
            }
            Err(e) => report.skipped.push(format!("{}: {e}", kind.noun())),
        }
    }

    relations::ingest_invitations(network, &mut report, reading.invitations, now_ms)?;
    relations::ingest_follows(network, &mut report, reading.follows, now_ms)?;
    relations::ingest_followers(network, &mut report, reading.followers, now_ms)?;

    let mut unmatched = unmatched_by_name(network);
    // Every card of this reading by slug, folded name and headline: a
    // linkless row must fit exactly one person across what is already
    // read AND the cards of this same reading.
    let reading_cards: Vec<(String, String, Option<String>)> = if unmatched.is_empty() {
        Vec::new()
    } else {
        reading
            .cards
            .iter()
            .filter_map(|card| {
                let slug = slug_from_profile_url(&card.profile_url).ok()?;
                let folded = fold(&clean_text(&card.name, MAX_NAME_CHARS));
                let headline = card
                    .headline
                    .as_deref()
                    .map(|h| clean_text(h, MAX_HEADLINE_CHARS));
                Some((slug, folded, headline))
            })
            .collect()
    };
    for card in reading.cards {
        let slug = match slug_from_profile_url(&card.profile_url) {
            Ok(slug) => slug,
            Err(e) => {
                report.skipped.push(format!("card skipped: {e}"));
                continue;
            }
        };
        let name = clean_text(&card.name, MAX_NAME_CHARS);
        if name.is_empty() {
            report
                .skipped
                .push(format!("card for {slug:?} skipped: it shows no name"));
            continue;
        }
        let headline = card
            .headline
            .map(|h| clean_text(&h, MAX_HEADLINE_CHARS))
            .filter(|h| !h.is_empty());
        let connected = match card
            .connected_text
            .as_deref()
            .map(|t| parse_connected_text(t, language.as_deref(), now_ms))
        {
            Some(Ok(date)) => Some(date),
            Some(Err(e)) => {
                report
                    .skipped
                    .push(format!("date for {slug:?} left unknown: {e}"));
                None
            }
            None => None,
        };
        let i = match network.index_of(&slug) {
            Some(i) => {
                let person = &mut network.people[i];
                person.name = name;
                if headline.is_some() {
                    person.headline = headline;
                }
                // An exact date already known beats a relative estimate.
                if let Some(new) = connected {
                    if person
                        .connected
                        .is_none_or(|old| new.precision <= old.precision)
                    {
                        person.connected = Some(new);
                    }
                }
                person.last_seen_ms = now_ms;
                relations::became_connection(person);
                report.updated += 1;
                i
            }
            None => {
                let mut person = Person {
                    headline,
                    connected,
                    ..Person::new(slug, name, source, now_ms)
                };
                // Someone known only from an export row without a link
                // becomes this person, their export details and keep
                // carrying over, only when the name AND the company fit
                // (the card's headline names the row's company) and
                // exactly one row fits. Otherwise they stay apart, and
                // the review page shows them as possibly the same.
                let folded = fold(&person.name);
                let row = match unmatched.get_mut(&folded) {
                    Some(slugs) => {
                        let fits: Vec<usize> = slugs
                            .iter()
                            .enumerate()
                            .filter(|(_, s)| {
                                network.person(s).is_some_and(|r| {
                                    row_fits_headline(r, person.headline.as_deref())
                                })
                            })
                            .map(|(k, _)| k)
                            .take(2)
                            .collect();
                        match fits.as_slice() {
                            [k] if !another_fits(
                                network,
                                &slugs[*k],
                                &person.slug,
                                &folded,
                                &reading_cards,
                            ) =>
                            {
                                let taken = slugs.remove(*k);
                                network.index_of(&taken)
                            }
                            _ => None,
                        }
                    }
                    None => None,
                };
                if let Some(row) = row {
                    let row = network.remove_person(row);
                    person.company = row.company;
                    person.position = row.position;
                    person.connected = row.connected.or(person.connected);
                    person.kept = row.kept;
                    person.first_seen_ms = row.first_seen_ms;
                    // What a data archive said of the row's person is theirs.
                    if let Some(contact) = row.relations.and_then(|r| r.contact) {
                        person.relations_mut().contact = Some(contact);
                    }
                }
                report.added += 1;
                network.push_person(person)
            }
        };
        network.people[i].gone_since_ms = None;
        collect::note_seen(collection, network, i);
    }
    collect::update(collection, network, now_ms);
    report.collect = collection
        .as_ref()
        .map(Collection::progress)
        .filter(|c| c.running || c.done);

    network.last_page = Some(PageStatus {
        page,
        status: PageOutcome::Recognised,
        url,
        generation: reading
            .generation
            .map(|g| clean_text(&g, 40))
            .filter(|g| !g.is_empty()),
        language,
        reason: None,
        at_ms: now_ms,
    });
    Ok(report)
}

/// A page's `<html lang>` as a language tag ("de", "pt-BR", "zh-Hant-TW"):
/// letters, digits and hyphens, at most 35 characters; anything else is no
/// language.
fn language_tag(lang: &str) -> Option<String> {
    let lang = lang.trim();
    let fits = (1..=35).contains(&lang.len())
        && lang.starts_with(|c: char| c.is_ascii_alphabetic())
        && lang
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    fits.then(|| lang.to_string())
}

fn is_linkedin_url(url: &str) -> bool {
    url.strip_prefix("https://www.linkedin.com")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}
