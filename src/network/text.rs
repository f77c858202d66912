//! Text as the core keeps it: trimmed, whitespace collapsed, invisible
//! characters dropped, bounded in length. Every name, headline and label
//! read from a page or a file goes through [`clean_text`] once.

/// Trims text, collapses runs of whitespace to one space, and drops control
/// and invisible formatting characters that only confuse display and search.
/// Everything else (HTML, quotes, emoji, right-to-left script) is kept as text.
pub fn clean_text(text: &str, max_chars: usize) -> String {
    let collapsed = collapse_whitespace(text);
    let mut out: String = collapsed
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{200b}' | '\u{feff}'))
        .take(max_chars)
        .collect();
    out.truncate(out.trim_end().len());
    out
}

pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
