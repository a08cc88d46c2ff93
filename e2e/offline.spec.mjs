// Offline use, updates and installability. The offline and update tests serve a temporary copy
// of the release build from a server this file starts and stops itself, so that the network can
// really go away and a new build can be deployed under an open page.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allEvents, dataset, deployment, groupThousands, screenshot } from './helpers.mjs';

const events = allEvents();
const count = (predicate) => events.filter(predicate).length;
const inGovernorate = (e, name) => e.places.some((p) => p.governorate === name);
const builtVersion = (dir = 'dist') => JSON.parse(readFileSync(join(dir, 'version.json'), 'utf8')).version;

async function expectCounts(page, visible) {
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(events.length), { timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(visible));
}

async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

test('after one online visit every view and any filtered link work with no network', async ({ browser }) => {
  test.setTimeout(120_000);
  const site = await deployment();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const idlibAirstrikes = count((e) => e.kind === 'airstrike' && inGovernorate(e, 'Idlib'));
    await page.goto(`${site.url}?gov=idlib&kind=airstrike`);
    await expectCounts(page, idlibAirstrikes);
    const online = await page.getByTestId('event-visible').textContent();
    // The first visit becomes controlled by the worker without reloading.
    await page.evaluate(() => { window.firstVisit = true; });
    await waitForController(page);
    expect(await page.evaluate(() => window.firstVisit)).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toEqual([`incident-explorer:/:${builtVersion()}`]);

    // No network at all: the server is gone and the browser is offline.
    await site.stop();
    await context.setOffline(true);
    await expect(fetch(site.url)).rejects.toThrow();
    await expect(page.getByTestId('offline-badge')).toHaveText('Offline — working from the saved copy');

    // A new page on another filtered view.
    const other = await context.newPage();
    await other.goto(`${site.url}?gov=aleppo&kind=state_based_violence`);
    await expectCounts(other, count((e) => e.kind === 'state_based_violence' && inGovernorate(e, 'Aleppo')));
    await expect(other.getByTestId('offline-badge')).toBeVisible();
    await screenshot(other, 'offline-aleppo');
    // The first view again, through index.html: the same counts as online.
    await other.goto(`${site.url}index.html?kind=airstrike&gov=idlib`);
    await expect(other.getByTestId('event-visible')).toHaveText(online, { timeout: 30_000 });
    // Filters work offline.
    await other.getByRole('button', { name: 'Clear all' }).click();
    await expectCounts(other, events.length);
    await other.locator('#governorate-Idlib').check();
    await expectCounts(other, count((e) => inGovernorate(e, 'Idlib')));
    // Every view.
    await other.goto(`${site.url}?c=curated&view=figures`);
    await expect(other.getByTestId('figures')).toBeVisible({ timeout: 30_000 });
    await other.goto(`${site.url}?view=map&gov=homs`);
    await expect(other.getByTestId('map')).toBeVisible({ timeout: 30_000 });
    await other.goto(`${site.url}?view=about`);
    await expect(other.getByTestId('saved-copy')).toContainText(`version ${builtVersion()}`, { timeout: 30_000 });
    const event = dataset('curated').events.find((e) => e.citations.length > 0);
    await other.goto(`${site.url}?sel=${encodeURIComponent(event.id)}`);
    await expect(other.getByTestId('quote').first()).toHaveText(event.citations[0].quote, { timeout: 30_000 });
  } finally {
    await context.close();
    await site.remove();
  }
});

test('a new deployment is announced, loads only on Reload, and replaces the old copy', async ({ browser }) => {
  test.setTimeout(180_000);
  const site = await deployment();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}?view=about`);
    await waitForController(page);
    const oldVersion = builtVersion(site.dir);
    await expect(page.getByTestId('saved-copy')).toContainText(`version ${oldVersion}`, { timeout: 30_000 });

    // Deploy a build with a changed dataset: the collection's description, then the post-build
    // step on the folder, which gives the new version and a new sw.js.
    const file = join(site.dir, 'data', 'curated.json');
    const raw = readFileSync(file, 'utf8');
    const description = JSON.parse(raw).collection.description;
    const changed = `Updated build. ${description}`;
    expect(raw.split(JSON.stringify(description)).length).toBe(2);
    writeFileSync(file, raw.replace(JSON.stringify(description), JSON.stringify(changed)));
    execFileSync(process.execPath, ['scripts/post-build.mjs', site.dir], { stdio: 'ignore' });
    const newVersion = builtVersion(site.dir);
    expect(newVersion).not.toBe(oldVersion);

    // The open page checks for updates when the connection comes back.
    await page.evaluate(() => { window.notReloaded = true; });
    await context.setOffline(true);
    await context.setOffline(false);
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText('A new version is ready', { timeout: 60_000 });
    await screenshot(page, 'update-notice');
    // Nothing changed under the user's hands: same page, old data, old version.
    expect(await page.evaluate(() => window.notReloaded)).toBe(true);
    await expect(page.getByTestId('about')).toContainText(description);
    await expect(page.getByTestId('about')).not.toContainText(changed);
    await expect(page.getByTestId('saved-copy')).toContainText(`version ${oldVersion}`);

    // Reload: the new version takes over and the page reloads once it controls it.
    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => window.notReloaded === undefined, null, { timeout: 30_000 });
    await expect(page.getByTestId('saved-copy')).toContainText(`version ${newVersion}`, { timeout: 30_000 });
    await expect(page.getByTestId('about')).toContainText(changed);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    expect(await page.evaluate(() => caches.keys())).toEqual([`incident-explorer:/:${newVersion}`]);

    // And the new version is what works offline.
    await site.stop();
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${site.url}?view=about`);
    await expect(offline.getByTestId('about')).toContainText(changed, { timeout: 30_000 });
  } finally {
    await context.close();
    await site.remove();
  }
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the web app manifest is complete and its icons load', async ({ page, request }) => {
  await page.goto('./');
  // Relative links, so that the app can be hosted under a sub-path.
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', 'manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#[0-9a-f]{6}$/i);

  const response = await request.get('manifest.webmanifest');
  expect(response.status()).toBe(200);
  const manifest = JSON.parse(await response.text());
  for (const field of ['name', 'short_name', 'description', 'theme_color', 'background_color']) {
    expect(typeof manifest[field], field).toBe('string');
    expect(manifest[field].length, field).toBeGreaterThan(0);
  }
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');

  const purposes = new Map();
  for (const icon of manifest.icons) {
    expect(icon.src.startsWith('/')).toBe(false);
    expect(icon.type).toBe('image/png');
    const fetched = await request.get(icon.src);
    expect(fetched.status(), icon.src).toBe(200);
    expect(fetched.headers()['content-type']).toBe('image/png');
    const [width, height] = pngSize(await fetched.body());
    expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    for (const purpose of (icon.purpose ?? 'any').split(' ')) {
      purposes.set(purpose, [...(purposes.get(purpose) ?? []), icon.sizes]);
    }
  }
  for (const purpose of ['any', 'maskable']) {
    expect(purposes.get(purpose)?.sort(), purpose).toEqual(['192x192', '512x512']);
  }
});
