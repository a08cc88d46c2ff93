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
// - the time to reopen it after a reload (the copy kept on the device), to the events shown,
//   and the page's longest main-thread task from the reload to a frame after that.
// Prints figures; asserts nothing.
//
// Usage: trunk build --release && node bench/open-file.mjs [rows|table:rows|FILE...]
// (default: 100000). A number is a synthetic ACLED export of that many rows; `table:N` a
// monitor's own table of N rows (semicolons, day-first dates, Arabic: it goes through the
// mapping step, whose guess is taken as it is, day/month/year chosen); a path is opened as it
// is (a collection file from `dataset synth N`, say). DIST=folder measures another build;
// STEPS=1 also lists each task over 100 ms (of the load, and of the reopening) with the app's
// timed steps inside it; BENCH_PORT=N serves the build on port N instead of 4790.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';

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

/** A monitor's own table of `rows` rows (made-up incidents), written once under target/. */
async function monitorTable(rows) {
  const path = `target/bench-table-${rows}.csv`;
  if (existsSync(path)) return path;
  console.error(`writing ${path}`);
  const out = createWriteStream(path);
  const places = [['Idlib', 'Kafr Nabl', 35.61, 36.56], ['إدلب', 'سراقب', 35.86, 36.8], ['Hama', 'Kafr Zita', 35.37, 36.6], ['Aleppo', 'Anadan', 36.29, 37.04], ['Rural Damascus', 'Douma', 33.57, 36.4]];
  const kinds = ['Airstrike', 'قصف مدفعي', 'Barrel bomb', 'Ground attack', 'Shelling'];
  const actors = ['Russian forces', 'قوات النظام', 'Syrian government forces; Russian forces', 'HTS', 'Unknown'];
  const write = (line) => new Promise((resolve) => (out.write(line) ? resolve() : out.once('drain', resolve)));
  await write('Date;Governorate;Village;Latitude;Longitude;Perpetrator;Type of attack;Killed;Civilians killed;Description;Source\r\n');
  for (let i = 0; i < rows; i += 1) {
    const [governorate, village, lat, lon] = places[i % places.length];
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String(((i >> 5) % 12) + 1).padStart(2, '0');
    const year = 2012 + ((i >> 9) % 12);
    const killed = (i * 7) % 13;
    const description = `"Row ${i}: ${kinds[i % kinds.length]} on ${village}; witnesses said the strike hit homes near the market, and civil defence teams worked through the night to reach people under the rubble."`;
    await write(`${day}/${month}/${year};${governorate};${village};${lat};${lon};"${actors[i % actors.length]}";${kinds[i % kinds.length]};${killed};${Math.min(killed, 3)};${description};SNHR\r\n`);
  }
  await new Promise((resolve) => out.end(resolve));
  return path;
}

// BENCH_PORT=N serves the build on another port (two benchmarks side by side).
const port = Number(process.env.BENCH_PORT ?? 4790);
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
    const table = /^table:(\d+)$/.exec(size);
    const path = table ? await monitorTable(Number(table[1])) : rows > 0 ? synthetic(rows) : size;
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('crash', () => console.error('the page crashed'));
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => { window.benchWasm = event.detail.wasm; });
      window.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchLongTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask', buffered: true });
      window.benchPeak = 0;
      // Each growth of the WebAssembly memory: when, and to how much (STEPS=1 lists them).
      window.benchGrowth = [];
      // When a page (a reload's, for the reopening) first shows events with "Your data" there,
      // in ms since the epoch, looked for at every frame (see benchShown below).
      window.benchReady = null;
      const ready = () => {
        const visible = document.querySelector('[data-testid=event-visible]');
        if (document.querySelector('[data-testid=your-data]') && visible?.getClientRects().length) {
          window.benchReady = performance.timeOrigin + performance.now();
        } else {
          requestAnimationFrame(ready);
        }
      };
      requestAnimationFrame(ready);
      setInterval(() => {
        const wasm = window.benchWasm?.memory?.buffer?.byteLength ?? 0;
        const heap = performance.memory?.usedJSHeapSize ?? 0;
        window.benchPeak = Math.max(window.benchPeak, wasm + heap);
        const last = window.benchGrowth.at(-1);
        if (!last || last[1] !== wasm) window.benchGrowth.push([performance.now(), wasm, heap]);
      }, 100);
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('event-total').waitFor({ timeout: 120_000 });
    // When the explorer shows the file's events, looked for at every frame in the page: waiting
    // on Playwright's locators instead read it up to half a second late, as their polling
    // backs off while a long load runs.
    const before = await page.evaluate(() => {
      window.benchPeak = 0;
      window.benchShown = null;
      const look = () => {
        if (/^\?c=/.test(location.search) && document.querySelector('[data-testid=event-visible]')) {
          window.benchShown = performance.now();
        } else {
          requestAnimationFrame(look);
        }
      };
      requestAnimationFrame(look);
      return performance.now();
    });
    await page.getByTestId('open-file').setInputFiles(path);
    // A table of no known layout stops at the mapping step: its guess is taken as it is.
    const mapping = await Promise.race([
      // The branch that loses is still waiting when the page closes: its failure is no error.
      page.getByTestId('column-mapping').waitFor({ timeout: 600_000 }).then(() => true, () => false),
      page.getByTestId('your-data').waitFor({ timeout: 600_000 }).then(() => false, () => false),
    ]);
    if (mapping) {
      if (await page.getByTestId('date-order').count()) {
        await page.getByTestId('date-order').getByLabel(/^day\/month\/year/).check();
      }
      await page.getByTestId('mapping-import').click();
    }
    await page.getByTestId('your-data').waitFor({ timeout: 600_000 });
    await page.waitForFunction(() => /^\?c=/.test(location.search) && document.querySelector('[data-testid=event-visible]'));
    const shown = await page.evaluate(() => window.benchShown ?? performance.now());
    // The explorer may draw its filter panel a task after the charts: the load's tasks are
    // read once it is there and a frame has passed.
    await page.locator('details.filters').waitFor({ state: 'attached', timeout: 600_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const loaded = await page.evaluate(({ start, shown }) => {
      const tasks = window.benchLongTasks.filter(([at]) => at >= start);
      // STEPS=1: each task over 100 ms, with the app's timed steps inside it.
      const steps = tasks.filter(([, duration]) => duration > 100).map(([at, duration]) => {
        const inside = performance.getEntriesByType('measure')
          .filter((m) => m.startTime >= at && m.startTime < at + duration)
          .map((m) => `${m.name} ${m.duration.toFixed(0)}`);
        return `${(at - start).toFixed(0)} ms: ${duration.toFixed(0)} ms [${inside.join(', ')}]`;
      });
      // STEPS=1: the stages of adding the file (each from its start to its end, over many
      // tasks), from choosing the file.
      const stages = performance.getEntriesByType('measure')
        .filter((m) => m.startTime >= start && m.name.startsWith('stage: '))
        .map((m) => `${m.name.slice(7)}: from ${(m.startTime - start).toFixed(0)} ms, ${m.duration.toFixed(0)} ms`);
      const growth = window.benchGrowth.filter(([at]) => at >= start)
        .map(([at, wasm, heap]) => `${(at - start).toFixed(0)} ms: ${(wasm / 1e6).toFixed(0)} MB (JS heap ${(heap / 1e6).toFixed(0)} MB)`);
      return {
        ms: shown - start,
        longest: Math.max(0, ...tasks.map(([, duration]) => duration)),
        over100: tasks.filter(([, duration]) => duration > 100).length,
        peak: window.benchPeak,
        events: document.querySelector('[data-testid=event-visible]')?.textContent,
        steps,
        stages,
        growth,
      };
    }, { start: before, shown });
    // Reopened from the copy kept on the device, once it is written.
    // REOPEN=0 leaves out the reopening after a reload.
    let reopened = null;
    let reopenTasks = [];
    if (process.env.REOPEN !== '0') {
      // Polled from here: waitForFunction takes the promise an async function returns for a
      // truthy answer, and would reload while the copy is still being written.
      const kept = () => page.evaluate(async () => {
        const id = new URLSearchParams(location.search).get('c');
        try {
          const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('own-files');
          const index = await (await (await folder.getFileHandle('index.json')).getFile()).text();
          return JSON.parse(index).some((kept) => kept.collection_id === id);
        } catch {
          return false;
        }
      });
      for (const until = Date.now() + 600_000; !(await kept());) {
        if (Date.now() > until) throw new Error('the file was not kept on the device');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const reload = Date.now();
      await page.reload();
      // "Your data" may open folded after a reload: its entry is there, not necessarily shown.
      await page.getByTestId('your-data').waitFor({ state: 'attached', timeout: 600_000 });
      await page.getByTestId('event-visible').waitFor({ timeout: 600_000 });
      const ready = await page.evaluate(() => window.benchReady);
      reopened = (ready ?? Date.now()) - reload;
      // The reopening's main-thread tasks, from the reload to a frame after its events show.
      await page.locator('details.filters').waitFor({ state: 'attached', timeout: 600_000 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      reopenTasks = await page.evaluate(() => window.benchLongTasks.map(([at, duration]) => {
        const inside = performance.getEntriesByType('measure')
          .filter((m) => m.startTime >= at && m.startTime < at + duration)
          .map((m) => `${m.name} ${m.duration.toFixed(0)}`);
        return [duration, `${at.toFixed(0)} ms: ${duration.toFixed(0)} ms [${inside.join(', ')}]`];
      }));
    }
    results.push({ file: table ? `monitor's table, ${Number(table[1]).toLocaleString('en-US')} rows` : rows > 0 ? `ACLED, ${rows.toLocaleString('en-US')} rows` : path, mb: statSync(path).size / 1e6, ...loaded, reopened, reopenTasks });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

console.log('\n| file | size | to first chart | longest main-thread task | tasks > 100 ms | page memory at peak | reopened after reload | reopening: longest task | events shown |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const reopenLongest = Math.max(0, ...r.reopenTasks.map(([duration]) => duration));
  console.log(`| ${r.file} | ${r.mb.toFixed(1)} MB | ${(r.ms / 1000).toFixed(2)} s | ${r.longest.toFixed(0)} ms | ${r.over100} | ${(r.peak / 1e6).toFixed(0)} MB | ${r.reopened === null ? "—" : `${(r.reopened / 1000).toFixed(2)} s`} | ${r.reopened === null ? "—" : `${reopenLongest.toFixed(0)} ms`} | ${r.events} |`);
}
if (process.env.STEPS === '1') {
  for (const r of results) {
    console.log(`\n${r.file}: tasks over 100 ms (from choosing the file) [timed steps inside]`);
    for (const line of r.steps) console.log(`- ${line}`);
    if (r.reopened !== null) {
      console.log(`\n${r.file}: reopening after a reload, tasks over 100 ms [timed steps inside]`);
      for (const [duration, line] of r.reopenTasks) if (duration > 100) console.log(`- ${line}`);
    }
    console.log(`\n${r.file}: stages of adding it`);
    for (const line of r.stages) console.log(`- ${line}`);
    console.log(`\n${r.file}: WebAssembly memory as it grew (sampled every 100 ms)`);
    for (const line of r.growth) console.log(`- ${line}`);
  }
}
