// Shared helpers for the browser tests: reading the bundled dataset files the way the app does,
// collecting console errors, saving screenshots as test artifacts (never committed), and
// deploying a copy of the build on a server of the test's own, which it can take away.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function dataset(name) {
  return JSON.parse(readFileSync(`dist/data/${name}.json`, 'utf8'));
}

export function allEvents() {
  return ['curated', 'ucdp'].flatMap((name) => dataset(name).events);
}

/** Records console errors and page errors; call .check() at the end of a test. */
export function watchConsole(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export async function screenshot(page, name) {
  mkdirSync('e2e/artifacts', { recursive: true });
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

export function groupThousands(n) {
  return n.toLocaleString('en-US');
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text) {
  const records = [];
  let field = '';
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n') { record.push(field.replace(/\r$/, '')); records.push(record); record = []; field = ''; }
    else field += c;
  }
  return records;
}

/** A port nobody listens on now. */
export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A copy of dist/ in a temporary folder, served on its own port by e2e/static-server.mjs;
 * stop() takes the server away. `under` puts the copy in a sub-folder ('sub/': the app lives at
 * /sub/), `spa` serves with an SPA fallback (--spa), `gzipEncoding` labels .gz files as an
 * encoding (--gzip-encoding) and `without` leaves out files of the build.
 * `dir` is the copy, `url` the app's address, `origin` the server's root.
 */
export async function deployment({ under = '', spa = false, gzipEncoding = false, without = [] } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'explorer-site-'));
  const dir = join(root, under);
  cpSync('dist', dir, { recursive: true });
  for (const file of without) rmSync(join(dir, file));
  const port = await freePort();
  const flags = [...(spa ? ['--spa'] : []), ...(gzipEncoding ? ['--gzip-encoding'] : [])];
  const server = spawn(process.execPath, ['e2e/static-server.mjs', root, String(port), ...flags], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(server.stdout, 'data'); // "serving ... on ..."
  const origin = `http://127.0.0.1:${port}/`;
  return {
    dir,
    origin,
    url: `${origin}${under}`,
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill();
        await once(server, 'exit');
      }
    },
    async remove() {
      await this.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The ids of the collections kept on this device (the page's private file storage), in the
 * order they were opened; empty while the index is being written. */
export function keptIds(page) {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('own-files').catch(() => null);
    if (!folder) return [];
    // The index may be caught empty while it is written.
    const index = await folder.getFileHandle('index.json').then((h) => h.getFile()).then((f) => f.text()).catch(() => '');
    try {
      return JSON.parse(index).map((kept) => kept.collection_id);
    } catch {
      return [];
    }
  });
}
