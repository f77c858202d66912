//! Case and accent folding (interim).

/// Lower-cases.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}
