// The faults found by trying the explorer as its users would, in the page: sums users cite,
// links that must reproduce what is shown, and the form and the address agreeing. Every
// expected figure is computed here from the dataset files (or a committed fixture).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { allEvents, dataset, groupThousands, parseCsv, screenshot } from './helpers.mjs';

const events = allEvents();
const curated = dataset('curated');
const count = (predicate) => events.filter(predicate).length;
const overlaps = (e, from, to) => e.date.start <= to && e.date.end >= from;
const numberIn = (text) => Number(text.replaceAll(',', ''));
/** The kinds that are attacks (strikes, shelling, bombs, ground attacks, UCDP's violence). */
const ATTACKS = new Set([
  'airstrike', 'shelling', 'barrel_bomb', 'guided_missile', 'rocket_attack', 'ied', 'chemical_attack',
  'ground_attack', 'state_based_violence', 'non_state_violence', 'one_sided_violence',
]);

async function open(page, query = '', total = events.length) {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(total), { timeout: 30_000 });
}

const visible = (page) => page.getByTestId('event-visible');

test.describe('a collection whose deaths are given for a subgroup', () => {
  // page.route does not see a service worker's requests: block the worker.
  test.use({ serviceWorkers: 'block' });
  const fixture = readFileSync('tests/fixtures/faults/subgroup_deaths.json', 'utf8');
  const killed = (e, group) => {
    const entries = (e.casualties ?? []).filter((c) => c.outcome === 'killed' && c.group === group && c.best != null);
    return entries.length ? entries.reduce((s, c) => s + c.best, 0) : null;
  };
  // A civilians figure when given, else the children: they are at least that many civilians.
  const perEvent = JSON.parse(fixture).events.map((e) => killed(e, 'civilians') ?? killed(e, 'children') ?? 0);
  const expected = perEvent.reduce((s, n) => s + n, 0);

  test('count in the header and in the CSV export', async ({ page }) => {
    // The app reads the gzip copy of each collection.
    await page.route('**/data/curated.json.gz', (route) => route.fulfill({ status: 200, contentType: 'application/gzip', body: gzipSync(fixture) }));
    const ucdp = dataset('ucdp').events.length;
    await open(page, '?c=curated', ucdp + perEvent.length);
    await expect(visible(page)).toHaveText(String(perEvent.length));
    const deaths = page.getByTestId('deaths');
    await expect(deaths).toContainText(`${groupThousands(expected)} deaths`);
    await expect(deaths).toContainText(`${groupThousands(expected)} civilians`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const records = parseCsv(readFileSync(await download.path(), 'utf8').slice(1));
    const column = records[0].indexOf('deaths_best');
    const ids = JSON.parse(fixture).events.map((e) => e.id);
    const written = ids.map((id) => Number(records.find((r) => r[0] === id)?.[column]));
    expect(written).toEqual(perEvent);
  });
});

test('a monitor’s count of attacks is set beside attacks only, and its link opens them', async ({ page }) => {
  const figure = curated.figures.find((f) => f.id.endsWith('snhr-russia-2y-fig-01'));
  const { start, end } = figure.period;
  const russian = curated.events.filter((e) => overlaps(e, start, end) && e.actors.some((a) => a.actor === 'russia'));
  const attacks = russian.filter((e) => ATTACKS.has(e.kind)).length;
  expect(russian.length).toBeGreaterThan(attacks); // agreements and talks are in the window
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, `?view=figures&sel=${encodeURIComponent(figure.id)}`);
  const focus = page.getByTestId('figure-focus');
  const cell = focus.locator('tr[data-actors="russia"] td[data-collection="curated"]');
  await expect(cell.getByTestId('event-sum')).toHaveText(groupThousands(attacks));
  await expect(cell).toContainText(`in ${groupThousands(attacks)} events`);
  // Events counted whole though dated partly outside the period are said beside the sum.
  const beyond = russian.filter((e) => ATTACKS.has(e.kind) && (e.date.start < start || e.date.end > end)).length;
  if (beyond > 0) {
    await expect(cell.getByTestId('beyond-period')).toContainText(`${beyond} of them ha`);
  } else {
    await expect(cell.getByTestId('beyond-period')).toHaveCount(0);
  }
  await expect(page.getByTestId('counting-rule')).toContainText('never counted');
  await screenshot(page, 'figures-attacks-1440');
  // The link opens exactly the events counted, both collections together.
  const both = events.filter((e) => overlaps(e, start, end) && ATTACKS.has(e.kind) && e.actors.some((a) => a.actor === 'russia')).length;
  await focus.locator('tr[data-actors="russia"]').getByTestId('open-events').click();
  await expect(visible(page)).toHaveText(groupThousands(both));
});

test('a one-sided date filter draws the timeline over its window only', async ({ page }) => {
  const from = '2023-10-01';
  const matching = events.filter((e) => e.date.end >= from);
  const last = matching.map((e) => e.date.end).sort().at(-1);
  const months = (Number(last.slice(0, 4)) - 2023) * 12 + Number(last.slice(5, 7)) - 10 + 1;
  await page.setViewportSize({ width: 1440, height: 1000 });
  for (const query of [`?from=${from}`, `?from=${from}&to=${last}`]) {
    await open(page, query);
    await expect(visible(page)).toHaveText(groupThousands(matching.length));
    await expect(page.getByTestId('timeline').locator('canvas')).toHaveAttribute('aria-label', new RegExp(`^Timeline of ${months} columns`));
  }
});

test('reversed dates typed in the form follow the link’s rule, and typing replaces history', async ({ page }) => {
  await open(page, '?to=2019-01-31');
  const before = page.url();
  const from = page.getByTestId('date-from');
  // Focus lands on the first segment, the month (a click would land on the segment under it).
  await from.focus();
  // Typed as a person does, digit by digit: month, day, then the year.
  await page.keyboard.type('03012019', { delay: 30 });
  await from.blur();
  const swapped = count((e) => overlaps(e, '2019-01-31', '2019-03-01'));
  await expect(visible(page)).toHaveText(groupThousands(swapped));
  await expect(page.getByTestId('notices')).toContainText('swapped');
  await expect(page).toHaveURL(/from=2019-01-31&to=2019-03-01/);
  await expect(from).toHaveValue('2019-01-31');
  await expect(page.getByTestId('date-to')).toHaveValue('2019-03-01');
  const live = page.url();
  // One Back undoes the whole typing: no entry per digit.
  await page.goBack();
  await expect(page).toHaveURL(before);
  await expect(visible(page)).toHaveText(groupThousands(count((e) => e.date.start <= '2019-01-31')));
  // The address of the live view, opened fresh, shows the same view.
  await open(page, new URL(live).search);
  await expect(visible(page)).toHaveText(groupThousands(swapped));
});

test('collection ids are matched without case, unknown ones are named and dropped', async ({ page }) => {
  const ucdp = dataset('ucdp').events.length;
  const curatedCount = curated.events.length;
  await open(page, '?c=foo');
  await expect(visible(page)).toHaveText(groupThousands(events.length));
  await expect(page.getByTestId('notices')).toContainText('“foo”');
  await expect(page.locator('.summary-bar .collections')).not.toBeEmpty();
  await expect(page).not.toHaveURL(/foo/);

  await open(page, '?c=CURATED');
  await expect(visible(page)).toHaveText(groupThousands(curatedCount));
  await expect(page).toHaveURL(/c=curated$/);
  await expect(page.locator('.summary-bar .collections')).toHaveText(curated.collection.name);

  await open(page, '?c=curated,foo');
  await expect(visible(page)).toHaveText(groupThousands(curatedCount));
  await expect(page.getByTestId('notices')).toContainText('“foo”');
  await page.locator('#collection-ucdp').check();
  await expect(visible(page)).toHaveText(groupThousands(curatedCount + ucdp));
  await expect(page).toHaveURL(/c=curated,ucdp$/);
});

test('a page beyond the last is clamped in the state and the address', async ({ page }) => {
  const pages = Math.ceil(curated.events.length / 25);
  await open(page, '?c=curated&page=9');
  await expect(page.locator('.pager span')).toHaveText(`Page ${pages} of ${pages}`);
  // Pages are numbered from 1 in the address, as on screen.
  await expect(page).toHaveURL(pages > 1 ? new RegExp(`page=${pages}$`) : /c=curated$/);
  await expect(page.getByTestId('notices')).toContainText('no page 9');
  if (pages > 1) {
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page.locator('.pager span')).toHaveText(`Page ${pages - 1} of ${pages}`);
  }
});

test('punctuation next to a search word finds what the word finds', async ({ page }) => {
  const counts = {};
  for (const q of ['Saraqib', 'Saraqib.', 'Saraqib,', 'Kafr Nubl', '(Kafr Nubl)', 'Saraqib Ariha', 'Saraqib/Ariha']) {
    await open(page, `?q=${encodeURIComponent(q)}`);
    await expect(visible(page)).not.toHaveText(groupThousands(events.length));
    counts[q] = numberIn(await visible(page).textContent());
  }
  expect(counts.Saraqib).toBeGreaterThan(0);
  expect(counts['Kafr Nubl']).toBeGreaterThan(0);
  expect(counts['Saraqib.']).toBe(counts.Saraqib);
  expect(counts['Saraqib,']).toBe(counts.Saraqib);
  expect(counts['(Kafr Nubl)']).toBe(counts['Kafr Nubl']);
  expect(counts['Saraqib/Ariha']).toBe(counts['Saraqib Ariha']);
});

test('a link is rewritten to the canonical link of what it shows', async ({ page }) => {
  // Reversed dates, a miscased governorate, an unknown kind and an unknown parameter.
  await open(page, '?from=2020-01-01&to=2016-01-01&gov=IDLIB&kind=airstrike,foo&zzz=1');
  const expected = count((e) => overlaps(e, '2016-01-01', '2020-01-01') && e.kind === 'airstrike'
    && e.places.some((p) => p.governorate === 'Idlib'));
  await expect(visible(page)).toHaveText(groupThousands(expected));
  await expect(page).toHaveURL(/\?from=2016-01-01&to=2020-01-01&kind=airstrike&gov=idlib$/);
  await expect(page.getByTestId('notices')).toContainText('swapped');
  await expect(page.getByTestId('notices')).toContainText('foo');
});

test('the figures view says when a link names no figure', async ({ page }) => {
  await open(page, '?view=figures&sel=curated:no-such-figure');
  await expect(page.getByTestId('unknown-figure')).toContainText('curated:no-such-figure');
  await expect(page.getByTestId('figures')).toBeVisible();
});

test('children and women said killed without a number are named under the composition, not shown as none', async ({ page }) => {
  const saidWithoutNumber = (group) => allEvents().filter((event) => {
    const entries = (event.casualties ?? []).filter((c) => c.outcome === 'killed' && c.group === group);
    return entries.length > 0 && entries.every((c) => !c.best) && entries.some((c) => c.best == null);
  }).length;
  const children = saidWithoutNumber('children');
  const women = saidWithoutNumber('women');
  expect(children).toBeGreaterThan(0);
  await page.goto('./');
  await expect(page.getByTestId('event-total')).toHaveText(allEvents().length.toLocaleString('en-US'), { timeout: 30_000 });
  const note = page.getByTestId('composition-unstated');
  await note.scrollIntoViewIfNeeded();
  const said = (n) => `${n} event${n === 1 ? ' says' : 's say'}`;
  await expect(note).toContainText(`${said(children)} children were killed without giving a number`);
  if (women > 0) await expect(note).toContainText(`${said(women)} women were killed without giving a number`);
  await expect(note).toContainText('in no bar above');
});

test('a record that gives no casualties says so, in both languages, rather than an empty line', async ({ page }) => {
  const catalogue = (lang) => {
    const line = readFileSync(`locales/${lang}/main.ftl`, 'utf8').split('\n').find((l) => l.startsWith('detail-casualties-none ='));
    return line.slice(line.indexOf('=') + 1).trim();
  };
  const without = events.find((e) => (e.casualties ?? []).length === 0);
  const withSome = events.find((e) => (e.casualties ?? []).length > 0);
  expect(without).toBeTruthy();
  for (const lang of ['en', 'ar']) {
    await open(page, `?lang=${lang}&sel=${encodeURIComponent(without.id)}`);
    await expect(page.getByTestId('detail-casualties')).toHaveText(catalogue(lang));
    await open(page, `?lang=${lang}&sel=${encodeURIComponent(withSome.id)}`);
    await expect(page.getByTestId('detail-casualties').locator('li')).toHaveCount(withSome.casualties.length);
    await expect(page.getByTestId('detail-casualties')).not.toContainText(catalogue(lang));
  }
});

test('a figure’s sums say which events they count whole, as the view its link opens does', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, `?view=figures&sel=${encodeURIComponent('curated:snhr-russia-2y-fig-05')}`);
  const row = page.getByTestId('figure-focus').locator('tr[data-actors=""]').first();
  // The sums are made after the view is drawn.
  await expect(row.getByTestId('event-sum').first()).toBeVisible();
  await expect(page.getByText('Adding up the events')).toHaveCount(0);
  const notes = await row.getByTestId('beyond-period').allTextContents();
  const said = notes.reduce((sum, text) => sum + numberIn(text.match(/([\d,]+) of them/)[1]), 0);
  expect(said).toBeGreaterThan(0);
  await row.getByTestId('open-events').click();
  await expect(page.getByTestId('beyond-window')).toContainText(`${groupThousands(said)} events have dates reaching beyond these dates`);
});

test('what counting only the events dated within a window leaves out adds up with the header’s count, agreements too', async ({ page }) => {
  // A quarter of 2017, over every collection: events dated to a whole year or a longer span
  // (an agreement of 2015 to 2023 among them) overlap it, from the data.
  const [from, to] = ['2017-01-01', '2017-03-31'];
  const shown = events.filter((e) => overlaps(e, from, to));
  const within = shown.filter((e) => e.date.start >= from && e.date.end <= to);
  const leftOut = shown.length - within.length;
  // Among those left out, a milestone (agreements and political events: core::vocab), which
  // the header counts among the events and then no longer.
  const milestone = (e) => ['ceasefire_agreement', 'political_event'].includes(e.kind);
  expect(shown.filter((e) => !within.includes(e) && milestone(e)).length).toBeGreaterThan(0);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, `?from=${from}&to=${to}`);
  await expect(visible(page)).toHaveText(groupThousands(shown.length));
  // The note beside the count says how many reach beyond the window: all that would leave.
  await expect(page.getByTestId('beyond-window')).toContainText(`${groupThousands(leftOut)} events have dates reaching beyond these dates`);
  await open(page, `?from=${from}&to=${to}&dates=within`);
  await expect(visible(page)).toHaveText(groupThousands(within.length));
  await expect(page.getByTestId('within-only')).toContainText(`${groupThousands(leftOut)} events whose dates reach beyond them are left out`);
});

test('a narrow date window says which events it counts whole, and can count only those dated within it', async ({ page }) => {
  const ucdp = dataset('ucdp').events;
  const [from, to] = ['2017-03-15', '2017-03-15'];
  // UCDP gives every event's deaths as one figure for all people killed.
  const deaths = (list) => list.reduce((sum, e) => sum + (e.casualties ?? [])
    .filter((c) => c.group === 'all' && c.outcome === 'killed')
    .reduce((s, c) => s + (c.best ?? 0), 0), 0);
  const shown = ucdp.filter((e) => overlaps(e, from, to));
  const beyond = shown.filter((e) => e.date.start < from || e.date.end > to);
  const within = shown.filter((e) => e.date.start >= from && e.date.end <= to);
  // The window is a day, and events dated only to a month or a year overlap it.
  expect(beyond.length).toBeGreaterThan(1);
  expect(within.length).toBeGreaterThan(0);
  expect(deaths(beyond)).toBeGreaterThan(deaths(within));
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, `?c=ucdp&from=${from}&to=${to}`);
  await expect(visible(page)).toHaveText(groupThousands(shown.length));
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths(shown))} deaths`);
  const note = page.getByTestId('beyond-window');
  await expect(note).toContainText(`${beyond.length} events have dates reaching beyond these dates`);
  await expect(note).toContainText(`count whole: ${groupThousands(deaths(beyond))} of the deaths`);
  await expect(page.getByTestId('date-match')).toHaveValue('overlap');
  await screenshot(page, 'dates-beyond-1440');

  // By keyboard: focus goes to the button that takes the pressed one's place.
  await note.getByTestId('count-within').focus();
  await page.keyboard.press('Enter');
  await expect(visible(page)).toHaveText(groupThousands(within.length));
  await expect(page.getByTestId('count-overlapping')).toBeFocused();
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths(within))} death`);
  await expect(page).toHaveURL(/[?&]dates=within(&|$)/);
  await expect(page.getByTestId('beyond-window')).toHaveCount(0);
  await expect(page.getByTestId('within-only')).toBeVisible();
  // It says what counting within the dates leaves out: what the other way counts whole.
  await expect(page.getByTestId('within-only')).toContainText(
    `${beyond.length} events whose dates reach beyond them are left out, with ${groupThousands(deaths(beyond))} deaths`);
  await expect(page.getByTestId('date-match')).toHaveValue('within');
  await screenshot(page, 'dates-within-1440');
  // The link reproduces it.
  await page.reload();
  await expect(visible(page)).toHaveText(groupThousands(within.length));

  // And back, by the header's button; the note's own button takes focus.
  await page.getByTestId('count-overlapping').press('Enter');
  await expect(visible(page)).toHaveText(groupThousands(shown.length));
  await expect(page.getByTestId('count-within')).toBeFocused();
  await page.getByTestId('count-within').press('Enter');
  await expect(visible(page)).toHaveText(groupThousands(within.length));
  // The choice under the dates goes back to counting every event that overlaps them.
  await page.getByTestId('date-match').selectOption('overlap');
  await expect(visible(page)).toHaveText(groupThousands(shown.length));
  await expect(page).not.toHaveURL(/dates=/);
  await expect(page.getByTestId('beyond-window')).toBeVisible();

  // On a phone, in Arabic, the note and its button fit the bar.
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, `?lang=ar&c=ucdp&from=${from}&to=${to}`);
  await expect(page.getByTestId('beyond-window')).toContainText(groupThousands(deaths(beyond)));
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);
  await screenshot(page, 'dates-beyond-ar-375');
});

test('a map with nothing to shade has no classes in its legend, and names its metric in lower case', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  const nowhere = 'qqqzzzxxqqq';
  expect(count((e) => JSON.stringify(e).toLowerCase().includes(nowhere))).toBe(0);
  await open(page, `?view=map&q=${nowhere}`);
  await expect(visible(page)).toHaveText('0');
  const swatches = page.getByTestId('map').locator('.legend li:has(.swatch[style])');
  await expect(swatches).toHaveText(['no events']);
  await open(page, `?view=map&metric=deaths&q=${nowhere}`);
  await expect(swatches).toHaveText(['no deaths']);
  // With events shown, the classes come back.
  await open(page, '?view=map&metric=civilians');
  await expect(swatches.first()).toHaveText('no civilians killed');
  expect(await swatches.count()).toBe(6);
});

test('a best estimate outside the source’s own range is said where the sums are shown', async ({ page }) => {
  const ucdp = dataset('ucdp').events;
  const all = (e) => (e.casualties ?? []).find((c) => c.group === 'all' && c.outcome === 'killed');
  const outside = (list) => list.filter((e) => {
    const c = all(e);
    return c && c.best != null && ((c.low ?? c.best) > c.best || (c.high ?? c.best) < c.best);
  }).length;
  const n = outside(ucdp);
  expect(n).toBeGreaterThan(1);
  await open(page, '?c=ucdp');
  await expect(page.getByTestId('best-outside')).toContainText(`for ${groupThousands(n)} events the source's best estimate lies outside`);
  // A view without such an event has no note.
  const day = ucdp.find((e) => e.date.start === e.date.end && outside([e]) === 0 && ucdp.filter((o) => overlaps(o, e.date.start, e.date.start)).every((o) => outside([o]) === 0));
  await open(page, `?c=ucdp&from=${day.date.start}&to=${day.date.start}`);
  await expect(visible(page)).not.toHaveText('0');
  await expect(page.getByTestId('best-outside')).toHaveCount(0);
});

test('a timeline that holds less than the view says how much, and one that holds it all says nothing', async ({ page }) => {
  const ucdp = dataset('ucdp').events;
  const [from, to] = ['2017-03-15', '2017-03-15'];
  const best = (e) => (e.casualties ?? []).filter((c) => c.group === 'all' && c.outcome === 'killed')
    .reduce((s, c) => s + (c.best ?? 0), 0);
  const shown = ucdp.filter((e) => overlaps(e, from, to));
  const total = shown.reduce((sum, e) => sum + best(e), 0);
  // The part of each event's deaths that falls in March 2017, the one column shown.
  const days = (a, b) => (Date.parse(b) - Date.parse(a)) / 86_400_000 + 1;
  const inMarch = shown.reduce((sum, e) => {
    const start = e.date.start > '2017-03-01' ? e.date.start : '2017-03-01';
    const end = e.date.end < '2017-03-31' ? e.date.end : '2017-03-31';
    return sum + best(e) * days(start, end) / days(e.date.start, e.date.end);
  }, 0);
  expect(inMarch).toBeLessThan(total);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, `?c=ucdp&from=${from}&to=${to}&metric=deaths`);
  const part = page.getByTestId('timeline-part');
  await expect(part).toContainText(`The chart shows ${inMarch.toFixed(1)} of this view's ${groupThousands(total)} deaths`);
  // Counting only the events dated within the day, the chart holds them all.
  await open(page, `?c=ucdp&from=${from}&to=${to}&metric=deaths&dates=within`);
  await expect(page.getByTestId('beyond-window')).toHaveCount(0);
  await expect(page.getByTestId('within-only')).toBeVisible();
  await expect(part).toHaveCount(0);
  // So does the whole collection's timeline, its spread shares summed.
  await open(page, '?c=ucdp&metric=deaths');
  await expect(page.getByTestId('timeline-value')).toBeVisible();
  await expect(part).toHaveCount(0);
});

test('a UCDP quote gives the characters its headline’s HTML codes stand for, and the record keeps the headline as UCDP gives it', async ({ page }) => {
  // The events whose headline UCDP keeps with HTML character references (&#8220;), from the data.
  const encoded = dataset('ucdp').events.filter((e) => e.ucdp.source_headline !== undefined);
  expect(encoded.length).toBeGreaterThan(0);
  const event = encoded[0];
  const quote = event.citations[0].quote;
  expect(quote).not.toContain('&#');
  expect(event.ucdp.source_headline).toContain('&#');
  await open(page, `?sel=${encodeURIComponent(event.id)}`);
  await expect(page.getByTestId('quote')).toHaveText(quote);
  await expect(page.getByTestId('ucdp-headline')).toHaveText(event.ucdp.source_headline);
  // An event whose headline holds no code shows no second headline.
  const plain = dataset('ucdp').events.find((e) => e.ucdp.source_headline === undefined);
  await open(page, `?sel=${encodeURIComponent(plain.id)}`);
  await expect(page.getByTestId('quote')).toHaveText(plain.citations[0].quote);
  await expect(page.getByTestId('ucdp-headline')).toHaveCount(0);
});
