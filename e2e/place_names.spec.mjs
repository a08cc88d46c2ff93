// Places in Arabic: the Arabic view names a place by its gazetteer name, or by its source's
// spelling marked as such; a place typed in Arabic is found, in either interface language.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { allEvents, dataset, screenshot, watchConsole } from './helpers.mjs';

const total = () => allEvents().length.toLocaleString('en-US');

/** The Arabic catalogue's text for `key`. */
function arabicText(key) {
  const line = readFileSync('locales/ar/main.ftl', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key} =`));
  return line.slice(line.indexOf('=') + 1).trim();
}

/** Events whose own words (summary, places, parties, quotes) hold `text`: what search finds
 *  without the gazetteer. */
function eventsWithText(text) {
  return ['curated', 'ucdp'].flatMap((name) => {
    const d = dataset(name);
    return d.events.filter((event) => {
      const parties = (event.actors ?? []).map((a) => d.parties?.[a.party]?.name ?? '');
      const words = [event.summary, ...event.places.map((p) => p.name), ...parties, ...event.citations.map((c) => c.quote)];
      return words.some((w) => (w ?? '').includes(text));
    });
  });
}

async function visible(page) {
  return Number((await page.getByTestId('event-visible').textContent()).replace(/[^\d]/g, ''));
}

test('a place typed in Arabic is found, in either interface language', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('./?lang=ar&q=%D8%AD%D9%84%D8%A8');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const inArabic = await visible(page);
  // More than the events whose own text says حلب: the places the gazetteer names so count.
  expect(inArabic).toBeGreaterThan(eventsWithText('حلب').length);
  await page.goto('./?lang=en&q=%D8%AD%D9%84%D8%A8');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  expect(await visible(page)).toBe(inArabic);
  expect(errors).toEqual([]);
});

test('the Arabic view names places in Arabic and shows where the name comes from', async ({ page }) => {
  await page.goto('./?lang=ar&q=%D8%AD%D9%84%D8%A8');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const list = page.getByTestId('event-list');
  const rows = list.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // Some row on the first page is at a place named حلب, in Arabic script, not marked.
  const arabicPlaces = list.locator('tbody tr td:nth-child(2) bdi:not(.source-spelling)', { hasText: 'حلب' });
  await expect(arabicPlaces.first()).toBeVisible();
  const row = rows.filter({ has: page.locator('td:nth-child(2) bdi:not(.source-spelling)', { hasText: 'حلب' }) }).first();
  await row.locator('.summary-cell button').click();
  const detail = page.getByTestId('event-detail');
  await expect(detail).toBeVisible();
  // The detail gives the source's own spelling and the gazetteer record.
  await expect(detail).toContainText('في المصدر');
  await expect(detail).toContainText("GeoNames via Who's On First");
  await screenshot(page, 'place-names-ar');
});

test('a place with no Arabic name keeps its source spelling, marked, and says why', async ({ page }) => {
  // "northwest Syria" names a region, which no gazetteer holds.
  await page.goto('./?lang=ar&q=northwest');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const marked = page.getByTestId('event-list').locator('tbody tr td:nth-child(2) .source-spelling').first();
  await expect(marked).toBeVisible();
  await expect(marked).toHaveAttribute('lang', 'en');
  await expect(marked).toHaveAttribute('title', arabicText('place-source-spelling'));
  expect(await marked.evaluate((e) => getComputedStyle(e).fontStyle)).toBe('italic');
  await page.getByTestId('event-list').locator('.summary-cell button').first().click();
  await expect(page.getByTestId('event-detail')).toContainText(arabicText('place-source-spelling'));
});

test('the English view keeps every source spelling, unmarked', async ({ page }) => {
  await page.goto('./?lang=en&q=%D8%AD%D9%84%D8%A8');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  await expect(page.getByTestId('event-list').locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('.source-spelling')).toHaveCount(0);
  const places = await page.getByTestId('event-list').locator('tbody tr td:nth-child(2) bdi').allTextContents();
  const sourceNames = new Set(allEvents().map((e) => e.places[0]?.name));
  for (const place of places) expect(sourceNames.has(place)).toBe(true);
});

/** Opens the places filter (closed until asked) and gives its group. */
async function openPlaces(page) {
  const details = page.locator('details[data-facet="place"]');
  if (!(await details.evaluate((element) => element.open))) await details.locator('summary').click();
  return page.locator('fieldset[data-filter="place"]');
}

test('the places filter finds a place typed in Arabic or in Latin letters, in either language', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('./?lang=ar');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const places = await openPlaces(page);
  const search = places.getByTestId('facet-search-place');
  // Typed in Arabic: the places the gazetteer names حلب are listed by that name, though their
  // sources spell them in Latin letters (the option's value).
  await search.fill('حلب');
  const named = places.locator('label.option').filter({ has: page.locator('.value:not(.source-spelling)', { hasText: /^حلب(\s|$)/ }) });
  await expect(named.first()).toBeVisible();
  const spelling = await named.first().locator('input').getAttribute('value');
  expect(spelling).toMatch(/^[\x20-\x7E]+$/);
  // Where several spellings share the name, each option shows its own beside it.
  const spellings = await named.locator('input').evaluateAll((inputs) => inputs.map((i) => i.value));
  if (spellings.length > 1) {
    expect(await named.locator('.spelling').allTextContents()).toEqual(spellings);
  }
  const option = places.locator(`label.option input[value="${spelling}"]`);
  // With vowel marks, the same place is found (the search box's rules); and typed as its
  // source spells it, in the Arabic view, the same option, shown by its Arabic name.
  for (const typed of ['حَلَب', spelling]) {
    await search.fill(typed);
    await expect(option).toHaveCount(1);
    await expect(named.first()).toBeVisible();
  }
  // Ticking it filters to the events at a place so spelt, counted from the data.
  await search.fill('حلب');
  const expected = allEvents().filter((e) => e.places.some((p) => p.name.trim() === spelling)).length;
  expect(expected).toBeGreaterThan(0);
  await option.check();
  await expect(page.getByTestId('event-visible')).toHaveText(expected.toLocaleString('en-US'));
  await screenshot(page, 'place-typeahead-ar');
  // In the English view, typed in Arabic: the option by its source spelling.
  await page.goto(`./?lang=en`);
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const english = await openPlaces(page);
  await english.getByTestId('facet-search-place').fill('حلب');
  await expect(english.locator(`label.option input[value="${spelling}"]`)).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a governorate typed in Arabic or in English finds every event in it', async ({ page }) => {
  // Events in Aleppo governorate whose own words never name Aleppo: found by its name only.
  const inAleppo = allEvents().filter((e) => e.places.some((p) => p.governorate === 'Aleppo'));
  const silent = inAleppo.filter((e) => ![e.summary, ...e.places.map((p) => p.name), ...e.citations.map((c) => c.quote)]
    .some((w) => (w ?? '').toLowerCase().includes('aleppo')));
  expect(silent.length).toBeGreaterThan(0);
  const counts = {};
  for (const q of ['', 'حلب', 'Aleppo']) {
    await page.goto(`./?gov=aleppo${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
    await expect(page.getByTestId('event-visible')).not.toHaveText(total());
    counts[q] = await visible(page);
  }
  expect(counts['']).toBe(inAleppo.length);
  expect(counts['حلب']).toBe(inAleppo.length);
  expect(counts.Aleppo).toBe(inAleppo.length);
});
