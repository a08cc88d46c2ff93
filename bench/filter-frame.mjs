// Benchmark: how long a change takes to reach the screen with both collections loaded.
// Serves the release build (dist/) on 127.0.0.1 and opens it in headless Chromium at 1440x1000.
// Four scenes, each a reader's position on the page and what they click there:
//   top     at the top of the page: filters in the sidebar (the counts and timeline are in view);
//   charts  scrolled to the bar charts: bars, which toggle their filter;
//   lower   scrolled to the lower bar charts, with the list's first rows in view: bars;
//   list    scrolled to the incident list: the sort buttons and the pager.
// For each change it measures the time from the click to the updated and laid-out DOM, to the
// next animation frame, and to the end of the work the app defers past that frame (panels off
// screen, the address). A second, traced pass of the same clicks gives the main thread's CPU
// time per change, to the laid-out DOM and to the painted frame (thread time: waiting for other
// processes on this 2-core machine does not count), and the wall time to the painted frame.
// "Frame painted" is the figure to read against a frame's 16.7 ms: the first timer after a
// click can come after a frame, so "DOM updated" may include that frame's rendering.
// It also prints the app's own performance measures. Prints figures; asserts nothing.
//
// Usage: trunk build --release && node bench/filter-frame.mjs [rounds] [scene...]
// DIST=other/dist node bench/filter-frame.mjs ...  measures another build (to compare two).
// FILE=1000000 node bench/filter-frame.mjs ...  first opens a reader's own file through the file
// input and plays the scenes with it open (the explorer then shows that file's events): a
// number is a synthetic ACLED export of that many rows (target/synth-acled-N.csv, made as
// bench/open-file.mjs makes it), anything else a path. The top scene then clicks options an
// ACLED file has.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const rounds = Number(process.argv[2] ?? 10);
const chosen = process.argv.slice(3);
const port = 4600;
const server = spawn('node', ['e2e/static-server.mjs', process.env.DIST ?? 'dist', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));

const scenes = {
  top: {
    scroll: null,
    // Most toggle twice, so the set of active filters stays small.
    controls: ['#governorate-Idlib', '#actor-syrian_government', '#kind-state_based_violence',
      '#governorate-Aleppo', '#casualty-civilians', '#collection-ucdp', '#publisher-sohr'],
  },
  charts: {
    scroll: '.chart-grid',
    controls: ['[data-chart="by-kind.svg"] .chart-target',
      '[data-chart="by-governorate.svg"] .chart-target',
      '[data-chart="by-actor.svg"] .chart-target:nth-child(2)'],
  },
  // The lower charts at the top of the screen and the list's first rows below them: the
  // change reaches counts, charts and list rows on screen. A selected bar ranks first, so
  // each pair of clicks sets a filter and takes it away.
  lower: {
    scroll: '[data-chart="by-governorate.svg"]',
    controls: ['[data-chart="by-governorate.svg"] .chart-target:nth-child(1)',
      '[data-chart="by-governorate.svg"] .chart-target:nth-child(1)',
      '[data-chart="by-governorate.svg"] .chart-target:nth-child(3)',
      '[data-chart="by-governorate.svg"] .chart-target:nth-child(1)'],
  },
  list: {
    scroll: '.event-list-panel',
    controls: ['.event-list th:nth-child(5) button', '.pager button:last-child',
      '.pager button:first-child', '.event-list th:nth-child(1) button'],
  },
};

// The reader's own file to open first, if any (FILE=rows or FILE=path).
const file = (() => {
  const wanted = process.env.FILE;
  if (!wanted) return null;
  if (!/^\d+$/.test(wanted)) return wanted;
  const path = `target/synth-acled-${wanted}.csv`;
  if (!existsSync(path)) {
    console.error(`writing ${path}`);
    const made = spawnSync('cargo', ['run', '--release', '--quiet', '--bin', 'dataset', '--',
      'synth', wanted, '--format', 'acled', '--seed', '1', path], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`dataset synth failed for ${wanted}`);
  }
  return path;
})();
if (file) {
  // Options an ACLED export has (its governorates, the broad actor groups, its kinds); most
  // toggle twice, so the set of active filters stays small.
  scenes.top.controls = ['#governorate-Idlib', '#actor-syrian_government', '#kind-shelling',
    '#governorate-Aleppo', '#actor-russia', '#kind-airstrike', '#actor-isis'];
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const stats = (values) => {
  if (values.length === 0) return 'n=0';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `n=${sorted.length} median=${at(0.5).toFixed(2)} ms p95=${at(0.95).toFixed(2)} ms max=${sorted.at(-1).toFixed(2)} ms`;
};

// One click on `selector`, started right after a frame so the wait for the next one is not
// counted as work. Returns null when the control is not there for a reader to click (options
// with no match are hidden).
const clickAndTime = (page, selector) => page.evaluate(async (selector) => {
  const element = document.querySelector(selector);
  if (!element || !element.checkVisibility() || element.disabled) return null;
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  performance.mark('bench:click');
  const start = performance.now();
  element.click();
  // Leptos runs its effects in microtasks: a zero timeout runs after all of them.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const settled = performance.now();
  void document.body.offsetHeight; // Style and layout of the new DOM.
  const laidOut = performance.now();
  performance.mark('bench:laid-out');
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const framed = performance.now();
  // Work the app defers until after the frame is done by the next tasks; lay its result out.
  await new Promise((resolve) => setTimeout(resolve, 0));
  void document.body.offsetHeight;
  const done = performance.now();
  // Let the deferred work finish before the next click.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return [settled - start, laidOut - start, framed - start, done - start];
}, selector);

// Clears every filter; with a file open, chooses its collection again if clearing dropped it
// (builds before 0bd07c9 did, showing every collection), as a second change.
const clearAll = async (page) => {
  await page.evaluate(() => document.querySelector('.summary-bar .actions button:last-child')?.click());
  if (!file) return;
  await page.waitForTimeout(50);
  await page.evaluate(() => {
    const own = document.querySelector('input[id^=collection-file-]');
    if (own && !own.checked) own.click();
  });
};

// The scene's clicks, `rounds` times; `each` receives every click's figures.
async function play(page, scene, each) {
  for (let round = 0; round < rounds; round += 1) {
    for (const selector of scene.controls) {
      const ms = await clickAndTime(page, selector);
      if (ms !== null) each(ms);
    }
    if (scene.scroll === null) {
      await clearAll(page);
      await page.waitForTimeout(50);
    }
  }
}

// Per click, from a Chromium trace of the main thread: thread time from the click to the laid-out
// DOM, and thread time and wall time from the click to the end of the paint of the frame that
// shows it (the first paint after the click: the change is complete before any frame can run).
// Thread time sums the top-level tasks between the two points, in proportion to their overlap.
function tracedPerClick(trace) {
  const events = trace.traceEvents;
  const thread = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const onMain = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = [];
  let end = 0;
  for (const task of onMain) {
    if (task.ts >= end) {
      top.push(task);
      end = task.ts + task.dur;
    }
  }
  const paints = onMain.filter((e) => e.name === 'Paint');
  const busy = (from, to) => top.reduce((sum, task) => {
    const overlap = Math.min(to, task.ts + task.dur) - Math.max(from, task.ts);
    return overlap > 0 ? sum + (task.tdur ?? task.dur) * (overlap / task.dur) : sum;
  }, 0) / 1000;
  const marks = events.filter((e) => e.name === 'bench:click' || e.name === 'bench:laid-out')
    .sort((a, b) => a.ts - b.ts);
  const [toLaidOut, toPainted, paintedWall] = [[], [], []];
  for (let i = 0; i + 1 < marks.length; i += 1) {
    if (marks[i].name !== 'bench:click' || marks[i + 1].name !== 'bench:laid-out') continue;
    const [click, laidOut] = [marks[i].ts, marks[i + 1].ts];
    toLaidOut.push(busy(click, laidOut));
    const paint = paints.find((e) => e.ts > click);
    if (!paint) continue;
    toPainted.push(busy(click, paint.ts + paint.dur));
    paintedWall.push((paint.ts + paint.dur - click) / 1000);
  }
  return { toLaidOut, toPainted, paintedWall };
}

const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
const loadStart = Date.now();
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForSelector('[data-testid=event-visible]', { timeout: 60_000 });
const loadMs = Date.now() - loadStart;
if (file) {
  const opened = Date.now();
  await page.getByTestId('open-file').setInputFiles(file);
  await page.waitForFunction(() => /^\?c=/.test(location.search)
    && document.querySelector('[data-testid=event-visible]')
    && document.querySelector('[data-testid=your-data]'), null, { timeout: 900_000, polling: 200 });
  // Let the copy kept on the device be written and the deferred panels settle.
  await page.waitForTimeout(5000);
  console.log(`${file} open in ${Date.now() - opened} ms (${page.url().split('?')[1]})`);
}
const total = await page.getByTestId('event-total').textContent();
const shown = await page.getByTestId('event-visible').textContent();
console.log(`events loaded: ${total} (${shown} shown); page ready in ${loadMs} ms; ${rounds} rounds per scene`);

for (const [name, scene] of Object.entries(scenes)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  await clearAll(page);
  await page.evaluate((selector) => {
    if (selector) document.querySelector(selector)?.scrollIntoView();
    else window.scrollTo(0, 0);
  }, scene.scroll);
  await page.waitForTimeout(300);
  await page.evaluate(() => performance.clearMeasures());
  const [work, layout, frame, after] = [[], [], [], []];
  await play(page, scene, (ms) => {
    work.push(ms[0]);
    layout.push(ms[1]);
    frame.push(ms[2]);
    after.push(ms[3]);
  });
  const measures = await page.evaluate(() => Object.fromEntries(['filter', 'cross-counts', 'timeline', 'bars', 'list', 'chart-paint'].map((measure) => [
    measure, performance.getEntriesByName(measure).map((entry) => entry.duration),
  ])));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
  await play(page, scene, () => {});
  const traced = tracedPerClick(JSON.parse((await browser.stopTracing()).toString()));

  console.log(`\n== ${name}: ${scene.scroll ? `scrolled to ${scene.scroll}` : 'top of the page'}`);
  console.log(`click -> DOM updated:        ${stats(work)}`);
  console.log(`click -> laid out:           ${stats(layout)}`);
  console.log(`click -> next frame:         ${stats(frame)}`);
  console.log(`click -> deferred work done: ${stats(after)}`);
  console.log(`main-thread CPU to laid out: ${stats(traced.toLaidOut)}  (traced pass)`);
  console.log(`main-thread CPU to painted:  ${stats(traced.toPainted)}  (traced pass)`);
  console.log(`click -> frame painted:      ${stats(traced.paintedWall)}  (traced pass)`);
  console.log(`filter pass (app measure):   ${stats(measures.filter)}`);
  console.log(`cross counts (app measure):  ${stats(measures['cross-counts'])}`);
  console.log(`timeline (app measure):      ${stats(measures.timeline)}`);
  console.log(`each bar chart (measure):    ${stats(measures.bars)}`);
  console.log(`list page (app measure):     ${stats(measures.list)}`);
  console.log(`each chart paint (measure):  ${stats(measures['chart-paint'])}`);
}
console.log('\none frame at 60 Hz is 16.7 ms');
await browser.close();
server.kill();
