// Hostile input in a real browser: a dataset whose every text field carries a script-injection
// payload, broken dataset files, and junk links. Datasets are swapped in with page.route, so the
// release build in dist/ is tested as it ships. The payload files are committed fixtures in
// tests/fixtures/hostile/ (the native tests in tests/hostile_datasets.rs read the same files).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dataset, watchConsole, groupThousands } from './helpers.mjs';

const FIXTURES = 'tests/fixtures/hostile';
const fixtureText = (name) => readFileSync(`${FIXTURES}/${name}`, 'utf8');
const xss = JSON.parse(fixtureText('xss.json'));
const ucdpEvents = dataset('ucdp').events.length;
const curatedEvents = dataset('curated').events.length;

// page.route does not see requests a service worker makes, and the app installs one: block it,
// so every request for data/curated.json is answered by the test.
test.use({ serviceWorkers: 'block' });

/** Console and page errors, less the one that blocking the service worker causes: Playwright's
 *  blocked `register()` resolves to undefined, and the app's update notice then reads
 *  `undefined.waiting` (a real browser resolves a registration or rejects). */
function consoleErrors(page) {
  const errors = watchConsole(page);
  return {
    list: () => errors.filter((e) => !e.includes("Cannot read properties of undefined (reading 'waiting')")),
  };
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Serves `body` for data/curated.json, `times` times (then the real file), or always. The app
 *  reads the gzip copy (data/curated.json.gz), so that is what is answered, gzipped. */
async function serveCurated(page, body, times = Infinity) {
  let left = times;
  await page.route('**/data/curated.json.gz', async (route) => {
    if (left > 0) {
      left -= 1;
      await route.fulfill({ status: 200, contentType: 'application/gzip', body: gzipSync(body) });
    } else {
      await route.continue();
    }
  });
}

/** Records every dialog (alert, confirm, prompt) a payload might open, and dismisses it. */
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

/** Nothing ran: no flag set by a payload, in the page or in any frame, and no markup from a
 *  payload became an element: no inline handler attribute anywhere, no frame, object or embed,
 *  no script that mentions the flag, no link to a javascript: or data: address. */
async function expectNothingExecuted(page, dialogs) {
  // Give onerror/onload/autofocus handlers (had they been created) time to fire.
  await page.waitForTimeout(500);
  const report = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: typeof window.__pwned,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
      frames: document.querySelectorAll('iframe, frame, object, embed').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__pwned')).length,
      jsLinks: document.querySelectorAll('a[href^="javascript" i], a[href^="data:" i], a[href^="vbscript" i], [*|href^="javascript" i]').length,
      payloadElements: document.querySelectorAll('img[src="x"], details[open][ontoggle], input[autofocus], svg [onload], noscript p, math mglyph').length,
    };
  });
  expect(report).toEqual({ pwned: 'undefined', handlers: [], frames: 0, scripts: 0, jsLinks: 0, payloadElements: 0 });
  for (const frame of page.frames()) {
    expect(await frame.evaluate(() => typeof window.__pwned)).toBe('undefined');
  }
  expect(dialogs).toEqual([]);
  // And nothing panicked: the panic hook (src/ui/panic_panel.rs) would have replaced the page.
  await expect(page.getByTestId('panic-panel')).toHaveCount(0);
}

async function expectTotal(page, n) {
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(n), { timeout: 30_000 });
}

test.describe('a dataset full of script-injection payloads', () => {
  test('is shown as literal text in the list and runs nothing', async ({ page }) => {
    const dialogs = watchDialogs(page);
    const errors = consoleErrors(page);
    await serveCurated(page, JSON.stringify(xss));
    await page.goto('./?c=curated');
    await expectTotal(page, xss.events.length + ucdpEvents);
    await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(xss.events.length));
    const list = page.getByTestId('event-list');
    for (const event of xss.events.slice(0, 8)) {
      await expect(list.getByText(event.summary, { exact: true })).toBeVisible();
    }
    await expect(list).toContainText('XSS 01: <script>window.__pwned=1</script>');
    await expect(list).toContainText('<img src=x onerror="window.__pwned=1">');
    await expectNothingExecuted(page, dialogs);
    expect(errors.list()).toEqual([]);
  });

  test('every text field of the detail view is literal text, and javascript: is no link', async ({ page }) => {
    const dialogs = watchDialogs(page);
    const errors = consoleErrors(page);
    await serveCurated(page, JSON.stringify(xss));
    // The first by its link, the others by clicking their summaries in the list (a page load
    // each would parse the 24 MB UCDP file 22 times).
    await page.goto(`./?c=curated&sel=${encodeURIComponent(xss.events[0].id)}`);
    await expect(page.getByTestId('event-detail')).toBeVisible({ timeout: 30_000 });
    for (const event of xss.events) {
      if (event !== xss.events[0]) {
        await page.getByTestId('event-list').getByRole('button', { name: event.summary, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`sel=${escapeRegExp(event.id)}(&|$)`));
      }
      const detail = page.getByTestId('event-detail');
      const payload = event.citations[0].quote;
      // The quote, exactly; the summary, place, district, gazetteer, weapons, wording and
      // "reported by" as substrings of their lines.
      await expect(detail.getByTestId('quote')).toHaveText(payload);
      await expect(detail.locator('h2')).toContainText(event.summary);
      const text = await detail.textContent();
      for (const field of [event.places[0].name, event.places[0].district, event.places[0].gazetteer,
        event.weapons[0], event.count.wording, event.casualties[0].wording, event.citations[0].reported_by]) {
        expect(text).toContain(field);
      }
      // The party name, as the source calls it, and the source title.
      expect(text).toContain(xss.parties[event.actors[0].party].name);
      const source = xss.sources.find((s) => s.id === event.citations[0].source);
      expect(text).toContain(source.title);
      // No source of this file has an http(s) URL: no "open source" link at all.
      await expect(detail.locator('a')).toHaveCount(0);
      await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
    }
    await expectNothingExecuted(page, dialogs);
    expect(errors.list()).toEqual([]);
  });

  test('the About and figures views show the collection and figure texts literally', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await serveCurated(page, JSON.stringify(xss));
    await page.goto('./?view=about');
    const about = page.getByTestId('about');
    await expect(about).toContainText(xss.collection.name, { timeout: 30_000 });
    await expect(about).toContainText(xss.collection.description);
    await expect(about).toContainText(xss.collection.attribution[0]);
    await expect(about).toContainText(xss.collection.citations[0]);
    await page.goto('./?view=figures');
    await expect(page.locator('main')).toContainText(xss.figures[0].area.name, { timeout: 30_000 });
    await expect(page.locator('main')).toContainText(xss.figures[1].value.wording);
    await expectNothingExecuted(page, dialogs);
  });

  test('searching for a payload finds it as text', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await serveCurated(page, JSON.stringify(xss));
    await page.goto(`./?c=curated&q=${encodeURIComponent('onerror')}`);
    await expectTotal(page, xss.events.length + ucdpEvents);
    await expect(page.getByTestId('event-list')).toContainText('<img src=x onerror="window.__pwned=1">');
    await expectNothingExecuted(page, dialogs);
  });
});

test.describe('broken dataset files', () => {
  for (const [name, expected] of [
    ['malformed.json', ['data/curated.json / curated:broken-2: the file is not valid JSON, so it was rejected', 'line 72 column 4']],
    ['nan.json', ['data/curated.json / curated:nan-2 / best: the file is not valid JSON', 'NaN and Infinity are not JSON numbers']],
    ['wrong_version.json', ['data/curated.json / schema_version: version 2 is not supported; this app reads version 1']],
    ['missing_version.json', ['data/curated.json / schema_version: missing']],
    ['top_level_array.json', ['data/curated.json: the file is an array, not a JSON object']],
  ]) {
    test(`${name} gives an error panel naming the file and the problem, and Try again recovers`, async ({ page }) => {
      await serveCurated(page, fixtureText(name), 1);
      await page.goto('./');
      const panel = page.getByRole('alert');
      await expect(panel).toBeVisible({ timeout: 30_000 });
      await expect(panel).toContainText('The data could not be loaded');
      await expect(panel).toContainText('data/curated.json was rejected');
      for (const words of expected) {
        await expect(panel).toContainText(words);
      }
      await expect(panel.locator('ul.problems li')).toHaveCount(1);
      // The second request gets the real file.
      await panel.getByRole('button', { name: 'Try again' }).click();
      await expectTotal(page, curatedEvents + ucdpEvents);
    });
  }

  test('in Arabic the error panel words the problem in Arabic, the parser\'s own words kept as written', async ({ page }) => {
    const arabic = readFileSync('locales/ar/main.ftl', 'utf8').split('\n');
    const message = (key) => arabic.find((l) => l.startsWith(`${key} =`)).split('=').slice(1).join('=').trim();
    // The sentence's words before its first argument, as the Arabic catalogue writes them.
    const opening = message('problem-not-json-near').split('{')[0].trim();
    await serveCurated(page, fixtureText('malformed.json'), 1);
    await page.goto('./?lang=ar');
    const panel = page.getByRole('alert');
    await expect(panel).toBeVisible({ timeout: 30_000 });
    // What failed, in Arabic, naming the file.
    const failed = panel.locator('.error-message');
    await expect(failed).toContainText(message('load-rejected').split('{')[0].trim());
    await expect(failed).toContainText('data/curated.json');
    await expect(failed).not.toHaveAttribute('lang', 'en');
    const line = panel.locator('ul.problems li');
    await expect(line).toHaveCount(1);
    await expect(line).toContainText('data/curated.json');
    await expect(line).toContainText(opening);
    await expect(line).not.toContainText('so it was rejected');
    // serde_json's words, as it writes them, marked English and isolated.
    const foreign = line.locator('bdi.foreign-words');
    await expect(foreign).toHaveCount(1);
    await expect(foreign).toHaveAttribute('lang', 'en');
    await expect(foreign).toContainText('line 72 column 4');
    await panel.screenshot({ path: 'e2e/artifacts/arabic-error-panel.png' });
  });

  test('a file with some bad records loads the good ones and says how many were skipped', async ({ page }) => {
    const errors = consoleErrors(page);
    await serveCurated(page, fixtureText('partial.json'));
    await page.goto('./?c=curated');
    await expectTotal(page, 3 + ucdpEvents);
    await expect(page.getByTestId('event-visible')).toHaveText('3');
    const notice = page.getByTestId('skipped-notice');
    await expect(notice).toContainText('3 records could not be read and were skipped');
    // The first problems are named in the notice itself: file, record id and field.
    await expect(notice.locator('li')).toHaveCount(3);
    await expect(notice.locator('li').first()).toContainText('data/curated.json / ');
    const list = page.getByTestId('event-list');
    await expect(list).toContainText('Partial file: first good event');
    await expect(list).toContainText('Partial file: third good event');
    await page.goto('./?c=curated&view=about');
    await expect(page.getByTestId('about')).toContainText('3 records were skipped while loading', { timeout: 30_000 });
    await page.getByTestId('about').locator('details.notices summary').click();
    await expect(page.getByTestId('about').locator('details.notices li').first()).toContainText('data/curated.json / ');
    expect(errors.list()).toEqual([]);
  });

  test('a 5 MB record text is skipped without freezing the page', async ({ page }) => {
    const doc = JSON.parse(fixtureText('partial.json'));
    doc.events[0].summary = 'x'.repeat(5 * 1024 * 1024);
    await serveCurated(page, JSON.stringify(doc));
    await page.goto('./?c=curated');
    await expectTotal(page, 2 + ucdpEvents);
    await expect(page.getByTestId('skipped-notice')).toContainText('4 records could not be read and were skipped');
  });
});

test.describe('junk links', () => {
  const big = 'a'.repeat(100 * 1024);

  /** Opens `query` even when it is too long for the test server's request line (Node refuses
   *  request heads over 16 KB): the document is answered from dist/ by the browser's router. */
  async function open(page, query) {
    const html = readFileSync('dist/index.html', 'utf8');
    await page.route((url) => url.pathname === '/' && url.search.length > 4000, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(`./${query}`);
    await expectTotal(page, curatedEvents + ucdpEvents);
  }

  for (const [label, query, words] of [
    ['a 100 KB search text', `?q=${big}`, ['The search text was longer than 2000 bytes and was cut']],
    ['a 100 KB selection', `?sel=${big}`, ['“sel” was longer than 2000 bytes; ignored']],
    ['a 100 KB unknown key', `?${big}=1`, ['Unknown parameter “aaaa']],
    ['a 100 KB list value', `?kind=${big}`, ['“kind” was longer than 2000 bytes; ignored']],
    ['repeated keys', '?view=list&view=about&view=list&kind=airstrike&kind=shelling',
      ['“view” was given 3 times; the last one was used', '“kind” was given 2 times; the values were combined']],
    ['control characters', '?gov=%00%1B%07&sel=%0Aucdp:1', ['is not a governorate; ignored', 'is not an event id; ignored']],
    ['invalid percent escapes', '?kind=%zz&q=%E0%A4%A', ['“kind” contains a “%” that does not start an escape', '“q” contains a “%”']],
    ['bytes that are not UTF-8', '?q=%FF%FE', ['“q” contains bytes that are not UTF-8 text']],
    ['thousands of parameters', `?${Array.from({ length: 3000 }, (_, i) => `p${i}=${i}`).join('&')}`,
      ['2980 more problems with the address were ignored']],
  ]) {
    test(`${label} gives a notice and a normal page`, async ({ page }) => {
      const errors = consoleErrors(page);
      await open(page, query);
      const notices = page.getByTestId('notices');
      await expect(notices).toBeVisible();
      for (const text of words) {
        await expect(notices).toContainText(text);
      }
      // The rest of the page as usual: the list, or the message that nothing matches.
      await expect(page.getByTestId('event-list').or(page.getByTestId('empty-result'))).toBeVisible();
      expect(errors.list()).toEqual([]);
    });
  }

  test('an unknown event id says so and the page is otherwise normal', async ({ page }) => {
    await open(page, '?sel=curated:nope');
    await expect(page.getByText('No event has the id “curated:nope” in the loaded collections.')).toBeVisible();
    await expect(page.getByTestId('event-list')).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page).not.toHaveURL(/sel=/);
  });

  test('markup in a link is shown as text in the notices and runs nothing', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await open(page, `?gov=${encodeURIComponent('<img src=x onerror=alert(1)>')}&${encodeURIComponent('<svg onload=alert(1)>')}=1`);
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText('<img src=x onerror=alert(1)>');
    await expect(notices).toContainText('<svg onload=alert(1)>');
    await expectNothingExecuted(page, dialogs);
  });
});
