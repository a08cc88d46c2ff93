// Every chart is also a table: the "Table" toggle of each chart shows the numbers the chart
// draws (its buttons' values, the summary's totals), follows the filters, is kept in the link,
// downloads as CSV with the same rows, and reads in Arabic. From the keyboard each chart is one
// Tab stop, arrows move between its bars, Enter filters; every control says what it does, and
// every bar is a target at least 24 px tall.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { allEvents, dataset, groupThousands, parseCsv, watchConsole } from './helpers.mjs';

const events = allEvents();
const number = (text) => Number(text.replaceAll(',', ''));
// A value as the page shows it in a table, a label or a hover text (core::i18n::format_value):
// a whole number with its thousands grouped, a fraction (an imprecisely dated event's share of
// a period) to one decimal.
const shown = (value) => {
  const tenths = Math.round(Math.abs(value) * 10);
  const grouped = Math.floor(tenths / 10).toLocaleString('en-US');
  const sign = value < 0 && tenths > 0 ? '-' : '';
  return Math.abs(value - Math.round(value)) < 1e-9 ? `${sign}${grouped}` : `${sign}${grouped}.${tenths % 10}`;
};
const BARS = ['by-actor.svg', 'by-kind.svg', 'by-governorate.svg'];

async function open(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(events.length), { timeout: 30_000 });
}

/** The events the summary counts as incidents: visible, less the agreements it lists apart. */
async function countedEvents(page) {
  const visible = number(await page.getByTestId('event-visible').textContent());
  const note = page.getByTestId('milestones-note');
  const milestones = (await note.count()) > 0 ? number((await note.textContent()).match(/\d[\d,]*/)[0]) : 0;
  return visible - milestones;
}

/** The bars of a chart as its buttons name them: "Idlib: 1,234 Events" → [label, value]. */
async function chartBars(panel) {
  const names = await panel.locator('.chart-target:not([style="display:none"])').evaluateAll(
    (buttons) => buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-pressed')]),
  );
  return names.map(([name, pressed]) => {
    const [, label, value] = name.match(/^(.*): ([\d,.]+) [^:]*$/);
    return { label, value, pressed: pressed === 'true' };
  });
}

/** A table's rows: the row heading, the cells' texts. */
async function tableRows(panel) {
  return panel.getByTestId('chart-table').locator('tbody tr').evaluateAll((rows) => rows.map((row) => ({
    label: row.querySelector('th').textContent,
    cells: [...row.querySelectorAll('td')].map((td) => td.textContent),
    selected: row.classList.contains('selected'),
  })));
}

async function headings(panel) {
  return panel.getByTestId('chart-table').locator('thead th').allTextContents();
}

test('each bar chart as a table holds the numbers its bars show', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, '?gov=idlib');
  for (const chart of BARS) {
    const panel = page.locator(`[data-chart="${chart}"]`);
    await panel.scrollIntoViewIfNeeded();
    await expect.poll(() => panel.locator('.chart-target:not([style="display:none"])').count()).toBeGreaterThan(0);
    const bars = await chartBars(panel);
    const toggle = panel.getByTestId('table-toggle');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.locator('canvas')).toHaveCount(0);
    const rows = await tableRows(panel);
    // Label for label, value for value, in the chart's order, with the same bars pressed.
    expect(rows.map((r) => [r.label, r.cells[0], r.selected])).toEqual(bars.map((b) => [b.label, b.value, b.pressed]));
    const table = panel.getByTestId('chart-table');
    await expect(table.locator('caption')).toContainText('Events');
    await expect(table.locator('thead th[scope="col"]').first()).toBeVisible();
    await expect(table.locator('tbody th[scope="row"] bdi').first()).toBeVisible();
  }
  // The toggles are in the link, in the page's order.
  await expect(page).toHaveURL(/[?&]table=actor,kind,gov(&|$)/);
  // Each event has one kind: the kind table adds up to the events the summary counts.
  const kinds = await tableRows(page.locator('[data-chart="by-kind.svg"]'));
  expect(kinds.reduce((sum, r) => sum + number(r.cells[0]), 0)).toBe(await countedEvents(page));
  // The governorate filter shows as the selected row.
  const governorates = await tableRows(page.locator('[data-chart="by-governorate.svg"]'));
  expect(governorates.filter((r) => r.selected).map((r) => r.label)).toEqual(['Idlib']);
  expect(governorates.find((r) => r.selected).cells.at(-1)).toContain('in the filter');
  expect(errors).toEqual([]);
});

test('the tables follow a filter change, and a link opens them', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, '?table=kind,gov,composition');
  const kindPanel = page.locator('[data-chart="by-kind.svg"]');
  const before = await tableRows(kindPanel);
  expect(before.reduce((sum, r) => sum + number(r.cells[0]), 0)).toBe(await countedEvents(page));
  const composition = page.locator('[data-chart="composition"]');
  const compositionBefore = await tableRows(composition);
  expect(compositionBefore).toHaveLength(5);

  await page.locator('#governorate-Aleppo').check();
  const aleppo = events.filter((e) => e.places.some((p) => p.governorate === 'Aleppo'));
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(aleppo.length));
  await expect.poll(async () => (await tableRows(kindPanel)).reduce((sum, r) => sum + number(r.cells[0]), 0))
    .toBe(await countedEvents(page));
  // The governorate table marks the filter, and the composition's numbers change with it.
  await expect.poll(async () => (await tableRows(page.locator('[data-chart="by-governorate.svg"]'))).filter((r) => r.selected).map((r) => r.label))
    .toEqual(['Aleppo']);
  await expect.poll(async () => JSON.stringify(await tableRows(composition))).not.toBe(JSON.stringify(compositionBefore));
  // The deaths metric: the governorate table's column says so.
  await page.getByLabel('Timeline metric').selectOption('deaths');
  await expect(page.locator('[data-chart="by-governorate.svg"] caption')).toContainText('Deaths (best estimate)');
});

test('the timeline table has a row per column drawn, and the imprecise share', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  const panel = page.locator('section.timeline');
  const label = await page.getByTestId('timeline').getAttribute('aria-label');
  const columns = Number(label.match(/Timeline of (\d+) columns/)[1]);
  // The keyboard's first column, as the chart says it.
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Home');
  const first = await page.getByTestId('timeline-value').textContent();
  await panel.getByTestId('table-toggle').click();
  const rows = await tableRows(panel);
  expect(rows).toHaveLength(columns);
  const heads = await headings(panel);
  expect(heads.slice(0, 3)).toEqual(['Month', 'Events', 'Of which from imprecise dates']);
  // Stacked by actor: a column per series after those.
  expect(heads.length).toBeGreaterThan(3);
  // The first row is the first column, with its value and its imprecise share as the chart words them.
  expect(first.startsWith(`${rows[0].label}: ${rows[0].cells[0]} Events`)).toBe(true);
  if (number(rows[0].cells[1]) > 0) expect(first).toContain(`(${rows[0].cells[1]} from imprecisely dated events)`);
  // Every event counted once over the months (shares are rounded to tenths in the table).
  const total = rows.reduce((sum, r) => sum + number(r.cells[0]), 0);
  expect(Math.abs(total - await countedEvents(page))).toBeLessThan(0.05 * rows.length + 1);
  const imprecise = rows.reduce((sum, r) => sum + number(r.cells[1]), 0);
  expect(imprecise).toBeGreaterThan(0);
  // Stacked series add up to each month's value.
  for (const row of rows.slice(0, 40)) {
    const series = row.cells.slice(2).reduce((sum, c) => sum + number(c), 0);
    expect(Math.abs(series - number(row.cells[0]))).toBeLessThan(0.05 * row.cells.length + 0.01);
  }
  await expect(page).toHaveURL(/[?&]table=timeline(&|$)/);
});

test('the map as a table gives each governorate its value and its badge', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, '?view=map&gov=idlib');
  const map = page.getByTestId('map');
  // The value each governorate's shape says on focus.
  const described = await map.locator('.map-target').evaluateAll((paths) => paths.map((p) => p.getAttribute('aria-label')));
  // One Tab stop for the map; the arrows move between governorates and Enter filters.
  await expect(map.locator('.map-target[tabindex="0"]')).toHaveCount(1);
  await map.locator('.map-target[tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.getAttribute('data-governorate'));
  expect(second).toBe(await map.locator('.map-target').nth(1).getAttribute('data-governorate'));
  await expect(map.locator('.map-target[tabindex="0"]')).toHaveAttribute('data-governorate', second);
  await map.getByTestId('table-toggle').click();
  await expect(map.locator('.map-targets')).toBeHidden();
  const rows = await tableRows(map);
  expect(rows).toHaveLength(14);
  for (const row of rows) {
    const said = described.find((d) => d.startsWith(`${row.label}: `));
    const here = row.cells[1] === '1' ? 'event here is' : 'events here are';
    expect(said).toContain(`${row.label}: ${row.cells[0]} Events (${row.cells[1]} ${here}`);
  }
  expect(rows.filter((r) => r.selected).map((r) => r.label)).toEqual(['Idlib']);
});

test('a table downloads as CSV with the same rows', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, '?table=gov,timeline');
  const panel = page.locator('[data-chart="by-governorate.svg"]');
  const rows = await tableRows(panel);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export the table of the chart by governorate as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('by-governorate.csv');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = parseCsv(text.slice(1));
  expect(header).toEqual(['id', 'governorate', 'events', 'selected']);
  const data = records.slice(0, rows.length);
  expect(data.map((r) => [r[1], r[2]])).toEqual(rows.map((r) => [r.label, r.cells[0].replaceAll(',', '')]));
  // Then an empty line and the notes: the caption, the link of the view, the attribution.
  const notes = records.slice(rows.length).map((r) => r[0]).filter(Boolean);
  expect(notes[0]).toBe(await panel.locator('caption').textContent());
  expect(notes.some((n) => n.includes('table=timeline,gov'))).toBe(true);
  expect(notes.some((n) => n.includes('UCDP'))).toBe(true);

  // The timeline's CSV: its periods as dates a program reads.
  const timeline = page.locator('section.timeline');
  const timelineRows = await tableRows(timeline);
  const [again] = await Promise.all([page.waitForEvent('download'), timeline.getByTestId('table-csv').click()]);
  const [head, ...lines] = parseCsv(readFileSync(await again.path(), 'utf8').slice(1));
  expect(head.slice(0, 5)).toEqual(['period_start', 'period_end', 'period', 'events', 'of_which_imprecise_dates']);
  expect(lines[0][0]).toMatch(/^\d{4}-\d{2}-01$/);
  // The CSV keeps each value to a millionth (a program adds periods up); the table shows it as
  // the chart does, computed here from the CSV's value.
  const csvEvents = lines.slice(0, timelineRows.length).map((l) => l[3]);
  for (const value of csvEvents) expect(value).toMatch(/^-?\d+(\.\d{1,6})?$/);
  expect(csvEvents.map((v) => shown(Number(v)))).toEqual(timelineRows.map((r) => r.cells[0]));
  const shares = lines.slice(0, timelineRows.length).map((l) => Number(l[4]));
  expect(shares.map(shown)).toEqual(timelineRows.map((r) => r.cells[1]));
  // Some periods hold shares of spread events, written with more than the one decimal shown.
  expect(csvEvents.some((v) => /\.\d{2,}$/.test(v))).toBe(true);
});

test('a table’s CSV credits the collections of the view’s rows, and no other', async ({ page }) => {
  // The curated events alone: UCDP is loaded beside them, but none of its rows is in the view.
  await open(page, '?c=curated&table=gov');
  const panel = page.locator('section.panel[data-chart="by-governorate.svg"]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export the table of the chart by governorate as CSV' }).click(),
  ]);
  const notes = readFileSync(await download.path(), 'utf8');
  for (const line of dataset('curated').collection.attribution) expect(notes).toContain(line);
  for (const line of dataset('ucdp').collection.attribution) expect(notes).not.toContain(line);
  // With every collection in view, both are credited.
  await open(page, '?table=gov');
  const [all] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export the table of the chart by governorate as CSV' }).click(),
  ]);
  const allNotes = readFileSync(await all.path(), 'utf8');
  for (const name of ['curated', 'ucdp']) {
    for (const line of dataset(name).collection.attribution) expect(allNotes).toContain(line);
  }
});

test('in Arabic the tables have Arabic headings and the same numbers', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  const query = '?table=timeline,actor,kind,gov,composition';
  await open(page, query);
  const english = await tableRows(page.locator('[data-chart="by-kind.svg"]'));
  await open(page, `${query}&lang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const panels = page.locator('section.panel').filter({ has: page.getByTestId('chart-table') });
  await expect(panels).toHaveCount(5);
  for (const panel of await panels.all()) {
    const table = panel.getByTestId('chart-table');
    const texts = [await table.locator('caption').textContent(), ...(await headings(panel))];
    for (const text of texts) {
      expect(text, text).toMatch(/[\u0600-\u06FF]/);
      expect(text, text).not.toMatch(/[A-Za-z]{2,}/);
    }
    await expect(panel.getByTestId('table-toggle')).toHaveText('جدول');
    await expect(panel.getByTestId('table-toggle')).toHaveAttribute('aria-pressed', 'true');
  }
  const arabic = await tableRows(page.locator('[data-chart="by-kind.svg"]'));
  expect(arabic.map((r) => r.cells[0])).toEqual(english.map((r) => r.cells[0]));
  // Names in Arabic too (the chart's name isolated in the sentence: U+2068…U+2069).
  await expect(page.getByRole('button', { name: /^نزّل \u2068?الخط الزمني\u2069? بصيغة SVG$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^اعرض \u2068?المخطط حسب المحافظة\u2069? جدولًا$/ })).toHaveAttribute('aria-pressed', 'true');
});

test('every chart control says what it does', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  for (const chart of ['the timeline', 'the chart by actor', 'the chart by event kind', 'the chart by governorate', 'the casualty composition']) {
    await expect(page.getByRole('button', { name: `Download ${chart} as SVG`, exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: `Show ${chart} as a table`, exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: `Export the table of ${chart} as CSV`, exact: true })).toHaveCount(1);
  }
  // The composition's bars filter nothing: they are not buttons.
  await expect(page.locator('[data-chart="composition"] .chart-target')).toHaveCount(0);
  await expect(page.locator('[data-chart="composition"] canvas')).toBeVisible();
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Download the map as SVG', exact: true })).toHaveCount(1);
});

test('keyboard: a chart is one Tab stop, arrows move, Enter filters', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page);
  const panel = page.locator('[data-chart="by-kind.svg"]');
  const bars = panel.locator('.chart-target:not([style="display:none"])');
  await expect.poll(() => bars.count()).toBeGreaterThan(3);
  // One bar of the chart takes the Tab key; the rest wait for the arrows.
  await expect(panel.locator('.chart-target[tabindex="0"]')).toHaveCount(1);
  // Tab from the panel's last control lands on the chart, and the next Tab leaves it.
  await panel.getByTestId('table-csv').focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => {
    const element = document.activeElement;
    const buttons = [...element.parentElement.children];
    return { chart: element.closest('[data-chart]')?.dataset.chart, bar: element.classList.contains('chart-target') ? buttons.indexOf(element) : -1 };
  });
  expect(await focused()).toEqual({ chart: 'by-kind.svg', bar: 0 });
  // A visible focus ring, and the bar's value shown.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toEqual({ chart: 'by-kind.svg', bar: 2 });
  await page.keyboard.press('ArrowUp');
  expect(await focused()).toEqual({ chart: 'by-kind.svg', bar: 1 });
  await page.keyboard.press('End');
  expect((await focused()).bar).toBe((await bars.count()) - 1);
  await page.keyboard.press('Home');
  expect(await focused()).toEqual({ chart: 'by-kind.svg', bar: 0 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  expect((await focused()).chart).not.toBe('by-kind.svg');
  // Back with Shift+Tab: to the bar the keys were on.
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toEqual({ chart: 'by-kind.svg', bar: 1 });
  const name = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  const kind = name.split(':')[0];
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]kind=/);
  await expect(bars.first()).toHaveAttribute('aria-pressed', 'true');
  expect((await bars.first().getAttribute('aria-label')).startsWith(`${kind}:`)).toBe(true);
  // The other bars left the chart: the focus stays on the chart, on the bar that remains.
  await expect(bars.first()).toBeFocused();
  // Space undoes it, as a click does.
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/[?&]kind=/);
});

test('keyboard: in Arabic, left and right arrows are mirrored on the bars', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, '?lang=ar');
  const panel = page.locator('[data-chart="by-actor.svg"]');
  await panel.locator('.chart-target[tabindex="0"]').focus();
  const index = () => page.evaluate(() => [...document.activeElement.parentElement.children].indexOf(document.activeElement));
  await page.keyboard.press('ArrowLeft');
  expect(await index()).toBe(1);
  await page.keyboard.press('ArrowRight');
  expect(await index()).toBe(0);
});

test('keyboard: the timeline marks its column and Enter sets the dates', async ({ page }) => {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    const timeline = page.getByTestId('timeline');
    await timeline.scrollIntoViewIfNeeded();
    // Reached with the Tab key, from the control before it.
    await page.locator('section.timeline').getByTestId('table-csv').focus();
    await page.keyboard.press('Tab');
    await expect(timeline).toBeFocused();
    const cursor = page.getByTestId('timeline-cursor');
    await expect(cursor).toBeVisible();
    // Its focus ring is drawn inside the scroller, not clipped away.
    expect(await timeline.evaluate((e) => getComputedStyle(e).outlineOffset)).toBe('-3px');
    await page.keyboard.press('End');
    const value = await page.getByTestId('timeline-value').textContent();
    // The marked column is in view inside the scroller (on a phone the timeline scrolls).
    const inView = await page.evaluate(() => {
      const scroller = document.querySelector('.timeline-scroll').getBoundingClientRect();
      const column = document.querySelector('[data-testid="timeline-cursor"]').getBoundingClientRect();
      return column.left >= scroller.left - 1 && column.right <= scroller.right + 1;
    });
    expect(inView).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByTestId('timeline-value').textContent()).not.toBe(value);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}.*to=\d{4}-\d{2}-\d{2}/);
    // A click's focus marks no column.
    await page.locator('h1').click();
    await expect(cursor).toHaveCount(0);
  }
});

test('every bar is a target at least 24 px tall, at 375 and 1440 px', async ({ page }) => {
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page, '?lang=ar');
    for (const chart of BARS) {
      const panel = page.locator(`[data-chart="${chart}"]`);
      await panel.scrollIntoViewIfNeeded();
      const boxes = await panel.locator('.chart-target:not([style="display:none"])').evaluateAll(
        (buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => ({ top: r.top, height: r.height, width: r.width })),
      );
      expect(boxes.length).toBeGreaterThan(0);
      for (const [i, box] of boxes.entries()) {
        expect(box.height, `${chart} at ${width}`).toBeGreaterThanOrEqual(24);
        if (i > 0) expect(box.top).toBeGreaterThanOrEqual(boxes[i - 1].top + boxes[i - 1].height - 0.5);
      }
      // Laid out at the width shown: a chart pixel is a CSS pixel, so its 13 px labels stay 13 px.
      const canvas = panel.locator('canvas');
      await expect.poll(() => canvas.evaluate((c) => Math.abs(c.getBoundingClientRect().width / (c.width / devicePixelRatio) - 1)))
        .toBeLessThan(0.02);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test('screenshots of charts as tables at 375 and 1440 px, in both languages', async ({ page }) => {
  for (const lang of ['en', 'ar']) {
    for (const width of [375, 1440]) {
      // Tall enough at 1440 that a panel is not under the sticky summary bar when it is taken.
      await page.setViewportSize({ width, height: width > 1000 ? 1400 : 900 });
      await open(page, `?lang=${lang}&table=timeline,gov&gov=idlib`);
      for (const [name, selector] of [['timeline', 'section.timeline'], ['governorate', '[data-chart="by-governorate.svg"]']]) {
        const panel = page.locator(selector);
        await panel.scrollIntoViewIfNeeded();
        await expect(panel.getByTestId('chart-table')).toBeVisible();
        await panel.screenshot({ path: `e2e/artifacts/chart-table-${name}-${lang}-${width}.png` });
      }
      const kind = page.locator('[data-chart="by-kind.svg"]');
      await kind.scrollIntoViewIfNeeded();
      await kind.screenshot({ path: `e2e/artifacts/chart-bars-kind-${lang}-${width}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  }
});
