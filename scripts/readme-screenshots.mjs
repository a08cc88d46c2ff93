// The README's screenshots, taken from a release build so they show what a reader sees:
// the explorer in English and in Arabic at a desktop's width, and the Arabic interface at a
// phone's width with a chart shown as its table and an open record. Writes PNGs to docs/.
//
// Usage (after `trunk build --release`): node scripts/readme-screenshots.mjs [DIST] [PORT]
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

const dist = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? 4181);
const base = `http://127.0.0.1:${port}/`;

/** Each screenshot: file, viewport width and height, the view's link, what to wait for. */
const shots = [
  { file: 'docs/screenshot.png', width: 1440, height: 900, query: '?lang=en', ready: 'event-list' },
  { file: 'docs/screenshot-ar.png', width: 1440, height: 900, query: '?lang=ar', ready: 'event-list' },
  {
    file: 'docs/screenshot-ar-phone-table.png',
    width: 375,
    height: 812,
    query: '?lang=ar&gov=aleppo&table=timeline',
    ready: 'event-list',
    scrollTo: 'chart-table',
  },
  {
    file: 'docs/screenshot-ar-phone-record.png',
    width: 375,
    height: 812,
    query: '?lang=ar&gov=idlib&kind=shelling',
    ready: 'event-list',
    openFirstRecord: true,
  },
];

const server = spawn(process.execPath, ['e2e/static-server.mjs', dist, String(port)], { stdio: 'ignore' });
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(base + shot.query);
    await page.getByTestId(shot.ready).locator('tbody tr').first().waitFor({ timeout: 60_000 });
    if (shot.openFirstRecord) {
      await page.getByTestId(shot.ready).locator('.summary-cell button').first().click();
      await page.getByTestId('event-detail').waitFor();
    }
    if (shot.scrollTo) {
      await page.getByTestId(shot.scrollTo).first().scrollIntoViewIfNeeded();
    }
    // Panels below the screen and canvases catch up just after the frame.
    await sleep(800);
    await page.screenshot({ path: shot.file });
    console.log(`${shot.file}: ${shot.width} px, ${shot.query}`);
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}

async function waitForServer() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // Not up yet.
    }
    await sleep(100);
  }
  throw new Error(`the static server did not answer on ${base}`);
}
