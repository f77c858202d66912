//! The web adapter: what the core must not touch, taken from the browser.
//!
//! The core is sans-IO (it never reads a clock, a timer or an entropy
//! source) and [`crate::bindings`] only converts at the JavaScript edge; this
//! module owns the browser itself, as Ruffle's and Bitwarden's web crates do
//! beside their bindings. Compiled for `wasm32` alone.
//!
//! - **Entropy** ([`random_seed`]): the pacing generator's seed comes from
//!   `crypto.getRandomValues` (web-sys), taken from whatever global the
//!   module runs in (the background's service worker or event page, a page,
//!   node), so no JavaScript picks it. `Core.seedQueue(high, low)` stays for
//!   tests that need a known seed.
//! - **Short waits** ([`sleep_ms`], `sleepMs(ms)` in JavaScript): the
//!   background's waits shorter than the alarm minimum (30 s) while the
//!   worker is awake run on a gloo-timers future handed out as a Promise;
//!   alarms stay for the long ones, since they survive the worker stopping.
//!   A Promise rather than a timer handle: a handle would have to be freed
//!   by the JavaScript that holds it (dropping a gloo `Timeout` cancels it,
//!   and freeing it from inside its own callback is not allowed), while a
//!   Promise needs nothing back; the background drops a stale wake by
//!   checking it is still the latest one it asked for, which is all the
//!   cancelling it ever needed. The future (gloo-timers' "futures" feature)
//!   rather than a forgotten callback `Timeout`: the future frees its
//!   callback when it completes, a forgotten one leaks a little per wait,
//!   and the background waits often (a save a second while collecting).
//!   It costs about 5 KB of wasm more than the callback would.

use wasm_bindgen::prelude::*;

/// The longest wait [`sleep_ms`] takes: the alarm minimum. Anything longer
/// belongs to `alarms`, which survive the worker being stopped.
pub const SHORT_WAIT_CEILING_MS: u32 = 30_000;

/// Eight bytes from the browser's cryptographic random source, as a seed,
/// or an error when the global has no `crypto` (no browser, worker or node
/// netprune runs in lacks it).
pub fn random_seed() -> Result<u64, JsValue> {
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())?;
    if !crypto.is_object() {
        return Err(js_sys::Error::new("this browser offers no crypto.getRandomValues").into());
    }
    let mut bytes = [0u8; 8];
    crypto
        .unchecked_into::<web_sys::Crypto>()
        .get_random_values_with_u8_array(&mut bytes)?;
    Ok(u64::from_le_bytes(bytes))
}

/// A Promise that resolves after `ms` milliseconds (a gloo-timers timeout),
/// for the background's waits shorter than the alarm minimum. Rejects a
/// wait that is not a number of milliseconds from 0 to 30,000.
#[wasm_bindgen(js_name = sleepMs)]
pub fn sleep_ms(ms: f64) -> Result<js_sys::Promise, JsValue> {
    if !(ms.is_finite() && (0.0..=f64::from(SHORT_WAIT_CEILING_MS)).contains(&ms)) {
        return Err(js_sys::Error::new(&format!(
            "sleepMs takes 0 to {SHORT_WAIT_CEILING_MS} ms; longer waits are alarms"
        ))
        .into());
    }
    let ms = ms.round() as u32;
    Ok(wasm_bindgen_futures::future_to_promise(async move {
        gloo_timers::future::TimeoutFuture::new(ms).await;
        Ok(JsValue::UNDEFINED)
    }))
}
