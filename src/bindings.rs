//! The wasm-bindgen facade: the only file that knows about JavaScript.
//!
//! It converts at the edge (serde-wasm-bindgen with the JSON-compatible
//! serializer, so what it returns can go straight into extension storage) and
//! turns every core error into a JavaScript `Error` named `NetpruneError`
//! whose message a member can read. It holds no logic of its own and never
//! panics on input: bad input is an exception, not an abort of the module.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::calendar::TimeMs;
use crate::model::{Goal, Network};
use crate::reading::PageReading;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn error(message: impl std::fmt::Display) -> JsValue {
    let e = js_sys::Error::new(&message.to_string());
    e.set_name("NetpruneError");
    e.into()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            error(format!(
                "internal: could not convert a result for JavaScript: {e}"
            ))
        })
}

fn time(now_ms: f64) -> Result<TimeMs, JsValue> {
    // 0 to year 275760, the range of a JavaScript Date.
    if now_ms.is_finite() && (0.0..=8.64e15).contains(&now_ms) {
        Ok(now_ms as TimeMs)
    } else {
        Err(error(format!(
            "nowMs must be epoch milliseconds, got {now_ms}"
        )))
    }
}

/// The member's network, held in the background.
#[wasm_bindgen]
pub struct Core {
    network: Network,
}

#[wasm_bindgen]
impl Core {
    /// An empty network, for a first run.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Core {
        Core {
            network: Network::default(),
        }
    }

    /// Restores a network from what `toStored()` returned earlier. Throws a
    /// `NetpruneError` naming what is wrong when the value cannot be read;
    /// the caller keeps the value aside rather than dropping it.
    pub fn restore(stored: JsValue) -> Result<Core, JsValue> {
        let network: Network = serde_wasm_bindgen::from_value(stored)
            .map_err(|e| error(format!("saved network data unreadable: {e}")))?;
        let network = network.validated().map_err(error)?;
        Ok(Core { network })
    }

    /// Merges a page reading from the content script, taken at `nowMs`, and
    /// answers what it changed (`{ added, updated, figures, skipped }`).
    pub fn ingest(&mut self, reading: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let reading: PageReading = serde_wasm_bindgen::from_value(reading).map_err(|e| {
            error(format!(
                "page reading refused: it is not shaped as expected ({e})"
            ))
        })?;
        let report = self.network.ingest(reading, now).map_err(error)?;
        to_js(&report)
    }

    /// Everything the popup shows (docs/ARCHITECTURE.md, "Summary").
    pub fn summary(&self, now_ms: f64) -> Result<JsValue, JsValue> {
        to_js(&self.network.summary(time(now_ms)?))
    }

    /// Sets the follower:connection goal by its id ("consultant", ...).
    #[wasm_bindgen(js_name = setGoal)]
    pub fn set_goal(&mut self, goal: &str) -> Result<(), JsValue> {
        self.network.set_goal(Goal::from_id(goal).map_err(error)?);
        Ok(())
    }

    /// The whole network as a plain, JSON-compatible value for storage.
    #[wasm_bindgen(js_name = toStored)]
    pub fn to_stored(&self) -> Result<JsValue, JsValue> {
        to_js(&self.network)
    }

    /// How many people the network holds.
    #[wasm_bindgen(getter, js_name = peopleCount)]
    pub fn people_count(&self) -> u32 {
        self.network.people.len() as u32
    }
}
