// Starts the import worker (src/bin/import_worker/main.rs): the wasm-bindgen glue Trunk writes for
// it, then its module, read like the app's (scripts/post-build.mjs puts scripts/wasm-source.js
// in place of the line below). The worker says "ready" once it listens, or fails with an error
// event when its module cannot be had.
// @wasm-source
importScripts('./import_worker.js');
wasmSource('./import_worker_bg.wasm')
  .then((source) => wasm_bindgen({ module_or_path: source }))
  .catch((error) => {
    // A promise rejected in a worker never reaches the page, which would wait for "ready"
    // for ever; thrown in a task of its own, the error is the worker's `error` event, which
    // the page says.
    setTimeout(() => {
      throw error;
    });
  });
