// A minimal static file server for the browser tests: serves a folder on 127.0.0.1 with the
// right MIME types (wasm must be application/wasm) and no caching headers of its own, so the
// tests see exactly what the service worker and the app do.
//
// An unknown path is answered the way common hosts do, so that the tests can open wrong
// addresses (/deep/path?gov=idlib) as users would meet them:
//  - by default, like GitHub Pages: with the nearest 404.html, from the path's folder up to the
//    served folder (a project site at /sub/ has its own), and status 404; plain text if none;
//  - with --spa, like `trunk serve` and other hosts with an SPA fallback: with the served
//    folder's index.html and status 200, whatever the path (version.json and scripts included).
//
// With --validators it sends what common static hosts send (nginx, Apache, GitHub Pages,
// `python -m http.server`): Last-Modified, and 304 Not Modified to a request whose
// If-Modified-Since is not older than the file; with `Cache-Control: no-cache`, so a cached copy
// is always revalidated. The load benchmark uses it to count what a first visit downloads
// where the service worker's second fetch of a file is a revalidation, as on real hosts.
//
// With --gzip-encoding it serves a .gz file as Apache's `AddEncoding gzip .gz` does: with
// `Content-Encoding: gzip`, so the browser decodes it on the way and the page gets the file
// inside.
//
// Usage: node static-server.mjs DIR PORT [--spa] [--validators] [--gzip-encoding]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);
const spa = process.argv.includes('--spa');
const validators = process.argv.includes('--validators');
const gzipEncoding = process.argv.includes('--gzip-encoding');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.geojson': 'application/geo+json',
};

/** The nearest 404.html from `file`'s folder up to the served folder, or null. */
async function notFoundPage(file) {
  for (let folder = dirname(file); folder.startsWith(root); folder = dirname(folder)) {
    const page = await readFile(join(folder, '404.html')).catch(() => null);
    if (page) return page;
    if (folder === root) break;
  }
  return null;
}

createServer(async (request, response) => {
  try {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => null);
    if (body && validators) {
      const modified = new Date(Math.floor((await stat(file)).mtimeMs / 1000) * 1000);
      const since = Date.parse(request.headers['if-modified-since'] ?? '');
      const headers = { 'last-modified': modified.toUTCString(), 'cache-control': 'no-cache' };
      if (!Number.isNaN(since) && modified.getTime() <= since) {
        response.writeHead(304, headers).end();
      } else {
        response.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      }
    } else if (body && gzipEncoding && file.endsWith('.gz')) {
      response.writeHead(200, { 'content-type': types[extname(file.slice(0, -3))] ?? 'application/octet-stream', 'content-encoding': 'gzip' });
      response.end(body);
    } else if (body) {
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } else if (spa) {
      response.writeHead(200, { 'content-type': types['.html'] }).end(await readFile(join(root, 'index.html')));
    } else {
      const page = await notFoundPage(file);
      response.writeHead(404, { 'content-type': page ? types['.html'] : 'text/plain' }).end(page ?? 'not found');
    }
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
