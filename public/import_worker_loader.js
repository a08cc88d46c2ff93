// Starts the import worker (src/bin/import_worker.rs): the wasm-bindgen glue Trunk writes for
// it, then its module. The worker says "ready" once it listens (src/core/import_message.rs).
importScripts('./import_worker.js');
wasm_bindgen({ module_or_path: './import_worker_bg.wasm' });
