// Benchmark: opening a reader's own file in the browser. For each size, a synthetic ACLED
// export (`dataset synth N --format acled`, made once under target/) is opened in the release
// build through the file input, in headless Chromium at 1440x1000 with a fresh profile, and
// the script prints:
// - the time from choosing the file to the explorer showing its events (first chart);
// - the page's longest main-thread task while the file was read (PerformanceObserver
//   "longtask"; a task over 100 ms is a freeze the reader can feel) and how many tasks took
//   over 100 ms;
// - the page's memory at its peak during the load (WebAssembly memory plus the JS heap,
//   sampled every 100 ms; the worker's own memory is not included) and the file's size;
// - the time to reopen it after a reload (the copy kept on the device), to the events shown.
// Prints figures; asserts nothing.
//
// Usage: trunk build --release && node bench/open-file.mjs [rows|FILE...]   (default: 100000)
// A number is a synthetic ACLED export of that many rows; a path is opened as it is (a
// collection file from `dataset synth N`, say). DIST=folder measures another build.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const sizes = process.argv.slice(2);
if (!sizes.length) sizes.push('100000');
const dist = process.env.DIST ?? 'dist';

function synthetic(rows) {
  const path = `target/synth-acled-${rows}.csv`;
  if (!existsSync(path)) {
    console.error(`writing ${path}`);
    const made = spawnSync('cargo', ['run', '--release', '--quiet', '--bin', 'dataset', '--',
      'synth', String(rows), '--format', 'acled', '--seed', '1', path], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`dataset synth failed for ${rows}`);
  }
  return path;
}

const port = 4790;
const server = spawn('node', ['e2e/static-server.mjs', dist, String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    '--enable-precise-memory-info'],
});

const results = [];
try {
  for (const size of sizes) {
    const rows = Number(size);
    const path = rows > 0 ? synthetic(rows) : size;
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => { window.benchWasm = event.detail.wasm; });
      window.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchLongTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask', buffered: true });
      window.benchPeak = 0;
      setInterval(() => {
        const wasm = window.benchWasm?.memory?.buffer?.byteLength ?? 0;
        const heap = performance.memory?.usedJSHeapSize ?? 0;
        window.benchPeak = Math.max(window.benchPeak, wasm + heap);
      }, 100);
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('event-total').waitFor({ timeout: 120_000 });
    const before = await page.evaluate(() => {
      window.benchPeak = 0;
      return performance.now();
    });
    await page.getByTestId('open-file').setInputFiles(path);
    await page.getByTestId('your-data').waitFor({ timeout: 600_000 });
    await page.waitForFunction(() => /^\?c=/.test(location.search) && document.querySelector('[data-testid=event-visible]'));
    const loaded = await page.evaluate((start) => {
      const tasks = window.benchLongTasks.filter(([at]) => at >= start);
      return {
        ms: performance.now() - start,
        longest: Math.max(0, ...tasks.map(([, duration]) => duration)),
        over100: tasks.filter(([, duration]) => duration > 100).length,
        peak: window.benchPeak,
        events: document.querySelector('[data-testid=event-visible]')?.textContent,
      };
    }, before);
    // Reopened from the copy kept on the device, once it is written.
    await page.waitForFunction(async () => {
      const id = new URLSearchParams(location.search).get('c');
      try {
        const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('own-files');
        const index = await (await (await folder.getFileHandle('index.json')).getFile()).text();
        return JSON.parse(index).some((kept) => kept.collection_id === id);
      } catch {
        return false;
      }
    }, null, { timeout: 600_000, polling: 1000 });
    const reload = Date.now();
    await page.reload();
    await page.getByTestId('your-data').waitFor({ timeout: 600_000 });
    await page.getByTestId('event-visible').waitFor({ timeout: 600_000 });
    const reopened = Date.now() - reload;
    results.push({ file: rows > 0 ? `ACLED, ${rows.toLocaleString('en-US')} rows` : path, mb: statSync(path).size / 1e6, ...loaded, reopened });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

console.log('\n| file | size | to first chart | longest main-thread task | tasks > 100 ms | page memory at peak | reopened after reload | events shown |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.file} | ${r.mb.toFixed(1)} MB | ${(r.ms / 1000).toFixed(2)} s | ${r.longest.toFixed(0)} ms | ${r.over100} | ${(r.peak / 1e6).toFixed(0)} MB | ${(r.reopened / 1000).toFixed(2)} s | ${r.events} |`);
}
