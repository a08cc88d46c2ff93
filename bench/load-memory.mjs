// Benchmark: what loading the bundled collections costs in the browser, for one build or
// several side by side in one run: the WebAssembly memory once the explorer shows its counts
// (linear memory grows to the peak of loading and never shrinks, so this is what the tab keeps
// for good), the time from navigation to the counts on screen, and the bytes that crossed the
// wire on a first visit from a server that does not compress: what the page fetches, and that
// with the service worker's precaching for offline use. The server sends Last-Modified and
// answers revalidations with 304, as common static hosts do (e2e/static-server.mjs
// --validators), so a file the worker fetches again after the page costs its headers only. Headless Chromium at 1440x1000, a fresh profile per
// visit. Prints figures; asserts nothing.
//
// Usage: trunk build --release && node bench/load-memory.mjs [visits] [dist...]
// (default: 3 visits of dist/). Give two folders to compare two builds in one run.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const visits = Number(process.argv[2] ?? 3);
const builds = process.argv.slice(3).length ? process.argv.slice(3) : ['dist'];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
let port = 4700;
for (const dist of builds) {
  port += 1;
  const server = spawn('node', ['e2e/static-server.mjs', dist, String(port), '--validators'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const memory = [];
  const times = [];
  const wire = [];
  const pageWire = [];
  // Interleaved would be fairer on a noisy machine, but each build needs its own server; the
  // visits of one build follow each other, and the table gives the median of each.
  for (let visit = 0; visit < visits; visit += 1) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    let bytes = 0;
    let pageBytes = 0;
    // The context sees the page's requests and the service worker's.
    context.on('requestfinished', async (request) => {
      const response = await request.response();
      if (!response || response.fromServiceWorker()) return;
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      if (!request.serviceWorker()) pageBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => { window.benchWasm = event.detail.wasm; });
    });
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('event-total').waitFor({ timeout: 120_000 });
    times.push(Date.now() - started);
    memory.push(await page.evaluate(() => window.benchWasm?.memory?.buffer?.byteLength ?? 0));
    // The service worker precaches the app for offline use once it is installed.
    await page.evaluate(() => navigator.serviceWorker?.ready);
    await page.waitForTimeout(2000);
    wire.push(bytes);
    pageWire.push(pageBytes);
    await context.close();
  }
  server.kill();
  rows.push({ dist, memory: median(memory), time: median(times), wire: median(wire), page: median(pageWire) });
}
await browser.close();
console.log(`| build | wasm memory after load (MB) | navigation to counts (ms) | page's downloads (MB) | with the offline copy (MB) |`);
console.log(`|---|---|---|---|---|`);
for (const row of rows) {
  console.log(`| ${row.dist} | ${(row.memory / 1e6).toFixed(1)} | ${row.time} | ${(row.page / 1e6).toFixed(2)} | ${(row.wire / 1e6).toFixed(2)} |`);
}
