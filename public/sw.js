// The service worker: keeps a complete copy of the app (page, script, wasm, stylesheet, icons,
// manifest and both datasets) so that, after one online visit, the explorer works with no
// network at all: every view, every filter, every link to a filtered view.
//
// One cache per build. The post-build hook (scripts/post-build.mjs) writes the block between the
// markers below: VERSION, the first 16 hex digits of a SHA-256 over every precached file, and
// PRECACHE, each file's path (relative to this worker's scope) with its own SHA-256. A new build
// therefore gives a byte-different sw.js, which is what makes the browser install it. A
// collection's gzip copy (data/NAME.json.gz) carries its plain file as `plain`: a browser
// without DecompressionStream reads the plain file, so that is what its worker stores, and a
// host that decodes .gz on the way delivers what the copy decodes to (`decoded`: for a
// collection, the same collection in pieces; else the plain file's bytes), accepted for it.
//
// Life cycle:
//  install  - stores every file in the cache named for VERSION. A file identical to one in the
//             previous version's cache is copied from there, the rest comes from the network;
//             each is checked against its SHA-256, so a half-finished deployment (new sw.js, old
//             data) fails the install instead of mixing versions; the browser retries at the
//             next update check, keeping what was already stored. No skipWaiting here: an open
//             page keeps its version until its user clicks "Reload".
//  message  - "skip-waiting", sent by that "Reload" button, activates the waiting version.
//  activate - deletes this app's caches of other versions, then claims the open pages, so the
//             first visit is controlled without a reload.
//  fetch    - cache-first from this version's cache only, so the app and its data always come
//             from the same build: a precached file (whatever the query string) and the scope
//             root are answered from the cache. A navigation to any other address under the
//             scope (a link mangled by a chat app, a mistyped path: /deep/path?gov=idlib) is
//             redirected to the scope root with the same query string, which holds the view:
//             index.html served at /deep/path would resolve its relative asset URLs under
//             /deep/ and show a blank page. Everything else goes to the network untouched.

// @precache-begin (written by scripts/post-build.mjs; do not edit by hand)
const VERSION = 'unbuilt';
const PRECACHE = [];
// @precache-end

const SCOPE = new URL(self.registration.scope);
// The scope is part of the name, so two deployments on one origin keep apart.
const CACHE_PREFIX = `incident-explorer:${SCOPE.pathname}:`;
const CACHE = CACHE_PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;

/** Absolute address (no query, no fragment) of each precached file → its entry. */
/** The files this browser reads: a collection's plain file where it cannot decompress. */
const CHOSEN = PRECACHE.map((entry) => (entry.plain && !('DecompressionStream' in self) ? entry.plain : entry));
const ENTRIES = new Map(CHOSEN.map((entry) => [new URL(entry.path, SCOPE).href, entry]));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  url.search = '';
  url.hash = '';
  const key = url.href === SCOPE.href ? INDEX : url.href;
  if (ENTRIES.has(key)) {
    event.respondWith(fromCache(key, request));
  } else if (request.mode === 'navigate' && key.startsWith(SCOPE.href)) {
    // Any address of the app opens the app, at its own address so that relative URLs resolve:
    // the view lives in the query string. Browsers rarely pass the fragment to the worker, and
    // keep the original one across a redirect that has none.
    const target = new URL(SCOPE);
    const original = new URL(request.url);
    target.search = original.search;
    target.hash = original.hash;
    event.respondWith(Response.redirect(target.href, 302));
  }
});

/** The stored copy of `key`; the network only if the browser has evicted it. */
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const stored = await cache.match(key);
  return stored ?? fetch(request);
}

/** Stores every file of this version, verified, in CACHE. */
async function precache() {
  const cache = await caches.open(CACHE);
  const older = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
  // One file at a time: on a slow link, parallel downloads only make each slower.
  for (const entry of CHOSEN) {
    const url = new URL(entry.path, SCOPE).href;
    if (await cache.match(url)) continue; // Stored (and verified) by an interrupted attempt.
    const response = (await fromOlderCache(older, url, entry)) ?? (await fromNetwork(url, entry));
    await cache.put(url, response);
  }
  // Another version's activation may have deleted this cache meanwhile: check it is whole.
  const check = await caches.open(CACHE);
  for (const entry of CHOSEN) {
    if (!(await check.match(new URL(entry.path, SCOPE).href))) throw new Error(`${entry.path} was not stored`);
  }
}

/** The same file from a previous version's cache, if its bytes are identical. */
async function fromOlderCache(names, url, entry) {
  for (const name of names) {
    const stored = await (await caches.open(name)).match(url);
    if (!stored) continue;
    const bytes = await stored.arrayBuffer();
    if (accepts(entry, await sha256(bytes))) return storedResponse(bytes, stored);
  }
  return null;
}

/**
 * The file from the network, checked against its hash. The browser's HTTP cache is tried first
 * (on a first visit the page has just downloaded the datasets); if that copy is not this
 * version's, the file is downloaded again past the HTTP cache. Throws unless it matches.
 */
async function fromNetwork(url, entry) {
  let problem = '';
  for (const mode of ['default', 'reload']) {
    const response = await fetch(url, { cache: mode });
    if (!response.ok) {
      problem = `${response.status} ${response.statusText}`;
      continue;
    }
    const bytes = await response.arrayBuffer();
    if (accepts(entry, await sha256(bytes))) return storedResponse(bytes, response);
    problem = `not the file of version ${VERSION} (deployment in progress?)`;
  }
  throw new Error(`${entry.path}: ${problem}`);
}

/** Whether bytes with this hash are `entry`: its own, or for a gzip copy what it decodes to
 *  (a host that labels .gz as an encoding has the browser decode it on the way): the plain
 *  file's bytes, or for a collection the same collection in pieces (`decoded`). */
function accepts(entry, hash) {
  return hash === entry.sha256 || hash === (entry.decoded ?? entry.plain?.sha256);
}

/** A response to store: the bytes and their content type (application/wasm matters). */
function storedResponse(bytes, from) {
  const headers = { 'content-type': from.headers.get('content-type') ?? 'application/octet-stream' };
  return new Response(bytes, { status: 200, headers });
}

async function sha256(bytes) {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
