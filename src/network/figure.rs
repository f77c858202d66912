//! A figure as LinkedIn showed it ("1,234", "3.4K", "500+"), with the range
//! of true values it allows. [`crate::intake::reading`] parses the text;
//! the network keeps the figures.

use serde::{Deserialize, Serialize};

/// How exact a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// Every digit shown ("1,234").
    Exact,
    /// Abbreviated ("3.4K"): the true figure is within half a unit.
    Approximate,
    /// A floor ("500+").
    AtLeast,
}

/// A figure as LinkedIn showed it, with the range of true values it allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The figure: 1234 for "1,234", 3400 for "3.4K", 500 for "500+".
    pub value: u64,
    /// How exact it is.
    pub precision: Precision,
    /// The token exactly as shown, for display.
    pub shown: String,
    /// The smallest true value the token allows.
    pub low: u64,
    /// The largest, or `None` when unbounded ("500+").
    pub high: Option<u64>,
}
