#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml, [[hooks]] stage = "post_build"): finishes a build folder
// for offline use and for a strict Content-Security-Policy.
//
//   0. Puts scripts/recover.js, the recovery from a wrong address such as /deep/path?gov=idlib,
//      into the <script data-recover> element of index.html and of 404.html, replacing whatever
//      it held. One source for both pages, inline because a script file would be loaded by a
//      relative URL, which is what breaks at such an address.
//   1. Release builds only: hashes the inline scripts of each page (in index.html, the
//      <script type="module"> loader that Trunk writes and the recovery script; in 404.html, the
//      recovery script) and inserts, as the first element after <meta charset>, a
//      <meta http-equiv="Content-Security-Policy"> that allows exactly those scripts (by their
//      SHA-256), the app's own files and WebAssembly compilation, and nothing from elsewhere.
//      Debug builds (`trunk serve`) get no policy: the dev server injects its own inline
//      live-reload script.
//   0b. Has the app's WebAssembly module and the import worker's read from their gzip copies:
//      puts scripts/wasm-source.js into Trunk's loader in index.html (and drops Trunk's preload
//      of the plain module) and in place of `// @wasm-source` in import_worker_loader.js.
//   2. Writes a gzip copy of each collection file (data/NAME.json.gz beside data/NAME.json) and
//      of the gazetteer of Arabic place names (gazetteer/place-names.json.gz): the
//      app fetches these and decompresses them with the browser's DecompressionStream, so a
//      first visit downloads the UCDP collection in about 1.7 MB rather than 24 MB from a server
//      that does not compress. The .json stays for browsers without DecompressionStream and for
//      readers who want the file. Release builds get the same for each WebAssembly module
//      (NAME_bg.wasm.gz), about a third of its size.
//      A collection's gzip copy holds the same collection in pieces, as the import worker
//      writes it (src/core/validate/steps.rs): its header with no events on the first line,
//      then lines of 1,000 events, each event's bytes exactly as in the .json. The app copies
//      one line at a time into its WebAssembly memory, which never shrinks, instead of the
//      whole 24 MB file beside the records read from it.
//   3. Hashes every file of the folder (except sw.js and version.json) with SHA-256; the
//      version is the first 16 hex digits of the SHA-256 of the list "<sha256>  <path>\n"
//      sorted by path (the output format of `sha256sum`).
//   4. Writes version.json ({ version, files, bytes }) and fills the precache block of sw.js
//      with the version and every file's path and SHA-256 (version.json included), leaving out a
//      collection's .json when its .json.gz is there (the app reads that one): the .gz entry
//      names it as `plain`, for browsers that cannot decompress, and gives as `decoded` the
//      SHA-256 of what it decompresses to (the collection in pieces), which a host that
//      decodes .gz on the way delivers.
//
// Usage: node scripts/post-build.mjs [FOLDER]
// FOLDER defaults to $TRUNK_STAGING_DIR (set by Trunk); $TRUNK_PROFILE ("release" or "debug")
// defaults to release. Running it again on a finished folder gives the same result, so a folder
// whose files were changed after the build can be brought up to date with it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const folder = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!folder) {
  console.error('usage: node scripts/post-build.mjs FOLDER (or run by Trunk, which sets TRUNK_STAGING_DIR)');
  process.exit(2);
}
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

/** The pages that carry the recovery script and, in release builds, a policy. */
const PAGES = ['index.html', '404.html'];

/** Files that hold the version and so cannot be part of it. */
const GENERATED = new Set(['sw.js', 'version.json']);

const sha256 = (bytes, encoding = 'hex') => createHash('sha256').update(bytes).digest(encoding);

/**
 * The policy. 'unsafe-inline' appears for styles only, for style *attributes*: Leptos sets
 * `style="..."` with setAttribute (chart hit areas, the timeline brush, aspect ratios, legend
 * swatches), which a policy without it blocks. style-src-elem still forbids inline <style>
 * elements in browsers that know it; style-src is the fallback for those that do not.
 */
function policy(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "style-src-elem 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const CSP_META = /[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi;

/** The recovery script, checked to be safe to put between <script> and </script>. */
function recoveryScript() {
  const code = readFileSync(fileURLToPath(new URL('recover.js', import.meta.url)), 'utf8');
  if (/<\/script|<!--/i.test(code)) throw new Error('scripts/recover.js must not contain "</script" or "<!--"');
  return code;
}

/** `html` (the page `name`) with `code` as the text of its one <script data-recover> element. */
function withRecovery(name, html, code) {
  const element = /(<script data-recover\b[^>]*>)[\s\S]*?(<\/script>)/gi;
  const found = html.match(element)?.length ?? 0;
  if (found !== 1) throw new Error(`${name} has ${found} <script data-recover> elements, not one`);
  return html.replace(element, (_, open, close) => `${open}${code}${close}`);
}

/** `html` (the page `name`) with its policy (re)computed from the inline scripts it holds. */
function withPolicy(name, html) {
  html = html.replace(CSP_META, '');
  const hashes = [];
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.push(sha256(Buffer.from(text, 'utf8'), 'base64'));
  }
  if (hashes.length === 0) throw new Error(`${name} has no inline script to allow`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}" />`;
  const charset = html.match(/<meta charset[^>]*>\n?/i);
  if (!charset) throw new Error(`${name} has no <meta charset>: nowhere to put the policy before the scripts`);
  const at = charset.index + charset[0].length;
  const indent = html.slice(html.lastIndexOf('\n', charset.index) + 1, charset.index);
  return `${html.slice(0, at)}${indent}${meta}\n${html.slice(at)}`;
}

/** The import worker's loader (public/import_worker_loader.js). */
const WORKER_LOADER = 'import_worker_loader.js';

/**
 * `html` with Trunk's loader reading the app's module through `wasmSource` (the gzip copy) and
 * without Trunk's preload of the plain module, which would download it as well. Unchanged when
 * done already.
 */
function withWasmSource(html, code) {
  html = html.replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/g, '');
  if (html.includes('async function wasmSource(')) return html;
  const call = /init\(\{ module_or_path: ('[^']+_bg\.wasm') \}\)/;
  if (!call.test(html)) throw new Error("index.html: Trunk's loader no longer reads `init({ module_or_path: '..._bg.wasm' })`");
  return html
    .replace(call, (_, path) => `init({ module_or_path: await wasmSource(${path}) })`)
    .replace(/(<script type="module">[\s\S]*?)(<\/script>)/, (_, script, close) => `${script}${code}${close}`);
}

/** Every file under `dir`, as sorted '/'-separated paths relative to it (dot files skipped). */
function listFiles(dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

// 0b. The WebAssembly modules read from their gzip copies (index.html's loader and the import
// worker's), before the policy hashes the loader.
const wasmSource = readFileSync(fileURLToPath(new URL('wasm-source.js', import.meta.url)), 'utf8');
{
  const path = join(folder, 'index.html');
  writeFileSync(path, withWasmSource(readFileSync(path, 'utf8'), wasmSource));
  const worker = join(folder, WORKER_LOADER);
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(/^\/\/ @wasm-source$/m, wasmSource.trim()));
}

// 0. The recovery script and 1. the policy, in each page.
const recovery = recoveryScript();
for (const name of PAGES) {
  const path = join(folder, name);
  const html = withRecovery(name, readFileSync(path, 'utf8'), recovery);
  writeFileSync(path, release ? withPolicy(name, html) : html);
}
if (!release) {
  console.log('post-build: debug build, no Content-Security-Policy (the dev server injects an inline script)');
}

// 2. The gzip copies of the collections and, in release builds, of the WebAssembly modules.
// A collection's copy holds the collection in pieces (see inPieces) when it can be laid out so.
const packable = (p) => /^(data|gazetteer)\/[^/]+\.json$/.test(p) || (release && /^[^/]+_bg\.wasm$/.test(p));
// The SHA-256 of what a copy decompresses to, by the copy's path, where that is not its plain
// file (a collection in pieces), for the precache list.
const decodedOf = new Map();
for (const path of listFiles(folder).filter(packable)) {
  const bytes = readFileSync(join(folder, path));
  const content = path.startsWith('data/') ? inPieces(bytes) ?? bytes : bytes;
  if (content !== bytes) decodedOf.set(`${path}.gz`, sha256(content));
  const packed = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(join(folder, `${path}.gz`), packed);
}

// 3. The version.
const all = listFiles(folder);
const entries = all
  .filter((path) => !GENERATED.has(path))
  .map((path) => {
    const bytes = readFileSync(join(folder, path));
    return { path, sha256: sha256(bytes), size: bytes.length };
  });
if (!entries.some((e) => e.path === 'index.html')) throw new Error(`${folder} has no index.html`);
const version = sha256(entries.map((e) => `${e.sha256}  ${e.path}\n`).join('')).slice(0, 16);

// 4. version.json and the worker's precache list (a collection read from its .gz, not its .json).
const read = entries.filter(({ path }) => !all.includes(`${path}.gz`));
const bytes = read.reduce((sum, e) => sum + e.size, 0);
const versionJson = `${JSON.stringify({ version, files: read.length, bytes })}\n`;
writeFileSync(join(folder, 'version.json'), versionJson);
const byPath = new Map(entries.map((e) => [e.path, e]));
const precache = [
  ...read.map(({ path, sha256: hash }) => {
    const plain = /\.(json|wasm)\.gz$/.test(path) ? byPath.get(path.slice(0, -'.gz'.length)) : undefined;
    if (!plain) return { path, sha256: hash };
    // A collection's copy decodes to the collection in pieces, not to its plain file's bytes.
    const decoded = decodedOf.get(path);
    return decoded === undefined
      ? { path, sha256: hash, plain: { path: plain.path, sha256: plain.sha256 } }
      : { path, sha256: hash, decoded, plain: { path: plain.path, sha256: plain.sha256 } };
  }),
  { path: 'version.json', sha256: sha256(Buffer.from(versionJson)) },
];
const swPath = join(folder, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
const block = /(\/\/ @precache-begin[^\n]*\n)[\s\S]*?(\/\/ @precache-end)/;
if (!block.test(sw)) throw new Error('sw.js has no "// @precache-begin ... // @precache-end" block');
const list = precache.map((e) => `  ${JSON.stringify(e)},`).join('\n');
writeFileSync(
  swPath,
  sw.replace(block, (_, begin, end) => `${begin}const VERSION = '${version}';\nconst PRECACHE = [\n${list}\n];\n${end}`),
);

console.log(`post-build: version ${version}, ${precache.length} files precached (${(bytes / 1e6).toFixed(1)} MB)${release ? ', policies inserted' : ''}`);

/**
 * `bytes`, a collection file as the dataset tool writes it (one line of compact JSON), as the
 * same collection in pieces: the header with `"events":[]` on the first line, then the events
 * in lines of EVENTS_PER_PIECE, each event's bytes cut out of the file unchanged. Null when the
 * file is not laid out so (a hand-written, pretty-printed file), which is then copied as it is.
 * The result is checked: every line parses, and the events parsed from the lines are the
 * file's events.
 */
function inPieces(bytes) {
  const EVENTS_PER_PIECE = 1000;
  const text = bytes.toString('utf8').replace(/\n$/, '');
  if (text.includes('\n')) return null;
  const key = '"events":[';
  const start = topLevelKey(text, key);
  if (start < 0) return null;
  // The events: each one's [begin, end) in the text, found by depth, outside strings.
  const events = [];
  let depth = 0;
  let begin = -1;
  let end = -1;
  scanStructure(text, start + key.length, (i, c) => {
    if (c === '{' || c === '[') {
      if (depth === 0) begin = i;
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) {
        end = i;
        return true;
      }
      depth--;
      if (depth === 0) events.push([begin, i + 1]);
    }
    return false;
  });
  if (end < 0) return null;
  const header = `${text.slice(0, start)}"events":[]${text.slice(end + 1)}`;
  const lines = [header];
  for (let at = 0; at < events.length; at += EVENTS_PER_PIECE) {
    lines.push(`[${events.slice(at, at + EVENTS_PER_PIECE).map(([a, b]) => text.slice(a, b)).join(',')}]`);
  }
  const pieces = `${lines.join('\n')}\n`;
  // Checked against the file itself, so a layout this function misreads is never shipped.
  const whole = JSON.parse(text);
  const parsed = lines.map((line) => JSON.parse(line));
  const again = { ...parsed[0], events: parsed.slice(1).flat() };
  if (JSON.stringify(again) !== JSON.stringify(whole)) {
    throw new Error('post-build: a collection in pieces differs from its file');
  }
  return Buffer.from(pieces, 'utf8');
}

/** Where `key` (`"name":` and the value's first character) begins at the top level of the
 * compact JSON object `text`, or -1. */
function topLevelKey(text, key) {
  let depth = 0;
  let found = -1;
  scanStructure(text, 0, (i, c) => {
    if (c === '"' && depth === 1 && text.startsWith(key, i)) {
      found = i;
      return true;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    return false;
  });
  return found;
}

/** Calls `visit(i, c)` with each character of the JSON `text` from `from` on that is outside a
 * string, in order, until it returns true: a string's opening quote is visited, its content
 * and closing quote are not. */
function scanStructure(text, from, visit) {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (visit(i, c)) return;
    if (c !== '"') continue;
    for (i++; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
    }
  }
}
