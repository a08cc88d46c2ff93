//! Decompressing gzip with the browser's own `DecompressionStream`, so the app's WebAssembly
//! carries no decompressor. The bundled collections are also served gzipped (written by
//! `scripts/post-build.mjs`): the UCDP collection crosses the wire in about a fourteenth of its
//! size from a server that does not compress.
//!
//! `web-sys` still marks `DecompressionStream` unstable, so the three members used here are
//! declared below.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableWritablePair, Response, WritableStream};

#[wasm_bindgen]
extern "C" {
    /// The `DecompressionStream` of the Compression Streams standard.
    type DecompressionStream;

    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;

    #[wasm_bindgen(method, getter, structural)]
    fn readable(this: &DecompressionStream) -> ReadableStream;

    #[wasm_bindgen(method, getter, structural)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

/// Whether this browser has `DecompressionStream` (Chromium 80, Firefox 113, Safari 16.4).
pub fn supported() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("DecompressionStream"))
        .unwrap_or(false)
}

/// Whether `bytes` begin as a gzip stream does. A server may have decoded the file already
/// (one that labels `.gz` files `Content-Encoding: gzip`), and then they are the file itself.
pub fn is_gzip(bytes: &Uint8Array) -> bool {
    bytes.length() >= 2 && bytes.get_index(0) == 0x1f && bytes.get_index(1) == 0x8b
}

/// The decompressed bytes of the gzip stream `bytes`, in the browser's memory (not copied into
/// WebAssembly's); a message when they are not a whole, valid gzip stream.
pub async fn gunzip(bytes: &Uint8Array) -> Result<Uint8Array, String> {
    let decompress = DecompressionStream::new("gzip").map_err(describe)?;
    let pair = ReadableWritablePair::new(&decompress.readable(), &decompress.writable());
    let parts = Array::of1(bytes);
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(describe)?;
    let output = blob.stream().pipe_through(&pair);
    let response = Response::new_with_opt_readable_stream(Some(&output)).map_err(describe)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(Uint8Array::new(&buffer))
}

fn describe(error: JsValue) -> String {
    let text = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an unknown error".to_string());
    format!("the compressed copy is damaged and could not be decompressed ({text})")
}
