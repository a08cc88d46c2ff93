// Benchmark: how long a filter change takes to reach the screen with both collections loaded.
// Serves the release build (dist/) on 127.0.0.1, opens it in headless Chromium at 1440x1000,
// toggles visible filters by clicking them, and for each change measures (a) the time from the
// click to the updated DOM, to the next animation frame, and to the end of the work the app
// defers past that frame (list rows far below the screen, the address), and (b) the app's own
// performance measures of each step. Prints figures; asserts nothing.
//
// Usage: trunk build --release && node bench/filter-frame.mjs [rounds]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const rounds = Number(process.argv[2] ?? 20);
const port = 4600;
const server = spawn('node', ['e2e/static-server.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
const loadStart = Date.now();
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForSelector('[data-testid=event-visible]', { timeout: 60_000 });
const loadMs = Date.now() - loadStart;

// Each change is one click on a filter control; most toggle twice, so the set stays small.
const controls = ['#governorate-Idlib', '#actor-syrian_government', '#kind-state_based_violence',
  '#governorate-Aleppo', '#casualty-civilians', '#collection-ucdp', '#publisher-sohr'];
const work = [];
const layout = [];
const frame = [];
const after = [];
for (let round = 0; round < rounds; round += 1) {
  for (const selector of controls) {
    const ms = await page.evaluate(async (selector) => {
      const element = document.querySelector(selector);
      // Only what a reader could click: options with no match are hidden.
      if (!element || !element.checkVisibility()) return null;
      // Start right after a frame, so the wait for the next one is not counted as work.
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const start = performance.now();
      element.click();
      // Leptos runs its effects in microtasks: a zero timeout runs after all of them.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const settled = performance.now();
      void document.body.offsetHeight; // Style and layout of the new DOM.
      const laidOut = performance.now();
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const framed = performance.now();
      // Work the app defers until after the frame (list rows far below the screen) is done by
      // the next task; lay its result out too.
      await new Promise((resolve) => setTimeout(resolve, 0));
      void document.body.offsetHeight;
      return [settled - start, laidOut - start, framed - start, performance.now() - start];
    }, selector);
    if (ms !== null) {
      work.push(ms[0]);
      layout.push(ms[1]);
      frame.push(ms[2]);
      after.push(ms[3]);
    }
  }
  await page.evaluate(() => document.querySelector('.summary-bar .actions button:last-child')?.click());
}
const measures = await page.evaluate(() => Object.fromEntries(['filter', 'cross-counts', 'timeline', 'bars', 'list', 'chart-paint'].map((name) => [
  name, performance.getEntriesByName(name).map((entry) => entry.duration),
])));
const rows = await page.getByTestId('event-total').textContent();
await browser.close();
server.kill();

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `n=${sorted.length} median=${at(0.5).toFixed(2)} ms p95=${at(0.95).toFixed(2)} ms max=${sorted.at(-1).toFixed(2)} ms`;
};
console.log(`events loaded: ${rows}; page ready in ${loadMs} ms`);
console.log(`click -> DOM updated:       ${stats(work)}`);
console.log(`click -> laid out:         ${stats(layout)}`);
console.log(`click -> next frame:        ${stats(frame)}`);
console.log(`click -> deferred work done: ${stats(after)}`);
console.log(`filter pass (app measure):  ${stats(measures.filter)}`);
console.log(`cross counts (app measure): ${stats(measures['cross-counts'])}`);
console.log(`timeline (app measure):     ${stats(measures.timeline)}`);
console.log(`each bar chart (measure):   ${stats(measures.bars)}`);
console.log(`list page (app measure):    ${stats(measures.list)}`);
console.log(`each chart paint (measure): ${stats(measures['chart-paint'])}`);
console.log('one frame at 60 Hz is 16.7 ms');
