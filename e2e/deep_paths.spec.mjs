// Wrong addresses: a link mangled by a chat app or a mistyped path (/deep/path?gov=idlib) opens
// the app at its own address with the same view, at the root of a host and under a sub-path,
// whoever answers it: the service worker (online and offline), a host's 404.html, or a host
// that answers every path with index.html. Where no app can be found, the page says so in one
// readable sentence with a link to the start page: never a blank page.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { allEvents, deployment, groupThousands, screenshot } from './helpers.mjs';

const events = allEvents();
const idlib = events.filter((e) => e.places.some((p) => p.governorate === 'Idlib')).length;
const WRONG = 'deep/path?gov=idlib';
const MESSAGE = 'This address is not part of the Syria Incident Explorer.';

/** The app has loaded both collections and shows the Idlib filter's count. */
async function expectIdlib(page) {
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(events.length), { timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(idlib));
}

async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

/** Opens `url` and returns its first response: the page may replace itself before it loads. */
function openWrong(page, url) {
  return page.goto(url, { waitUntil: 'commit' });
}

/** Runs `body` on a deployment made with `options` and a page in a fresh context (no worker, empty caches). */
async function withSite(browser, options, body) {
  const site = await deployment(options);
  const context = await browser.newContext();
  try {
    await body(site, context, await context.newPage());
  } finally {
    await context.close();
    await site.remove();
  }
}

for (const under of ['', 'sub/']) {
  const where = under ? 'under a sub-path' : 'at the root';

  test(`first visit ${where}: the host's 404.html opens the app with the same view`, async ({ browser }) => {
    await withSite(browser, { under }, async (site, context, page) => {
      const response = await openWrong(page, `${site.url}${WRONG}#top`);
      expect(response.status()).toBe(404);
      await expectIdlib(page);
      await expect(page).toHaveURL(`${site.url}?gov=idlib#top`);
    });
  });

  test(`after one visit ${where}: the worker opens the app with the same view, online and offline`, async ({ browser }) => {
    test.setTimeout(120_000);
    await withSite(browser, { under }, async (site, context, page) => {
      await page.goto(site.url);
      await expect(page.getByTestId('event-total')).toHaveText(groupThousands(events.length), { timeout: 30_000 });
      await waitForController(page);

      // Online: the worker redirects to its scope; the server never sees the wrong address.
      const response = await page.goto(`${site.url}${WRONG}`);
      expect(response.url()).toBe(`${site.url}?gov=idlib`);
      expect(response.request().redirectedFrom()?.url()).toBe(`${site.url}${WRONG}`);
      await expectIdlib(page);
      await expect(page).toHaveURL(`${site.url}?gov=idlib`);

      // No network at all: the server is gone and the browser is offline.
      await site.stop();
      await context.setOffline(true);
      await expect(fetch(site.url)).rejects.toThrow();
      const offline = await context.newPage();
      const again = await offline.goto(`${site.url}${WRONG}`);
      expect(again.request().redirectedFrom()?.url()).toBe(`${site.url}${WRONG}`);
      await expectIdlib(offline);
      await expect(offline).toHaveURL(`${site.url}?gov=idlib`);
    });
  });
}

test('a host that answers every path with index.html: the app opens at its folder with the same view', async ({ browser }) => {
  await withSite(browser, { spa: true }, async (site, context, page) => {
    const response = await openWrong(page, `${site.url}${WRONG}#top`);
    expect(response.status()).toBe(200); // index.html, not a 404 page
    await expectIdlib(page);
    await expect(page).toHaveURL(`${site.url}?gov=idlib#top`);
  });
});

// No version.json anywhere on the origin: nothing says where the app is.
for (const [host, options] of [['404.html', {}], ['index.html', { spa: true }]]) {
  test(`no app to be found, host answering with ${host}: a readable message and a link`, async ({ browser }) => {
    await withSite(browser, { ...options, without: ['version.json'] }, async (site, context, page) => {
      const policyMessages = [];
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) policyMessages.push(message.text());
      });
      await page.goto(`${site.url}${WRONG}`);
      await expect(page.locator('body')).toContainText(MESSAGE);
      const link = page.getByRole('link', { name: "Open the explorer's start page." });
      await expect(link).toHaveAttribute('href', '/');
      await expect(link).toBeVisible();
      // Readable without the app's stylesheet, and the page stays where it is.
      const size = await page.locator('body p').evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      expect(size).toBeGreaterThanOrEqual(16);
      await expect(page).toHaveURL(`${site.url}${WRONG}`);
      expect(policyMessages).toEqual([]);
      await screenshot(page, `wrong-address-${host.replace('.html', '')}`);
    });
  });
}

test('both pages carry scripts/recover.js, each allowed by its own policy', () => {
  const recovery = readFileSync('scripts/recover.js', 'utf8');
  const hash = `'sha256-${createHash('sha256').update(recovery).digest('base64')}'`;
  for (const [name, mode] of [['index.html', 'on-error'], ['404.html', 'now']]) {
    const html = readFileSync(`dist/${name}`, 'utf8');
    expect(html, name).toContain(`<script data-recover="${mode}">${recovery}</script>`);
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '';
    const scripts = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([directive]) => directive === 'script-src');
    expect(scripts, name).toContain(hash);
    // The policy comes before the recovery script, so it governs it.
    expect(html.indexOf('Content-Security-Policy'), name).toBeLessThan(html.indexOf('<script'));
  }
  // 404.html may be served at any path: it loads nothing.
  expect(readFileSync('dist/404.html', 'utf8')).not.toMatch(/\b(src|href)="(?!\/")/);
});
