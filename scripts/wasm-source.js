/** The bytes of a WebAssembly module from its gzip copy (PATH.gz, written by
 *  scripts/post-build.mjs in release builds), decompressed by the browser's DecompressionStream;
 *  else the plain file: when the browser cannot decompress, or the copy is missing, not gzip or
 *  damaged. A host that decodes .gz on the way hands over the module itself, used as it is. */
async function wasmSource(path) {
  if (typeof DecompressionStream === 'function') {
    try {
      const response = await fetch(`${path}.gz`);
      if (response.ok) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
          const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
          return await new Response(stream).arrayBuffer();
        }
        if (bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) return bytes;
      }
    } catch {
      // The plain file below.
    }
  }
  return fetch(path);
}
