//! Who the archive's rows name: each person once, by profile slug where a
//! row had a link, else by folded name; and the rule that lets a row naming
//! someone only by name join the one linked person with that name.

use crate::intake::reading::{clean_text, slug_from_profile_url};
use crate::network::fastmap::FastHasher;
use crate::search::fold::fold;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Hash maps and sets keyed by what rows hold, with the core's own
/// [`FastHasher`] (see [`crate::network::fastmap`]).
pub(super) type Fast = BuildHasherDefault<FastHasher>;

/// Names longer than this are cut, as the Connections.csv import cuts them.
pub(super) const NAME_MAX_CHARS: usize = 300;

/// The most different names kept for one slug (a member renamed twice is
/// plenty; a row pairing names and links wrongly must not grow it forever).
const NAMES_PER_SLUG: usize = 4;

/// The people one file's rows named, by the raw bytes of link and name.
#[derive(Clone, Debug, Default)]
pub(super) struct Known {
    ids: HashMap<Vec<u8>, u32, Fast>,
    key: Vec<u8>,
}

/// One person as some rows named them.
#[derive(Clone, Debug, Default)]
pub(super) struct Person {
    /// The slug, for people named by a link.
    pub(super) slug: Option<String>,
    /// The first name seen, cleaned; may be empty for a link with no name.
    pub(super) name: String,
    /// Every folded name seen with the slug (or the one folded name of a
    /// name-only entry).
    pub(super) folded: Vec<String>,
}

/// The people one file (or, at the end, the whole import) names.
#[derive(Clone, Debug, Default)]
pub(super) struct Roster {
    slugs: HashMap<String, u32, Fast>,
    names: HashMap<String, u32, Fast>,
    pub(super) people: Vec<Person>,
}

/// The slug of a profile link as the archive writes them: with a scheme
/// (messages, invitations) or without one, `www.linkedin.com/in/<slug>`
/// (endorsements, E3). None for an empty cell or a link to anything but a
/// profile (a company page, an `urn:li:` identifier).
pub(super) fn slug_of(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    let lower = url.get(..16).map(str::to_ascii_lowercase);
    if lower.as_deref() == Some("www.linkedin.com")
        || url.get(..12).map(str::to_ascii_lowercase).as_deref() == Some("linkedin.com")
    {
        return slug_from_profile_url(&format!("https://{url}")).ok();
    }
    slug_from_profile_url(url).ok()
}

/// A name as a person, cleaned as the Connections.csv import cleans it.
pub(super) fn clean_name(name: &str) -> String {
    clean_text(name, NAME_MAX_CHARS)
}

impl Roster {
    /// The person a row names by `slug` and/or `name` (cleaned), added if
    /// new; None when the row names no one.
    pub(super) fn mention(&mut self, slug: Option<String>, name: &str) -> Option<u32> {
        let folded = if name.is_empty() {
            String::new()
        } else {
            fold(name)
        };
        match slug {
            Some(slug) => {
                let id = match self.slugs.get(&slug) {
                    Some(&id) => id,
                    None => {
                        let id = self.push(Person {
                            slug: Some(slug.clone()),
                            ..Person::default()
                        })?;
                        self.slugs.insert(slug, id);
                        id
                    }
                };
                let person = self.people.get_mut(id as usize)?;
                if person.name.is_empty() && !name.is_empty() {
                    person.name = name.to_owned();
                }
                if !folded.is_empty()
                    && person.folded.len() < NAMES_PER_SLUG
                    && !person.folded.contains(&folded)
                {
                    person.folded.push(folded);
                }
                Some(id)
            }
            None if folded.is_empty() => None,
            None => {
                if let Some(&id) = self.names.get(&folded) {
                    return Some(id);
                }
                let id = self.push(Person {
                    slug: None,
                    name: name.to_owned(),
                    folded: vec![folded.clone()],
                })?;
                self.names.insert(folded, id);
                Some(id)
            }
        }
    }

    /// [`Self::mention`] of a raw profile link and raw name as a row holds
    /// them, remembered in `known` by their bytes: most rows name people
    /// already seen, and then no link is parsed, no name cleaned or folded.
    pub(super) fn mention_raw(&mut self, known: &mut Known, url: &str, name: &str) -> Option<u32> {
        known.key.clear();
        known.key.extend_from_slice(url.as_bytes());
        known.key.push(0);
        known.key.extend_from_slice(name.as_bytes());
        if let Some(&id) = known.ids.get(known.key.as_slice()) {
            return Some(id);
        }
        let id = self.mention(slug_of(url), &clean_name(name))?;
        known.ids.insert(known.key.clone(), id);
        Some(id)
    }

    fn push(&mut self, person: Person) -> Option<u32> {
        let id = u32::try_from(self.people.len()).ok()?;
        self.people.push(person);
        Some(id)
    }

    /// Adds everyone `other` names; answers, for each of its ids, the id
    /// here.
    pub(super) fn absorb(&mut self, other: &Roster) -> Vec<u32> {
        let mut map = Vec::with_capacity(other.people.len());
        for person in &other.people {
            let mut id = None;
            if person.folded.is_empty() {
                id = self.mention(person.slug.clone(), &person.name);
            }
            for (i, folded) in person.folded.iter().enumerate() {
                // The display name goes with the first; the other folded
                // names are added as seen.
                let name = if i == 0 { person.name.as_str() } else { "" };
                id = self.mention(person.slug.clone(), name);
                if let (Some(slug_id), Some(_)) = (id, &person.slug) {
                    if let Some(p) = self.people.get_mut(slug_id as usize) {
                        if p.folded.len() < NAMES_PER_SLUG && !p.folded.contains(folded) {
                            p.folded.push(folded.clone());
                        }
                    }
                }
            }
            // Every person of a roster names someone, so None cannot happen
            // short of four billion people; u32::MAX then names no one.
            map.push(id.unwrap_or(u32::MAX));
        }
        map
    }

    /// For every id, the id it stands for: a name-only person joins the
    /// linked person whose names include theirs when exactly one does;
    /// everyone else stands for themselves.
    pub(super) fn canonical(&self) -> Vec<u32> {
        let mut linked: HashMap<&str, Option<u32>, Fast> = HashMap::default();
        for (id, person) in self.people.iter().enumerate() {
            if person.slug.is_none() {
                continue;
            }
            let Ok(id) = u32::try_from(id) else { break };
            for folded in &person.folded {
                linked
                    .entry(folded.as_str())
                    .and_modify(|one| {
                        if *one != Some(id) {
                            *one = None;
                        }
                    })
                    .or_insert(Some(id));
            }
        }
        self.people
            .iter()
            .enumerate()
            .map(|(id, person)| {
                let own = u32::try_from(id).unwrap_or(u32::MAX);
                match (&person.slug, person.folded.first()) {
                    (None, Some(folded)) => linked
                        .get(folded.as_str())
                        .copied()
                        .flatten()
                        .unwrap_or(own),
                    _ => own,
                }
            })
            .collect()
    }

    /// The person with this id.
    pub(super) fn person(&self, id: u32) -> Option<&Person> {
        self.people.get(id as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_with_and_without_a_scheme_give_the_same_slug() {
        assert_eq!(
            slug_of("https://www.linkedin.com/in/Ana-B"),
            Some("ana-b".into())
        );
        assert_eq!(slug_of("www.linkedin.com/in/ana-b"), Some("ana-b".into()));
        assert_eq!(slug_of("linkedin.com/in/ana-b/"), Some("ana-b".into()));
        assert_eq!(slug_of("https://www.linkedin.com/company/acme"), None);
        assert_eq!(slug_of(""), None);
        assert_eq!(slug_of("é"), None);
    }

    #[test]
    fn a_name_joins_the_one_linked_person_with_it_and_only_then() {
        let mut roster = Roster::default();
        let ana = roster.mention(Some("ana".into()), "Ana Bé").unwrap();
        let name_only = roster.mention(None, "ana be").unwrap();
        let bo1 = roster.mention(Some("bo-1".into()), "Bo").unwrap();
        let bo2 = roster.mention(Some("bo-2".into()), "Bo").unwrap();
        let bo = roster.mention(None, "Bo").unwrap();
        let cy = roster.mention(None, "Cy").unwrap();
        let canonical = roster.canonical();
        assert_eq!(canonical[name_only as usize], ana);
        assert_eq!(canonical[bo as usize], bo);
        assert_eq!(canonical[cy as usize], cy);
        assert_eq!(canonical[bo1 as usize], bo1);
        assert_eq!(canonical[bo2 as usize], bo2);
        assert_eq!(roster.mention(None, "  "), None);
    }

    #[test]
    fn absorbing_keeps_every_name_seen_with_a_slug() {
        let mut a = Roster::default();
        a.mention(Some("ana".into()), "Ana");
        a.mention(Some("ana".into()), "Ana Maria");
        a.mention(None, "Cy");
        let mut all = Roster::default();
        let map = all.absorb(&a);
        assert_eq!(map, vec![0, 1]);
        assert_eq!(all.people[0].folded, vec!["ana", "ana maria"]);
        assert_eq!(all.people[0].name, "Ana");
        assert_eq!(all.people[1].slug, None);
    }
}
