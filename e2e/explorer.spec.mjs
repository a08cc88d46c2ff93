// The explorer in a real browser: every filter kind against counts computed here from the
// dataset files, chart clicks, timeline drags, links that reproduce a view, history, notices,
// the detail view and the CSV export.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { allEvents, dataset, watchConsole, screenshot, groupThousands, parseCsv } from './helpers.mjs';

const events = allEvents();
const SUBGROUPS = new Set(['children', 'women', 'medical_personnel', 'civil_defence', 'media_workers']);
const count = (predicate) => events.filter(predicate).length;
const overlaps = (e, from, to) => e.date.start <= to && e.date.end >= from;
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

async function open(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(events.length), { timeout: 30_000 });
}

async function expectVisible(page, n) {
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(n));
}

test('header shows visible and total events and their deaths', async ({ page }) => {
  const errors = watchConsole(page);
  await open(page);
  await expectVisible(page, events.length);
  const ucdpBest = dataset('ucdp').events.reduce((sum, e) => sum + e.ucdp.best, 0);
  // The UCDP share of the deaths is UCDP's own best estimate, so the total is at least that.
  const text = await page.getByTestId('deaths').textContent();
  const shown = Number(text.split(' ')[0].replaceAll(',', ''));
  expect(shown).toBeGreaterThanOrEqual(ucdpBest);
  expect(errors).toEqual([]);
});

test('each filter kind gives the count computed from the dataset', async ({ page }) => {
  await open(page);
  // Governorate.
  await page.locator('#governorate-Idlib').check();
  await expectVisible(page, count((e) => e.places.some((p) => p.governorate === 'Idlib')));
  await page.locator('fieldset[data-filter="governorate"] .clear').click();
  // Actor, any role, then perpetrator only.
  await page.locator('#actor-russia').check();
  await expectVisible(page, count((e) => e.actors.some((a) => a.actor === 'russia')));
  await page.locator('#actor-role').selectOption('perpetrator');
  await expectVisible(page, count((e) => e.actors.some((a) => a.actor === 'russia' && a.role === 'perpetrator')));
  await page.locator('#actor-role').selectOption('any');
  await page.locator('fieldset[data-filter="actor"] .clear').click();
  // Event kind.
  await page.locator('#kind-airstrike').check();
  await expectVisible(page, count((e) => e.kind === 'airstrike'));
  await page.locator('fieldset[data-filter="kind"] .clear').click();
  // Collection.
  await page.locator('#collection-curated').check();
  await expectVisible(page, count((e) => e.id.startsWith('curated:')));
  await page.locator('fieldset[data-filter="collection"] .clear').click();
  // Publisher.
  await page.locator('#publisher-snhr').check();
  const snhrSources = new Set(dataset('curated').sources.filter((s) => s.publisher === 'snhr').map((s) => s.id));
  await expectVisible(page, count((e) => e.citations.some((c) => snhrSources.has(c.source))));
  await page.locator('fieldset[data-filter="publisher"] .clear').click();
  // Casualties: at least one civilian killed.
  await page.locator('#casualty-civilians').check();
  await expectVisible(page, count((e) => e.casualties?.some((c) => c.outcome === 'killed' && (c.group === 'civilians' || SUBGROUPS.has(c.group)) && c.best !== 0)));
  // Dates, combined with the casualty filter.
  await page.getByTestId('date-from').fill('2019-10-30');
  await page.getByTestId('date-to').fill('2019-11-15');
  await page.getByTestId('date-to').dispatchEvent('change');
  await expectVisible(page, count((e) => overlaps(e, '2019-10-30', '2019-11-15') && e.casualties?.some((c) => c.outcome === 'killed' && (c.group === 'civilians' || SUBGROUPS.has(c.group)) && c.best !== 0)));
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expectVisible(page, events.length);
});

test('"Clear all" clears the filters and keeps the tab, the chart options and the language', async ({ page }) => {
  await open(page, '?view=map&gov=idlib&c=ucdp&metric=deaths&lang=ar');
  await expectVisible(page, count((e) => e.id.startsWith('ucdp:') && e.places.some((p) => p.governorate === 'Idlib')));
  await page.getByRole('button', { name: 'مسح الكل', exact: true }).click();
  await expectVisible(page, events.length);
  await expect(page.getByTestId('map')).toBeVisible();
  const link = new URL(page.url()).searchParams;
  expect(Object.fromEntries(link)).toEqual({ lang: 'ar', view: 'map', metric: 'deaths' });
});

test('text search is case- and diacritic-insensitive', async ({ page }) => {
  await open(page);
  const term = 'bayanin';
  const expected = count((e) => fold([e.summary, ...e.places.map((p) => p.name), ...e.citations.map((c) => c.quote)].join(' ')).includes(term));
  expect(expected).toBeGreaterThan(0);
  await page.locator('#search').fill('BAYĀNĪN');
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(expected));
  // The address is written just after the frame: wait for it.
  await expect(page).toHaveURL(/q=/);
});

test('clicking a bar toggles its filter and dragging the timeline sets the dates', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: /^Idlib: / }).click();
  await expectVisible(page, count((e) => e.places.some((p) => p.governorate === 'Idlib')));
  // The address is written just after the frame that shows the change.
  await expect(page).toHaveURL(/gov=idlib/);
  await page.getByRole('button', { name: /^Idlib: / }).click();
  await expectVisible(page, events.length);

  const timeline = page.getByTestId('timeline');
  await timeline.scrollIntoViewIfNeeded();
  const box = await timeline.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}.*to=\d{4}-\d{2}-\d{2}/);
  const url = new URL(page.url());
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  expect(from < to).toBeTruthy();
  await expectVisible(page, count((e) => overlaps(e, from, to)));
});

test('a copied link opens the same view in a fresh browser, and Back undoes changes', async ({ page, browser }) => {
  await open(page);
  await page.locator('#governorate-Aleppo').check();
  await page.locator('#kind-state_based_violence').check();
  await page.getByLabel('Timeline metric').selectOption('deaths');
  const expected = count((e) => e.kind === 'state_based_violence' && e.places.some((p) => p.governorate === 'Aleppo'));
  await expectVisible(page, expected);
  await expect(page).toHaveURL(/metric=deaths/);
  const link = page.url();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('event-visible')).toHaveText(groupThousands(expected), { timeout: 30_000 });
  await expect(other.getByLabel('Timeline metric')).toHaveValue('deaths');
  expect(other.url()).toBe(link);
  await fresh.close();

  await page.goBack(); // Undo the metric.
  await page.goBack(); // Undo the kind.
  await expectVisible(page, count((e) => e.places.some((p) => p.governorate === 'Aleppo')));
  await page.goForward();
  await expectVisible(page, expected);
});

test('unknown or invalid parameters give a visible notice and a normal page', async ({ page }) => {
  await open(page, '?foo=bar&gov=atlantis&from=2019-02-30&kind=airstrike');
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('foo');
  await expect(notices).toContainText('atlantis');
  await expectVisible(page, count((e) => e.kind === 'airstrike'));
});

test('a filter that matches nothing says so', async ({ page }) => {
  await open(page, '?q=zzzzqqqxxyy');
  await expectVisible(page, 0);
  await expect(page.getByTestId('empty-result')).toBeVisible();
});

test('the detail view shows the verbatim quote and is itself a link', async ({ page }) => {
  const event = dataset('curated').events.find((e) => e.casualties?.length && e.places[0].lat);
  await open(page, `?sel=${encodeURIComponent(event.id)}`);
  const detail = page.getByTestId('event-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('quote').first()).toHaveText(event.citations[0].quote);
  const ucdp = dataset('ucdp').events[0];
  await page.goto(`./?sel=${encodeURIComponent(ucdp.id)}`);
  await expect(page.getByTestId('ucdp-id')).toHaveText(String(ucdp.ucdp.id), { timeout: 30_000 });
});

test('a summary in the list opens its record, by keyboard too, and marks its row', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  const rows = page.getByTestId('event-list').locator('tbody tr');
  await expect(rows).toHaveCount(25);
  const second = rows.nth(1);
  const id = await second.getAttribute('data-event-id');
  const event = events.find((e) => e.id === id);
  await second.getByRole('button', { name: event.summary, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(id);
  await expect(page.getByTestId('event-detail')).toContainText(event.summary);
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('tbody tr[aria-current]')).toHaveCount(1);
  // Another row takes the mark, on the same elements: the list is not rebuilt.
  const first = rows.first();
  await first.evaluate((row) => { row.probe = true; });
  await first.locator('.summary-cell button').click();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(second).not.toHaveAttribute('aria-current', 'true');
  expect(await rows.first().evaluate((row) => row.probe)).toBe(true);
  expect(errors).toEqual([]);
});

test('CSV export holds exactly the filtered events, with quotes and permalinks', async ({ page }) => {
  await open(page, '?gov=idlib&c=curated');
  const expected = count((e) => e.id.startsWith('curated:') && e.places.some((p) => p.governorate === 'Idlib'));
  await expectVisible(page, expected);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const records = parseCsv(text.slice(1));
  const header = records[0];
  const blank = records.findIndex((r) => r.length === 1 && r[0] === '');
  const rows = records.slice(1, blank);
  expect(rows.length).toBe(expected);
  const quote = header.indexOf('quotes');
  const permalink = header.indexOf('permalink');
  for (const row of rows) {
    expect(row[quote].length).toBeGreaterThan(0);
    expect(row[permalink]).toContain('sel=');
  }
  // It credits the collection its rows come from, and not UCDP's, loaded beside it but with no
  // row in this view (the attribution lines, from the data).
  const notes = records.slice(blank).flat().join(' ');
  for (const line of dataset('curated').collection.attribution) expect(notes).toContain(line);
  for (const line of dataset('ucdp').collection.attribution) expect(notes).not.toContain(line);
  expect(notes).not.toContain('Uppsala');
  // The file names the view its rows came from, so a figure taken from it can be traced.
  const view = records.slice(blank).flat().find((line) => line.startsWith('# View: '));
  expect(new URL(view.slice('# View: '.length)).search).toBe(new URL(page.url()).search);
});

test('the whole view exports in batches: every event once, in CSV and JSON alike', async ({ page }) => {
  // 16,614 events are several batches of the export: the file must still hold each once, in
  // the view's order, with the head and tail counting them all.
  await open(page);
  await expectVisible(page, events.length);
  const exported = async (name) => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name }).click(),
    ]);
    return readFileSync(await download.path(), 'utf8');
  };
  const csv = parseCsv((await exported('Export CSV')).slice(1));
  const header = csv[0];
  const blank = csv.findIndex((r) => r.length === 1 && r[0] === '');
  const rows = csv.slice(1, blank);
  expect(rows.length).toBe(events.length);
  const ids = rows.map((row) => row[header.indexOf('id')]);
  expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
  expect(csv[blank + 1][0]).toContain(groupThousands(events.length));
  // UCDP's best estimates, summed from the file, are the export's.
  const best = header.indexOf('deaths_best');
  const ucdpBest = rows.filter((row) => row[header.indexOf('collection')] === 'ucdp')
    .reduce((sum, row) => sum + Number(row[best]), 0);
  expect(ucdpBest).toBe(dataset('ucdp').events.reduce((sum, e) => sum + e.ucdp.best, 0));
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  const json = JSON.parse(await exported('Export JSON'));
  expect(json.count).toBe(events.length);
  expect(json.events.map((e) => e.id)).toEqual(ids);
});

test('screenshots at phone and desktop widths', async ({ page }) => {
  for (const [width, height] of [[375, 812], [1440, 1000]]) {
    await page.setViewportSize({ width, height });
    await open(page, '?gov=idlib');
    await screenshot(page, `explorer-${width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  }
});

test('showing only UCDP gives the CSV’s headline counts', async ({ page }) => {
  const ucdp = dataset('ucdp').events;
  await open(page, '?c=ucdp');
  await expectVisible(page, ucdp.length);
  const best = ucdp.reduce((sum, e) => sum + e.ucdp.best, 0);
  const low = ucdp.reduce((sum, e) => sum + e.ucdp.low, 0);
  const high = ucdp.reduce((sum, e) => sum + e.ucdp.high, 0);
  const civilians = ucdp.reduce((sum, e) => sum + e.ucdp.deaths_civilians, 0);
  await expect(page.getByTestId('deaths')).toHaveText(
    `${groupThousands(best)} deaths (best estimate; range ${groupThousands(low)}–${groupThousands(high)}), ${groupThousands(civilians)} civilians`,
  );
});

// What a canvas shows, as counts of non-white pixels and a checksum, read in the page.
async function canvasPixels(locator) {
  return locator.evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) inked += 1;
      sum = (sum * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) % 1_000_000_007;
    }
    return { inked, sum };
  });
}

test('charts are painted, follow the filters, and download as SVG', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  const timeline = page.getByTestId('timeline').locator('canvas');
  await expect.poll(async () => (await canvasPixels(timeline)).inked).toBeGreaterThan(2000);
  const before = await canvasPixels(timeline);
  await page.locator('#governorate-Idlib').check();
  await expectVisible(page, count((e) => e.places.some((p) => p.governorate === 'Idlib')));
  await expect.poll(async () => (await canvasPixels(timeline)).sum).not.toBe(before.sum);
  await page.locator('#governorate-Idlib').uncheck();

  // A chart further down is painted once it comes into view, with one button per bar.
  const byGovernorate = page.locator('[data-chart="by-governorate.svg"]');
  await byGovernorate.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await canvasPixels(byGovernorate.locator('canvas'))).inked).toBeGreaterThan(500);
  const governorates = new Set(events.flatMap((e) => e.places.map((p) => p.governorate)).filter(Boolean));
  await expect(byGovernorate.locator('.chart-target:not([style="display:none"])')).toHaveCount(governorates.size);

  // The download is the same chart as SVG, with the hatching of imprecise dates as a pattern.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.timeline').getByRole('button', { name: 'SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('timeline.svg');
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg.startsWith('<svg')).toBeTruthy();
  expect(svg).toContain('fill="url(#imprecise)"');
  expect(svg).not.toContain('#010203');
  expect(errors).toEqual([]);
});

test('on screen, the list and the charts show every row and bar of a change', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  // The list on screen builds the rows that can be seen first, then the rest of the page.
  await page.locator('.event-list-panel').scrollIntoViewIfNeeded();
  const rows = page.getByTestId('event-list').locator('tbody tr');
  await page.getByRole('button', { name: /^Date/ }).click();
  await expect(rows).toHaveCount(25);
  const dates = (e) => e.date.start + e.date.end;
  const earliest = events.map(dates).sort()[0];
  const firstId = await rows.first().getAttribute('data-event-id');
  expect(dates(events.find((e) => e.id === firstId))).toBe(earliest);

  // A bar click on screen: the bars the filter takes away go, and come back with it.
  const byKind = page.locator('[data-chart="by-kind.svg"]');
  await byKind.scrollIntoViewIfNeeded();
  const bars = byKind.locator('.chart-target:not([style="display:none"])');
  await expect.poll(() => bars.count()).toBeGreaterThan(5);
  const before = await bars.count();
  // The bars are ranked, so the first is the most frequent kind.
  const kinds = new Set(events.map((e) => e.kind));
  const largest = Math.max(...[...kinds].map((k) => count((e) => e.kind === k)));
  await bars.first().click();
  await expect(bars).toHaveCount(1);
  await expectVisible(page, largest);
  await bars.first().click();
  await expect(bars).toHaveCount(before);
  await expectVisible(page, events.length);
  expect(errors).toEqual([]);
});

test('changing tab in the frame after a filter change leaves no error', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  // The panels below the screen catch up just after the frame; by then they are gone.
  await page.evaluate(() => {
    document.querySelector('#governorate-Idlib').click();
    [...document.querySelectorAll('nav.tabs button')].find((b) => b.textContent === 'Map').click();
  });
  await expectVisible(page, count((e) => e.places.some((p) => p.governorate === 'Idlib')));
  await page.getByRole('button', { name: 'Incidents', exact: true }).click();
  await expect(page.getByTestId('event-list').locator('tbody tr')).toHaveCount(25);
  await expect(page.getByTestId('panic-panel')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the list fills in the rows of a change, far below the screen too', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  const rows = page.getByTestId('event-list').locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await page.locator('#kind-airstrike').check();
  const airstrikes = events.filter((e) => e.kind === 'airstrike');
  await expectVisible(page, airstrikes.length);
  await expect(rows).toHaveCount(Math.min(25, airstrikes.length));
  // Newest first: the first row is an airstrike with the latest dates.
  const dates = (e) => e.date.start + e.date.end;
  const latest = airstrikes.map(dates).sort().at(-1);
  const firstId = await rows.first().getAttribute('data-event-id');
  expect(dates(airstrikes.find((e) => e.id === firstId))).toBe(latest);
});

test('a filter change leaves the page where the reader is, and fills the screen in its frame', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  // The governorate chart at the top of the screen, the list's first rows below it.
  await page.locator('[data-chart="by-governorate.svg"]').evaluate((element) => element.scrollIntoView());
  await expect.poll(() => page.evaluate(() => document.querySelector('.event-list tbody').getBoundingClientRect().top))
    .toBeLessThan(1000 - 100);
  const place = () => page.evaluate(() => ({
    scroll: window.scrollY,
    grid: document.querySelector('.chart-grid').getBoundingClientRect().top,
    list: document.querySelector('.event-list-panel').getBoundingClientRect().top,
  }));
  const before = await place();
  // Clicked in the page, so nothing scrolls the bar into view. In the frame that shows the
  // change, the list's rows reach the bottom of the screen (or the page has them all).
  const clickInFrame = (selector) => page.evaluate(async (selector) => {
    document.querySelector(selector).click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const rows = [...document.querySelectorAll('.event-list tbody tr')];
    return { rows: rows.length, bottom: rows.at(-1)?.getBoundingClientRect().bottom ?? 0, screen: innerHeight };
  }, selector);
  const frame = await clickInFrame('[data-chart="by-governorate.svg"] .chart-target');
  const governorates = new Map();
  for (const e of events) {
    for (const g of new Set(e.places.map((p) => p.governorate).filter(Boolean))) {
      governorates.set(g, (governorates.get(g) ?? 0) + 1);
    }
  }
  const largest = Math.max(...governorates.values());
  await expectVisible(page, largest);
  expect(frame.bottom >= frame.screen || frame.rows === Math.min(25, largest)).toBe(true);
  // Charts keep their height and options their lines: nothing above the reader moved.
  expect(await place()).toEqual(before);
  // An option with no event under the other filters is greyed, not taken away.
  // (The fixed groups: the open facets' groups are closed until the reader opens them.)
  const zero = page.locator('.filters > fieldset .option.zero:not(.absent)').first();
  await expect(zero).toBeVisible();
  await expect(zero.locator('.n')).toHaveText('0');
  // The list guesses how many rows fill the screen from where they were at the last change;
  // after a scroll that shows more of it, the rows still reach the bottom.
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before.scroll + 300);
  const again = await clickInFrame('[data-chart="by-governorate.svg"] .chart-target');
  await expectVisible(page, events.length);
  expect(again.bottom >= again.screen).toBe(true);
  expect(errors).toEqual([]);
});
