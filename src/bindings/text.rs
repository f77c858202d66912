//! A JavaScript string as UTF-8 without the glue's triple-size copy.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The platform's UTF-8 encoder (pages, workers and node all have one).
    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    /// Encodes as much of `source` as fits into `destination`.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, destination: &mut [u8]) -> Encoded;

    /// What `encodeInto` answers.
    type Encoded;

    /// UTF-16 code units of the source read.
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;

    /// Bytes written.
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// A JavaScript string as UTF-8, or None when the value is not a string.
///
/// A stored network is a string of several megabytes. Taken as `&str`, the
/// glue copies it into a buffer three times its length and then encodes a
/// slice of it; encoding the whole string straight into a buffer about its
/// size takes half the time (a fifth of restoring 30,000 people). Lone
/// surrogates become U+FFFD, as with `&str`.
pub(super) fn utf8_of(text: &JsString) -> Option<String> {
    if !text.is_string() {
        return None;
    }
    let units = text.length() as usize;
    // Mostly ASCII (JSON's punctuation and keys, dates, most names), so
    // one call usually encodes it all.
    let mut bytes = vec![0u8; units + units / 4 + 8];
    let encoder = TextEncoder::new();
    let (mut read, mut written) = (0, 0);
    let mut rest = text.clone();
    loop {
        let done = encoder.encode_into(&rest, bytes.get_mut(written..)?);
        read += done.read() as usize;
        written += done.written() as usize;
        if read >= units {
            break;
        }
        if done.read() == 0 && bytes.len() - written >= 4 {
            // No progress with room for any character: not a string after all.
            return None;
        }
        // What is left fits in three bytes per code unit.
        bytes.resize(written + (units - read) * 3, 0);
        rest = text.substring(read as u32, units as u32);
    }
    bytes.truncate(written);
    String::from_utf8(bytes).ok()
}
