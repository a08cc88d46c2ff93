// What a first visit downloads: each collection as its gzip copy (written by the post-build
// step), decompressed in the page by the browser's DecompressionStream, with the plain file as
// the fallback. Also the servers that answer otherwise: no .gz deployed, a .gz decoded on the
// way (a server that labels .gz as an encoding), a broken .gz.
import { test, expect } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { allEvents, deployment, groupThousands, watchConsole } from './helpers.mjs';

const events = allEvents();
// page.route does not see a service worker's requests: block the worker.
test.use({ serviceWorkers: 'block' });

async function expectAllEvents(page) {
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(events.length), { timeout: 30_000 });
}

test('a first visit downloads the gzip copies of the collections, not the plain files', async ({ page }) => {
  const errors = watchConsole(page);
  const data = [];
  page.on('requestfinished', async (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/data/')) data.push({ path, size: (await request.sizes()).responseBodySize });
  });
  await page.goto('./');
  await expectAllEvents(page);
  await expect.poll(() => data.length).toBe(2);
  expect(data.map((d) => d.path).sort()).toEqual(['/data/curated.json.gz', '/data/ucdp.json.gz']);
  for (const { path, size } of data) {
    // What crossed the wire is the .gz on disk (and the chunked encoding's few bytes of
    // framing), a fraction of the file it holds.
    expect(size).toBeGreaterThanOrEqual(statSync(`dist${path}`).size);
    expect(size).toBeLessThan(statSync(`dist${path}`).size + 64);
    expect(size * 5).toBeLessThan(statSync(`dist${path.replace(/\.gz$/, '')}`).size);
  }
  expect(errors).toEqual([]);
});

test('the WebAssembly modules come as gzip copies too, with the plain module as the fallback', async ({ page }) => {
  const errors = watchConsole(page);
  const wasm = [];
  page.on('requestfinished', async (request) => {
    const path = new URL(request.url()).pathname;
    if (/\.wasm(\.gz)?$/.test(path)) wasm.push({ path, size: (await request.sizes()).responseBodySize });
  });
  await page.goto('./');
  await expectAllEvents(page);
  expect(wasm.map((w) => w.path)).toEqual([expect.stringMatching(/^\/incident-explorer-[0-9a-f]+_bg\.wasm\.gz$/)]);
  const [{ path, size }] = wasm;
  expect(size).toBeLessThan(statSync(`dist${path}`).size + 64);
  expect(size * 2).toBeLessThan(statSync(`dist${path.replace(/\.gz$/, '')}`).size);
  expect(errors).toEqual([]);
});

for (const [name, setup] of Object.entries({
  'a browser without DecompressionStream': (page) => page.addInitScript(() => { delete window.DecompressionStream; }),
  'a damaged module copy': (page) => page.route('**/*_bg.wasm.gz', async (route) => route.fulfill({
    status: 200, contentType: 'application/gzip', body: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]),
  })),
  'no module copy deployed': (page) => page.route('**/*_bg.wasm.gz', (route) => route.fulfill({ status: 404, body: 'not found' })),
})) {
  test(`${name}: the plain module is read`, async ({ page }) => {
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await setup(page);
    await page.goto('./');
    await expectAllEvents(page);
    expect(asked.some((path) => /^\/incident-explorer-[0-9a-f]+_bg\.wasm$/.test(path))).toBe(true);
  });
}

test('with no .gz deployed, the plain files are read', async ({ page }) => {
  const asked = [];
  await page.route('**/data/*.json.gz', (route) => route.fulfill({ status: 404, body: 'not found' }));
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto('./');
  await expectAllEvents(page);
  expect(asked).toContain('/data/ucdp.json');
});

test('a .gz that the server decoded on the way is read as it is', async ({ page }) => {
  await page.route('**/data/ucdp.json.gz', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: readFileSync('dist/data/ucdp.json'),
  }));
  await page.goto('./');
  await expectAllEvents(page);
});

// Whatever goes wrong with a gzip copy, the plain file is read instead.
const broken = {
  'a damaged .gz': () => ({ status: 200, contentType: 'application/gzip', body: readFileSync('dist/data/ucdp.json.gz').subarray(0, 100_000) }),
  'a server error for the .gz': () => ({ status: 500, body: 'server error' }),
  'the page a host answers every unknown address with': () => ({ status: 200, contentType: 'text/html', body: readFileSync('dist/index.html') }),
};
for (const [name, answer] of Object.entries(broken)) {
  test(`${name}: the plain file is read`, async ({ page }) => {
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.route('**/data/ucdp.json.gz', (route) => route.fulfill(answer()));
    await page.goto('./');
    await expectAllEvents(page);
    expect(asked).toContain('/data/ucdp.json');
  });
}

test('a host that decodes .gz on the way: the app and its offline copy work', async ({ browser }) => {
  test.setTimeout(120_000);
  const site = await deployment({ gzipEncoding: true });
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await expectAllEvents(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    // The worker stored the decoded bytes it was given: the collection in pieces.
    await expect.poll(() => page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      return (await cache.keys()).some((request) => request.url.endsWith('/data/ucdp.json.gz'));
    }), { timeout: 60_000 }).toBe(true);
    await site.stop();
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${site.url}?c=ucdp`);
    await expect(offline.getByTestId('event-visible')).toHaveText(groupThousands(allEvents().filter((e) => e.id.startsWith('ucdp:')).length), { timeout: 30_000 });
  } finally {
    await context.close();
    await site.remove();
  }
});
