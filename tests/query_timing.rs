//! Timing of the search index and the reference engine on 30,000
//! generated people, for the lead; ignored by default.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/roster.rs"]
mod roster;

use roster::*;

// Timing, for the lead: `cargo test --release --test query_timing -- --ignored --nocapture`.

/// A deterministic generator, so every run times the same network.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

fn generated_roster(count: usize) -> Roster {
    const FIRST: &[&str] = &[
        "José",
        "María",
        "Zoë",
        "Łukasz",
        "Anna",
        "Christopher",
        "Alexandra",
        "Muhammad",
        "Nguyễn",
        "Søren",
        "François",
        "Jane",
        "John",
        "Priya",
        "Wei",
        "Olúwaseun",
        "Emma",
        "Liam",
        "Noah",
        "Sofía",
        "Mateus",
        "Ingrid",
        "Björn",
        "Aylin",
        "Şebnem",
        "Kenji",
    ];
    const LAST: &[&str] = &[
        "García",
        "Smith",
        "Nowak",
        "Straße",
        "Ørsted",
        "Müller",
        "Johnson",
        "Kowalski",
        "Pereira",
        "Dubois",
        "Tanaka",
        "Okafor",
        "Patel",
        "Chen",
        "Andersson",
        "Yılmaz",
        "Rossi",
        "Novák",
        "O'Brien",
        "van der Berg",
    ];
    const COMPANY: &[&str] = &[
        "Acme Corp",
        "Globex",
        "Initech",
        "Umbrella",
        "Hooli",
        "Stark Industries",
        "Wayne Enterprises",
        "Soylent",
        "Massive Dynamic",
        "Cyberdyne",
        "Vandelay Industries",
    ];
    const ROLE: &[&str] = &[
        "Software Engineer",
        "Senior Recruiter",
        "Head of Sales",
        "Product Manager",
        "CTO",
        "Data Scientist",
        "Account Executive",
        "Talent Acquisition Partner",
        "Founder",
        "Marketing Lead",
        "Ingénieur logiciel",
        "Consultant",
    ];
    let mut rng = SplitMix(0x6E65_7470_7275_6E65);
    let mut people = Vec::with_capacity(count);
    let mut flags = Vec::with_capacity(count);
    for i in 0..count {
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        let company = rng.pick(COMPANY);
        let role = rng.pick(ROLE);
        let mut p = person(
            &format!("{}-{i:x}", fold(first)),
            &format!("{first} {last}"),
        )
        .headline(&format!("{role} at {company} | helping teams grow"));
        if rng.next() % 2 == 0 {
            p = p.company(company).position(role);
        }
        if rng.next() % 10 < 8 {
            // 2008-01-01 to 2026-11-21.
            p = p.connected(CivilDate::from_days(13_879 + (rng.next() % 6_900) as i64));
        }
        people.push(p);
        let bits = rng.next();
        flags.push(Flags {
            kept: bits % 20 == 0,
            queued: bits % 50 == 1,
            removed: bits % 100 == 2,
            gone: bits % 200 == 3,
            ..Flags::default()
        });
    }
    Roster::with_flags(people, flags)
}

#[test]
#[ignore = "timing for the lead; run with --release -- --ignored --nocapture"]
fn timing_30000_people() {
    use std::time::{Duration, Instant};
    const PEOPLE: usize = 30_000;
    const ROUNDS: usize = 50;

    let net = generated_roster(PEOPLE);
    let started = Instant::now();
    let ranked = SearchKeys::for_people(&net.people);
    let ranking = started.elapsed();
    let started = Instant::now();
    let unranked: Vec<SearchKeys> = net.people.iter().map(SearchKeys::new).collect();
    let folding = started.elapsed();
    assert_eq!(ranked, net.keys);
    println!("{PEOPLE} people");
    println!("SearchKeys::for_people (fold and rank): {ranking:?}");
    println!("SearchKeys::new for each (fold only):   {folding:?}");
    let started = Instant::now();
    let mut index = SearchIndex::new(&net.people);
    let names = started.elapsed();
    let started = Instant::now();
    index.run(&net.people, &parse("a", NOW).unwrap(), &[]);
    let rest = started.elapsed();
    println!("SearchIndex::new (names, order): {names:?}; first search (the rest): {rest:?}");
    println!(
        "{:<68} {:>6} {:>8} {:>9} {:>9} {:>9} {:>9}",
        "query", "hits", "parse", "median", "max", "unranked", "index"
    );
    for query in [
        "",
        "jose",
        "a",
        "\"head of sales\"",
        "company:acme",
        "title:recruiter",
        "after:2020 before:2023",
        "before:5y",
        "-is:kept",
        "-recruiter",
        "sort:connected",
        "sort:-connected",
        "sort:company",
        "sort:-name",
        "recruiter OR \"talent acquisition\" -is:kept before:5y sort:connected",
        "zzzz",
    ] {
        let started = Instant::now();
        let parsed = parse(query, NOW).unwrap();
        let parse_time = started.elapsed();
        let time = |keys: &[SearchKeys]| {
            let mut times: Vec<Duration> = (0..ROUNDS)
                .map(|_| {
                    let started = Instant::now();
                    let found = run(&parsed, &net.people, keys, &net.flags);
                    let took = started.elapsed();
                    std::hint::black_box(found);
                    took
                })
                .collect();
            times.sort_unstable();
            times
        };
        let times = time(&net.keys);
        let unranked_times = time(&unranked);
        let mut index_times: Vec<Duration> = (0..ROUNDS)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(index.run(&net.people, &parsed, &net.flags));
                started.elapsed()
            })
            .collect();
        index_times.sort_unstable();
        let hits = run(&parsed, &net.people, &net.keys, &net.flags).len();
        println!(
            "{:<68} {hits:>6} {:>8.1?} {:>9.1?} {:>9.1?} {:>9.1?} {:>9.1?}",
            format!("{query:?}"),
            parse_time,
            times[ROUNDS / 2],
            times[ROUNDS - 1],
            unranked_times[ROUNDS / 2],
            index_times[ROUNDS / 2],
        );
    }
    println!(
        "(median and max of {ROUNDS} runs with ranked keys; unranked: median with SearchKeys::new keys; \
         index: median with the SearchIndex the network uses)"
    );
}

/// Where restoring the stored network goes, on the same 30,000 people: the
/// compact form (`Snapshot::from_compact`, what the background reads on
/// every wake) in parts, beside the JSON snapshot it replaced. Prints;
/// asserts only what was read (no test asserts a wall-clock time).
#[test]
#[ignore = "timing for the lead; run with --release -- --ignored --nocapture"]
fn restore_30000_people() {
    use netprune::Snapshot;
    use std::time::{Duration, Instant};
    const PEOPLE: usize = 30_000;
    const ROUNDS: usize = 21;

    let people = generated_roster(PEOPLE).people;
    let unchecked = || {
        let mut raw = Snapshot::default();
        raw.network.people = people.clone();
        raw
    };
    let snapshot = unchecked().validated().unwrap();
    let bytes = snapshot.to_compact();
    let json = snapshot.to_json();
    // The same snapshot without its people: its compact form is the header
    // alone (magic, version, the header's JSON, a count of 0).
    let mut empty = snapshot.clone();
    empty.network.people.clear();
    let header = empty.to_compact();

    let median = |mut times: Vec<Duration>| {
        times.sort_unstable();
        times[times.len() / 2]
    };
    // Each read is dropped after its time is taken.
    let timed = |read: &dyn Fn() -> Snapshot, people: usize| {
        median(
            (0..ROUNDS)
                .map(|_| {
                    let started = Instant::now();
                    let snapshot = read();
                    let took = started.elapsed();
                    assert_eq!(snapshot.network.people.len(), people);
                    took
                })
                .collect(),
        )
    };
    let whole = timed(&|| Snapshot::from_compact(&bytes).unwrap(), PEOPLE);
    let header_only = timed(&|| Snapshot::from_compact(&header).unwrap(), 0);
    // validated() alone: the slug index (one String and one hash-map entry
    // per person), given the people already read.
    let validated = median(
        (0..ROUNDS)
            .map(|_| {
                let raw = unchecked();
                let started = Instant::now();
                let checked = raw.validated().unwrap();
                let took = started.elapsed();
                std::hint::black_box(checked);
                took
            })
            .collect(),
    );
    let from_json = timed(&|| Snapshot::from_json(&json).unwrap(), PEOPLE);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{PEOPLE} people: compact {:.2} MB, header {} bytes; JSON {:.2} MB",
        bytes.len() as f64 / 1e6,
        header.len(),
        json.len() as f64 / 1e6
    );
    println!("median of {ROUNDS}, ms:");
    println!(
        "  from_compact, whole:                     {:>8.3}",
        ms(whole)
    );
    println!(
        "    the header alone (JSON, no people):    {:>8.3}",
        ms(header_only)
    );
    println!(
        "    validated() alone (the slug index):    {:>8.3}",
        ms(validated)
    );
    println!(
        "    the people's records (the rest):       {:>8.3}",
        ms(whole.saturating_sub(header_only + validated))
    );
    println!(
        "  from_json, whole:                        {:>8.3}",
        ms(from_json)
    );
}
