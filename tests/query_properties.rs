//! Properties of the query language over generated rosters and queries:
//! arbitrary text never panics, and the shipped index answers as the
//! reference engine on every generated query.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/roster.rs"]
mod roster;

use roster::*;

// Properties over generated networks and queries.

const NAMES: &[&str] = &[
    "José García",
    "Jose Garcia",
    "Zoë Ørsted",
    "Łukasz Nowak",
    "Anna Straße",
    "anna strasse",
    "Nguyễn Văn An",
    "王小明",
    "Ana",
    "Or Cohen",
];
const COMPANIES: &[&str] = &["Acme Corp", "Globex", "Initech", "Acme", "字节跳动"];
const HEADLINES: &[&str] = &[
    "Head of Sales",
    "Recruiter at Acme",
    "Engineer",
    "CTO | Advisor",
    "Ingénieur",
];

fn arb_person() -> impl Strategy<Value = Person> {
    (
        0..NAMES.len(),
        0u32..50,
        proptest::option::of(0..COMPANIES.len()),
        proptest::option::of(0..HEADLINES.len()),
        proptest::option::of(0..HEADLINES.len()),
        proptest::option::of(-3_000i64..1_000),
        arb_contact(),
    )
        .prop_map(|(name, slug, company, headline, position, days, contact)| {
            let mut p = with_contact(person(&format!("slug-{slug}"), NAMES[name]), contact);
            p.company = company.map(|i| COMPANIES[i].to_string());
            p.headline = headline.map(|i| HEADLINES[i].to_string());
            p.position = position.map(|i| HEADLINES[i].to_string());
            if let Some(days) = days {
                // Around today, 2026-11-21 (day 20,778).
                p = p.connected(CivilDate::from_days(20_000 + days));
            }
            p
        })
}

fn arb_roster() -> impl Strategy<Value = Roster> {
    (
        proptest::collection::vec((arb_person(), any::<[bool; 4]>()), 0..40),
        any::<bool>(),
    )
        .prop_map(|(rows, messages_known)| {
            let (people, flags): (Vec<Person>, Vec<Flags>) = rows
                .into_iter()
                .map(|(p, [kept, queued, removed, gone])| {
                    (
                        p,
                        Flags {
                            kept,
                            queued,
                            removed,
                            gone,
                            ..Flags::default()
                        },
                    )
                })
                .unzip();
            let flags = contact_flags(&people, &flags, messages_known);
            Roster::with_flags(people, flags)
        })
}

/// Terms that are never about a connection date, besides the flags
/// ([`FLAG_TERMS`]).
const NON_DATE_TERMS: &[&str] = &[
    "jose",
    "josé",
    "ANNA",
    "strasse",
    "acme",
    "\"head of\"",
    "\"acme corp\"",
    "小明",
    "name:ana",
    "name:\"jose garcia\"",
    "company:acme",
    "company:\"Acme Corp\"",
    "title:engineer",
    "title:cto",
    "or",
    "invited:me",
    "invited:them",
    "endorsed:any",
    "endorsed:me",
    "endorsed:them",
    "recommended:any",
    "recommended:me",
    "recommended:them",
];
/// The data archive's message terms: they match nobody, negated or not,
/// without an archive's messages; the dated ones need a last message.
const MESSAGE_TERMS: &[&str] = &["messaged:never", "messages:>2", "messages:<3", "messages:0"];
const MESSAGE_DATE_TERMS: &[&str] = &[
    "messaged:before:2022",
    "messaged:after:2024-06",
    "messaged:before:5y",
    "messaged:after:18m",
];
const DATE_TERMS: &[&str] = &[
    "before:2025",
    "after:2024-06",
    "before:2025-03-15",
    "before:5y",
    "after:18m",
    "after:30d",
    "before:0d",
];
const SORTS: &[&str] = &[
    "sort:connected",
    "sort:-connected",
    "sort:name",
    "sort:-name",
    "sort:company",
    "sort:-company",
    "sort:contact",
    "sort:-contact",
];

fn arb_term() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof![
            proptest::sample::select(NON_DATE_TERMS),
            proptest::sample::select(FLAG_TERMS),
            proptest::sample::select(DATE_TERMS),
            proptest::sample::select(MESSAGE_TERMS),
            proptest::sample::select(MESSAGE_DATE_TERMS)
        ],
    )
        .prop_map(|(negated, term)| format!("{}{term}", if negated { "-" } else { "" }))
}

fn arb_filter_query() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::collection::vec(arb_term(), 1..3).prop_map(|alts| alts.join(" OR ")),
        0..4,
    )
    .prop_map(|clauses| clauses.join(" "))
}

/// Query-shaped soup: real tokens, broken tokens and arbitrary text.
fn arb_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        arb_term(),
        proptest::sample::select(SORTS).prop_map(str::to_string),
        proptest::sample::select(
            &[
                "OR",
                "-",
                "\"",
                "\"\"",
                ":",
                "foo:",
                "name:",
                "before:",
                "after:2024-02-30",
                "is:",
                "sort:",
                "-sort:name",
                "\u{301}",
                "  ",
            ][..]
        )
        .prop_map(str::to_string),
        "\\PC{0,8}",
    ];
    proptest::collection::vec(token, 0..8).prop_map(|tokens| tokens.join(" "))
}

proptest! {
    #[test]
    fn parsing_arbitrary_strings_never_panics(text in "\\PC{0,60}", now in 0i64..8_640_000_000_000_000) {
        let _ = parse(&text, now);
    }

    #[test]
    fn any_query_either_errors_or_returns_distinct_indices_in_range(
        net in arb_roster(),
        query in arb_soup(),
    ) {
        if let Ok(parsed) = parse(&query, NOW) {
            let found = indices(&parsed, &net);
            let distinct: BTreeSet<u32> = found.iter().copied().collect();
            prop_assert_eq!(distinct.len(), found.len());
            prop_assert!(found.iter().all(|&i| (i as usize) < net.people.len()));
        }
    }

    #[test]
    fn negating_a_non_date_term_gives_exactly_the_complement(
        net in arb_roster(),
        term in prop_oneof![
            proptest::sample::select(NON_DATE_TERMS),
            proptest::sample::select(FLAG_TERMS)
        ],
    ) {
        let hit = index_set(term, &net);
        let miss = index_set(&format!("-{term}"), &net);
        prop_assert!(hit.is_disjoint(&miss));
        prop_assert_eq!(hit.len() + miss.len(), net.people.len());
    }

    #[test]
    fn negating_a_date_term_gives_the_complement_among_known_dates(
        net in arb_roster(),
        term in proptest::sample::select(DATE_TERMS),
    ) {
        let hit = index_set(term, &net);
        let miss = index_set(&format!("-{term}"), &net);
        let known = index_set("has:date", &net);
        prop_assert!(hit.is_disjoint(&miss));
        prop_assert_eq!(hit.union(&miss).copied().collect::<BTreeSet<_>>(), known);
    }

    #[test]
    fn negating_a_message_term_gives_the_complement_where_messages_are_known(
        net in arb_roster(),
        term in proptest::sample::select(MESSAGE_TERMS),
    ) {
        let hit = index_set(term, &net);
        let miss = index_set(&format!("-{term}"), &net);
        let known: BTreeSet<u32> = (0..net.people.len() as u32)
            .filter(|&i| net.flags[i as usize].messages.is_some())
            .collect();
        prop_assert!(hit.is_disjoint(&miss));
        prop_assert_eq!(hit.union(&miss).copied().collect::<BTreeSet<_>>(), known);
    }

    #[test]
    fn negating_a_message_date_term_gives_the_complement_among_those_messaged(
        net in arb_roster(),
        term in proptest::sample::select(MESSAGE_DATE_TERMS),
    ) {
        let hit = index_set(term, &net);
        let miss = index_set(&format!("-{term}"), &net);
        let messaged: BTreeSet<u32> = (0..net.people.len() as u32)
            .filter(|&i| {
                let flags = net.flags[i as usize];
                flags.messages.is_some() && flags.last_message.is_some()
            })
            .collect();
        prop_assert!(hit.is_disjoint(&miss));
        prop_assert_eq!(hit.union(&miss).copied().collect::<BTreeSet<_>>(), messaged);
    }

    #[test]
    fn a_sorted_result_is_a_permutation_of_the_unsorted_one(
        net in arb_roster(),
        filter in arb_filter_query(),
        sort in proptest::sample::select(SORTS),
    ) {
        let mut plain = indices(&parse(&filter, NOW).unwrap(), &net);
        let mut sorted = indices(&parse(&format!("{filter} {sort}"), NOW).unwrap(), &net);
        plain.sort_unstable();
        sorted.sort_unstable();
        prop_assert_eq!(plain, sorted);
    }

    #[test]
    fn a_or_b_is_the_union_of_a_and_b(net in arb_roster(), a in arb_term(), b in arb_term()) {
        let union: BTreeSet<u32> = index_set(&a, &net).union(&index_set(&b, &net)).copied().collect();
        prop_assert_eq!(index_set(&format!("{a} OR {b}"), &net), union);
    }

    #[test]
    fn a_and_b_is_the_intersection_of_a_and_b(net in arb_roster(), a in arb_term(), b in arb_term()) {
        let both: BTreeSet<u32> = index_set(&a, &net).intersection(&index_set(&b, &net)).copied().collect();
        prop_assert_eq!(index_set(&format!("{a} {b}"), &net), both);
    }

    #[test]
    fn a_bare_word_matches_exactly_where_a_folded_field_contains_it(
        net in arb_roster(),
        word in "[a-zéøœß ]{1,6}",
    ) {
        let needle = fold(&word);
        prop_assume!(!needle.is_empty());
        let query = format!("\"{word}\"");
        let expected: BTreeSet<u32> = net.people.iter().enumerate().filter(|(_, p)| {
            [Some(&p.name), p.headline.as_ref(), p.company.as_ref(), p.position.as_ref()]
                .into_iter()
                .flatten()
                .any(|field| fold(field).contains(&needle))
        }).map(|(i, _)| i as u32).collect();
        prop_assert_eq!(index_set(&query, &net), expected);
    }

    #[test]
    fn ranked_and_unranked_keys_give_the_same_list(
        net in arb_roster(),
        filter in arb_filter_query(),
        sort in proptest::sample::select(SORTS),
    ) {
        let query = parse(&format!("{filter} {sort}"), NOW).unwrap();
        prop_assert_eq!(indices(&query, &net), indices(&query, &net.unranked()));
    }

    #[test]
    fn results_are_in_the_documented_order(net in arb_roster(), sort in proptest::sample::select(SORTS)) {
        let found = indices(&parse(sort, NOW).unwrap(), &net);
        let key = |i: u32| {
            let p = &net.people[i as usize];
            let k = &net.keys[i as usize];
            let date = if sort.contains("contact") {
                p.contact().and_then(|c| c.last_message).map(i64::from)
            } else {
                p.connected.map(|c| c.date.to_days())
            };
            (date, k.company().to_string(), k.name().to_string(), p.slug.clone())
        };
        for pair in found.windows(2) {
            let (a, b) = (key(pair[0]), key(pair[1]));
            let name_then_slug = (&a.2, &a.3).cmp(&(&b.2, &b.3));
            let in_order = match sort {
                "sort:name" => name_then_slug.is_le(),
                "sort:-name" => b.2.cmp(&a.2).then(a.3.cmp(&b.3)).is_le(),
                "sort:connected" | "sort:-connected" | "sort:contact" | "sort:-contact" => match (a.0, b.0) {
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => name_then_slug.is_le(),
                    (Some(x), Some(y)) if !sort.starts_with("sort:-") => x.cmp(&y).then(name_then_slug).is_le(),
                    (Some(x), Some(y)) => y.cmp(&x).then(name_then_slug).is_le(),
                },
                _ => match (a.1.is_empty(), b.1.is_empty()) {
                    (false, true) => true,
                    (true, false) => false,
                    (true, true) => name_then_slug.is_le(),
                    _ if sort == "sort:company" => a.1.cmp(&b.1).then(name_then_slug).is_le(),
                    _ => b.1.cmp(&a.1).then(name_then_slug).is_le(),
                },
            };
            prop_assert!(in_order, "{} before {} under {}", pair[0], pair[1], sort);
        }
    }
}
