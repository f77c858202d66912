//! The query language's parser: a lexer over the member's text, each
//! `field:value` read into a [`Filter`], dates and ages turned into the
//! first day they name, and every error placed at the character it is about.

use super::*;

/// Parses `query`; relative dates (`5y`, `18m`, `30d`) count back from the
/// UTC day of `now_ms`. An empty or all-space query matches everyone.
pub fn parse(query: &str, now_ms: TimeMs) -> Result<Query, QueryError> {
    let mut lexer = Lexer {
        chars: query.chars().collect(),
        at: 0,
        today: CivilDate::from_ms(now_ms),
    };
    let mut clauses: Vec<Clause> = Vec::new();
    let mut sort: Option<(SortOrder, usize)> = None;
    // Where an OR still waits for the term on its right.
    let mut open_or: Option<usize> = None;
    let mut after_filter = false;
    while let Some(token) = lexer.next_token()? {
        match token {
            Token::Or(at) => {
                if open_or.is_some() {
                    return Err(error(
                        at,
                        "\"OR\" cannot follow \"OR\"; expected a term between them",
                    ));
                }
                if !after_filter {
                    return Err(error(
                        at,
                        "\"OR\" needs a filter term before it, like \"acme OR globex\"",
                    ));
                }
                open_or = Some(at);
                after_filter = false;
            }
            Token::Filter(term) => {
                match (open_or.take(), clauses.last_mut()) {
                    (Some(_), Some(clause)) => clause.terms.push(term),
                    _ => clauses.push(Clause { terms: vec![term] }),
                }
                after_filter = true;
            }
            Token::Sort(order, at) => {
                if open_or.is_some() {
                    return Err(error(
                        at,
                        "a sort: term cannot follow \"OR\"; expected a filter term",
                    ));
                }
                if let Some((_, first)) = sort {
                    return Err(error(
                        at,
                        format!("only one sort: term is allowed (the first is at {first})"),
                    ));
                }
                sort = Some((order, at));
                after_filter = false;
            }
        }
    }
    if let Some(at) = open_or {
        return Err(error(
            at,
            "\"OR\" needs a filter term after it, like \"acme OR globex\"",
        ));
    }
    // Cheapest clauses first, keeping the written order within a cost (three
    // costs: a pass each is smaller in the .wasm than a stable sort).
    let mut ordered = Vec::with_capacity(clauses.len());
    for cost in 0..=Clause::MAX_COST {
        let (now, later): (Vec<Clause>, Vec<Clause>) =
            clauses.into_iter().partition(|c| c.cost() == cost);
        ordered.extend(now);
        clauses = later;
    }
    Ok(Query {
        clauses: ordered,
        sort: sort.map(|(order, _)| order).unwrap_or_default(),
    })
}

enum Token {
    Filter(Term),
    Or(usize),
    Sort(SortOrder, usize),
}

/// Positions are indices into `chars`, which are the character positions
/// errors report.
struct Lexer {
    chars: Vec<char>,
    at: usize,
    today: CivilDate,
}

impl Lexer {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn at_boundary(&self, at: usize) -> bool {
        self.chars.get(at).is_none_or(|c| c.is_whitespace())
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to)
            .map(|chars| chars.iter().collect())
            .unwrap_or_default()
    }

    fn next_token(&mut self) -> Result<Option<Token>, QueryError> {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
        let start = self.at;
        let Some(first) = self.peek() else {
            return Ok(None);
        };
        if first == 'O' && self.chars.get(start + 1) == Some(&'R') && self.at_boundary(start + 2) {
            self.at += 2;
            return Ok(Some(Token::Or(start)));
        }
        let negated = first == '-';
        if negated {
            self.at += 1;
            if self.at_boundary(self.at) {
                return Err(error(
                    start,
                    "expected a term after \"-\", like -recruiter or -is:kept",
                ));
            }
        }
        let atom = self.at;
        let term = |filter| {
            Token::Filter(Term {
                negated,
                filter,
                position: start,
            })
        };
        if self.peek() == Some('"') {
            let phrase = self.quoted()?;
            let needle = Needle::new(&phrase).ok_or_else(|| {
                if phrase.is_empty() {
                    error(
                        atom,
                        "empty quoted phrase: put the text to find between the quotes",
                    )
                } else {
                    error(atom, "the quoted phrase has nothing to search for")
                }
            })?;
            return Ok(Some(term(Filter::Text {
                field: TextField::Any,
                needle,
            })));
        }
        if let Some(colon) = self.field_colon() {
            let field = self.text(atom, colon).to_ascii_lowercase();
            self.at = colon + 1;
            return self.field(&field, negated, start, atom).map(Some);
        }
        let word = self.word()?;
        let needle = Needle::new(&word)
            .ok_or_else(|| error(atom, format!("{} has nothing to search for", shown(&word))))?;
        Ok(Some(term(Filter::Text {
            field: TextField::Any,
            needle,
        })))
    }

    /// The position of the ':' when the term starts with `letters:` (a
    /// hyphen inside, as in `sent-before:`).
    fn field_colon(&self) -> Option<usize> {
        let chars = self.chars.get(self.at..)?;
        let letters = chars
            .iter()
            .enumerate()
            .take_while(|&(i, c)| c.is_ascii_alphabetic() || (*c == '-' && i > 0))
            .count();
        let colon = self.at + letters;
        (letters > 0 && self.chars.get(colon) == Some(&':')).then_some(colon)
    }

    /// A phrase between double quotes; `self.at` is on the opening quote.
    fn quoted(&mut self) -> Result<String, QueryError> {
        let open = self.at;
        let close = self
            .chars
            .iter()
            .enumerate()
            .skip(open + 1)
            .find(|(_, c)| **c == '"')
            .map(|(i, _)| i)
            .ok_or_else(|| {
                error(
                    open,
                    "unterminated quote: expected a closing \" to end the phrase",
                )
            })?;
        self.at = close + 1;
        if !self.at_boundary(self.at) {
            return Err(error(self.at, "expected a space after the closing quote"));
        }
        Ok(self.text(open + 1, close))
    }

    /// A run of non-space characters, which may not hold a quote.
    fn word(&mut self) -> Result<String, QueryError> {
        let from = self.at;
        while let Some(c) = self.peek().filter(|c| !c.is_whitespace()) {
            if c == '"' {
                return Err(error(
                    self.at,
                    "a quote can only open a phrase at the start of a term or a value, \
                     like \"acme corp\" or company:\"acme corp\"",
                ));
            }
            self.at += 1;
        }
        Ok(self.text(from, self.at))
    }

    fn field(
        &mut self,
        field: &str,
        negated: bool,
        start: usize,
        atom: usize,
    ) -> Result<Token, QueryError> {
        let expected = match field {
            "name" | "company" | "title" => format!(
                "expected text to search for after \"{field}:\" (quote it to include spaces: {field}:\"acme corp\")"
            ),
            "before" | "after" | "sent-before" | "sent-after" => {
                format!("{EXPECTED_DATE} after \"{field}:\"")
            }
            "is" => "expected kept, queued, removed, gone, connection, following, follower or invited after \"is:\"".into(),
            "has" => "expected date or headline after \"has:\"".into(),
            "messaged" => "expected never, before:<date or age> or after:<date or age> after \"messaged:\" (messaged:before:5y)".into(),
            "messages" => "expected >N, <N or N (a whole number of messages) after \"messages:\" (messages:>10)".into(),
            "invited" => "expected me (they invited you) or them (you invited them) after \"invited:\"".into(),
            "endorsed" | "recommended" => format!("expected any, me (they did, for you) or them (you did, for them) after \"{field}:\""),
            "sort" => "expected connected, -connected, name, -name, company, -company, contact or -contact after \"sort:\"".into(),
            _ => {
                return Err(error(
                    atom,
                    format!(
                        "unknown filter {}; known: {KNOWN_FILTERS} (to search for the text itself, put it in quotes)",
                        // As typed: `self.at` is just past the colon.
                        shown(&self.text(atom, self.at))
                    ),
                ))
            }
        };
        let value_at = self.at;
        let value = match self.peek() {
            None => return Err(error(value_at, expected)),
            Some(c) if c.is_whitespace() => return Err(error(value_at, expected)),
            Some('"') => self.quoted()?,
            Some(_) => self.word()?,
        };
        let trimmed = value.trim();
        if trimmed.is_empty() {
            return Err(error(value_at, expected));
        }
        let not_this = || error(value_at, format!("{expected}, not {}", shown(trimmed)));
        let filter = match field {
            "name" | "company" | "title" => Filter::Text {
                field: match field {
                    "name" => TextField::Name,
                    "company" => TextField::Company,
                    _ => TextField::Title,
                },
                needle: Needle::new(trimmed).ok_or_else(not_this)?,
            },
            "before" | "after" | "sent-before" | "sent-after" => {
                let bound = self.bound(trimmed, value_at, not_this)?;
                match field {
                    "before" => Filter::ConnectedBefore(bound),
                    "after" => Filter::ConnectedOnOrAfter(bound),
                    "sent-before" => Filter::SentBefore(bound),
                    _ => Filter::SentOnOrAfter(bound),
                }
            }
            "is" => Filter::Is(match trimmed.to_ascii_lowercase().as_str() {
                "kept" => Flag::Kept,
                "queued" => Flag::Queued,
                "removed" => Flag::Removed,
                "gone" => Flag::Gone,
                "connection" => Flag::Connection,
                "following" => Flag::Following,
                "follower" => Flag::Follower,
                "invited" => Flag::Invited,
                _ => return Err(not_this()),
            }),
            "has" => match trimmed.to_ascii_lowercase().as_str() {
                "date" => Filter::HasDate,
                "headline" => Filter::HasHeadline,
                _ => return Err(not_this()),
            },
            "messaged" => {
                let lower = trimmed.to_ascii_lowercase();
                if lower == "never" {
                    Filter::MessagedNever
                } else if let Some((which, period)) = lower.split_once(':') {
                    // Where the period starts in the member's text.
                    let period_at =
                        value_at + value.find(':').map_or(0, |c| value[..c].chars().count()) + 1;
                    let date_expected = || {
                        error(
                            period_at,
                            format!("{EXPECTED_DATE} after \"messaged:{which}:\""),
                        )
                    };
                    if period.is_empty() {
                        return Err(date_expected());
                    }
                    let period = &trimmed[trimmed.len() - period.len()..];
                    let not_a_period = || {
                        error(
                            period_at,
                            format!(
                                "{EXPECTED_DATE} after \"messaged:{which}:\", not {}",
                                shown(period)
                            ),
                        )
                    };
                    match which {
                        "before" => {
                            Filter::MessagedBefore(self.bound(period, period_at, not_a_period)?)
                        }
                        "after" => Filter::MessagedOnOrAfter(self.bound(
                            period,
                            period_at,
                            not_a_period,
                        )?),
                        _ => return Err(not_this()),
                    }
                } else {
                    return Err(not_this());
                }
            }
            "messages" => {
                let (compare, digits) = match trimmed.chars().next() {
                    Some('>') => (Compare::Above, &trimmed[1..]),
                    Some('<') => (Compare::Below, &trimmed[1..]),
                    _ => (Compare::Exactly, trimmed),
                };
                if digits.is_empty()
                    || digits.len() > MAX_COUNT_DIGITS
                    || !digits.bytes().all(|b| b.is_ascii_digit())
                {
                    return Err(not_this());
                }
                Filter::Messages(compare, digits.parse().map_err(|_| not_this())?)
            }
            "invited" => Filter::Invited(match trimmed.to_ascii_lowercase().as_str() {
                "me" => InvitedBy::Them,
                "them" => InvitedBy::Member,
                _ => return Err(not_this()),
            }),
            "endorsed" | "recommended" => {
                let who = match trimmed.to_ascii_lowercase().as_str() {
                    "any" => Who::Any,
                    "me" => Who::Me,
                    "them" => Who::Them,
                    _ => return Err(not_this()),
                };
                if field == "endorsed" {
                    Filter::Endorsed(who)
                } else {
                    Filter::Recommended(who)
                }
            }
            _ => {
                let order = SortOrder::from_value(trimmed).ok_or_else(not_this)?;
                if negated {
                    return Err(error(
                        start,
                        "a sort: term cannot be negated; for the reverse order write sort:-connected, sort:-name, sort:-company or sort:-contact",
                    ));
                }
                return Ok(Token::Sort(order, start));
            }
        };
        Ok(Token::Filter(Term {
            negated,
            filter,
            position: start,
        }))
    }
}

impl Lexer {
    /// The first day of the period `value` (at `at`) names; `shape` is the
    /// error for a value that is no date or age at all.
    fn bound(
        &self,
        value: &str,
        at: usize,
        shape: impl FnOnce() -> QueryError,
    ) -> Result<DateBound, QueryError> {
        match period_start(value, self.today) {
            Ok(date) => Ok(DateBound::new(date)),
            Err(PeriodError::Shape) => Err(shape()),
            Err(PeriodError::NotARealDate) => Err(error(
                at,
                format!(
                    "{} is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD",
                    shown(value)
                ),
            )),
        }
    }
}

/// A count in `messages:` has at most this many digits: it fits a `u32`.
const MAX_COUNT_DIGITS: usize = 9;

/// The member's text, quoted and cut short, for an error message.
fn shown(text: &str) -> String {
    let mut cut: String = text.chars().take(MAX_QUOTED_CHARS).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    format!("{cut:?}")
}

enum PeriodError {
    Shape,
    NotARealDate,
}

/// The first day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or the day an age
/// (`5y`, `18m`, `30d`) counts back to from `today`.
fn period_start(value: &str, today: CivilDate) -> Result<CivilDate, PeriodError> {
    let all_digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let number = |s: &str| s.parse::<u32>().map_err(|_| PeriodError::Shape);
    if let Some(unit) = value.chars().last().filter(char::is_ascii_alphabetic) {
        let amount = &value[..value.len() - 1];
        if !all_digits(amount, 1..=MAX_AGE_DIGITS) {
            return Err(PeriodError::Shape);
        }
        let amount = number(amount)?;
        return match unit.to_ascii_lowercase() {
            'y' => Ok(today.months_before(amount * 12)),
            'm' => Ok(today.months_before(amount)),
            'd' => Ok(CivilDate::from_days(today.to_days() - i64::from(amount))),
            _ => Err(PeriodError::Shape),
        };
    }
    let mut parts = value.split('-');
    let year = parts.next().unwrap_or("");
    let month = parts.next();
    let day = parts.next();
    if parts.next().is_some()
        || !all_digits(year, 4..=4)
        || !month.is_none_or(|m| all_digits(m, 1..=2))
        || !day.is_none_or(|d| all_digits(d, 1..=2))
    {
        return Err(PeriodError::Shape);
    }
    let year = number(year)? as i32;
    let month = month.map_or(Ok(1), number)?;
    let day = day.map_or(Ok(1), number)?;
    let narrow = |n: u32| u8::try_from(n).map_err(|_| PeriodError::NotARealDate);
    CivilDate::new(year, narrow(month)?, narrow(day)?).ok_or(PeriodError::NotARealDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-21T12:00:00Z
    const NOW: TimeMs = 1_795_262_400_000;

    fn date(y: i32, m: u8, d: u8) -> CivilDate {
        CivilDate::new(y, m, d).unwrap()
    }

    fn only_term(query: &str) -> Term {
        let parsed = parse(query, NOW).unwrap();
        assert_eq!(parsed.clauses().len(), 1, "{query}");
        assert_eq!(parsed.clauses()[0].terms.len(), 1, "{query}");
        parsed.clauses()[0].terms[0].clone()
    }

    #[test]
    fn periods_start_on_their_first_day() {
        let today = date(2026, 11, 21);
        let start = |v: &str| period_start(v, today).ok();
        assert_eq!(start("2024"), Some(date(2024, 1, 1)));
        assert_eq!(start("2024-06"), Some(date(2024, 6, 1)));
        assert_eq!(start("2024-6"), Some(date(2024, 6, 1)));
        assert_eq!(start("2024-02-29"), Some(date(2024, 2, 29)));
        assert_eq!(start("5y"), Some(date(2021, 11, 21)));
        assert_eq!(start("18m"), Some(date(2025, 5, 21)));
        assert_eq!(start("30d"), Some(date(2026, 10, 22)));
        assert_eq!(start("0d"), Some(today));
        for bad in [
            "24",
            "20244",
            "2024-",
            "2024-1-2-3",
            "y",
            "5",
            "5w",
            "-5y",
            "99999d",
            "2024/06",
            "２０２４",
            "5ｙ",
        ] {
            assert!(
                matches!(period_start(bad, today), Err(PeriodError::Shape)),
                "{bad}"
            );
        }
        for unreal in [
            "2024-02-30",
            "2023-02-29",
            "2024-13",
            "2024-00",
            "2024-04-31",
        ] {
            assert!(
                matches!(period_start(unreal, today), Err(PeriodError::NotARealDate)),
                "{unreal}"
            );
        }
    }

    #[test]
    fn terms_carry_their_fields_and_positions() {
        let q = parse("  -company:\"Acme Corp\" OR title:CTO sort:-connected", NOW).unwrap();
        assert_eq!(q.sort(), SortOrder::ConnectedDescending);
        let terms = &q.clauses()[0].terms;
        assert_eq!(terms.len(), 2);
        assert!(terms[0].negated);
        assert_eq!(terms[0].position, 2);
        match &terms[0].filter {
            Filter::Text { field, needle } => {
                assert_eq!(*field, TextField::Company);
                assert_eq!(needle.as_str(), "acme corp");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(terms[1].position, 26);
        assert!(!terms[1].negated);
    }

    #[test]
    fn date_bounds_name_their_first_day() {
        match only_term("after:18m").filter {
            Filter::ConnectedOnOrAfter(bound) => assert_eq!(bound.date(), date(2025, 5, 21)),
            other => panic!("{other:?}"),
        }
    }
}
