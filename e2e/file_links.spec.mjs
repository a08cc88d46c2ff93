// A view of a reader's own file, shared: its link names the file (name, rows read, events,
// fingerprint), a device without the file says which file it shows and opens it from the notice
// (the link's filters then apply), and a file saved as a collection opens again as a file.
// Expected counts are computed here from the files the tests build.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { allEvents, groupThousands, watchConsole } from './helpers.mjs';

const bundled = allEvents().length;

const COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
];
const KINDS = [
  ['Battles', 'Armed clash'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Violence against civilians', 'Attack'],
  ['Battles', 'Armed clash'],
  ['Protests', 'Peaceful protest'],
];
const PLACES = [['Idleb', 'Ariha', '35.8134', '36.6078'], ['Hama', 'Kafr Nabuda', '35.4372', '36.4961'], ['Dara', 'Tafas', '32.7372', '35.9736']];

/** `count` ACLED rows with ids from `first`; the last is broken (no 30 February) when `broken`. */
function rows(first, count, broken = true) {
  return Array.from({ length: count }, (_, i) => {
    const [type, sub] = KINDS[i % KINDS.length];
    const [admin1, location, lat, lon] = PLACES[i % PLACES.length];
    const bad = broken && i === count - 1;
    return {
      id: `SYR${first + i}`, date: bad ? '2023-02-30' : `2023-0${1 + (i % 9)}-1${i % 10}`, type, sub, admin1, location, lat, lon,
      notes: i % 2 ? `Clashes near ${location}, "heavy".` : 'مسلحون مجهولون قتلوا رجلاً', fatalities: String(i % 4), bad,
    };
  });
}

function acledCsv(records) {
  const quote = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = records.map((r) => {
    const record = {
      event_id_cnty: r.id, event_date: r.date, year: '2023', time_precision: '1', disorder_type: 'Political violence',
      event_type: r.type, sub_event_type: r.sub, actor1: 'Military Forces of Syria (2000-2024)', assoc_actor_1: '',
      inter1: '1', actor2: 'Civilians (Syria)', assoc_actor_2: '', inter2: '7', interaction: '17', civilian_targeting: '',
      iso: '760', region: 'Middle East', country: 'Syria', admin1: r.admin1, admin2: '', admin3: '', location: r.location,
      latitude: r.lat, longitude: r.lon, geo_precision: '1', source: 'SOHR', source_scale: 'National', notes: r.notes,
      fatalities: r.fatalities, tags: '', timestamp: '1675191965',
    };
    return COLUMNS.map((c) => quote(record[c])).join(',');
  });
  return `\ufeff${COLUMNS.join(',')}\r\n${lines.join('\r\n')}\r\n`;
}

const NAME = 'ACLED Syria 2023, north & west.csv';
const ROWS = rows(1001, 23);
const CSV = acledCsv(ROWS);
const GOOD = ROWS.filter((r) => !r.bad);
const BATTLES = GOOD.filter((r) => r.type === 'Battles').length;
const FINGERPRINT = createHash('sha256').update(Buffer.from(CSV)).digest('hex');
const ID = `file-${FINGERPRINT.slice(0, 12)}`;

async function start(page, url = './') {
  await page.goto(url);
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
}

async function openFile(page, name, content, mimeType = 'text/csv') {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
}

/** Opens `name` through the notice's "Open this file…" control, by click or by key. */
async function openFromNotice(page, name, content, { key = false } = {}) {
  const choosing = page.waitForEvent('filechooser');
  const control = page.getByTestId('link-files').getByTestId('link-file-open');
  if (key) await control.press('Enter');
  else await control.click();
  await (await choosing).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

/** Ticks one value of an open facet (an event type, say). */
async function tick(page, facet, value) {
  const details = page.locator(`details[data-facet="${facet}"]`);
  if (!(await details.evaluate((element) => element.open))) await details.locator('summary').click();
  await details.locator('label.option', { hasText: value }).locator('input').check();
}

test('a link to a view of a file names the file elsewhere, and opening it there shows the view', async ({ page, browser }) => {
  const errors = watchConsole(page);
  await start(page);
  await openFile(page, NAME, CSV);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(GOOD.length), { timeout: 30_000 });
  await tick(page, 'type', 'Battles');
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(BATTLES));
  await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('Battles');
  const shown = await page.getByTestId('event-visible').textContent();
  const link = page.url();
  // The link: the view, and the file it shows with its rows read, its events and its name.
  const params = new URL(link).searchParams;
  expect(params.get('c')).toBe(ID);
  expect(params.get('file')).toBe(`${ID}:${ROWS.length}:${GOOD.length}:${NAME}`);
  expect(link).toContain(`file=${ID}:${ROWS.length}:${GOOD.length}:ACLED%20Syria%202023%2C%20north%20%26%20west.csv`);
  expect(errors).toEqual([]);

  // Another browser, with no file kept: the notice says which file, and how to open it.
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    const otherErrors = watchConsole(other);
    await start(other, link);
    const notice = other.getByTestId('link-files');
    await expect(notice.getByTestId('link-file')).toHaveText(
      `This link shows ${NAME} (${groupThousands(ROWS.length)} rows read, ${groupThousands(GOOD.length)} events; `
      + `SHA-256 starting ${FINGERPRINT.slice(0, 12)}…), a file opened on another device.`,
    );
    await expect(notice.locator('bdi')).toHaveText(NAME);
    await expect(notice.getByTestId('link-file-open')).toHaveText('Open this file…');
    for (const width of [375, 1440]) {
      await other.setViewportSize({ width, height: 900 });
      await other.screenshot({ path: `e2e/artifacts/file-link-notice-${width}.png` });
      const overflow = await other.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await other.setViewportSize({ width: 1280, height: 720 });

    // A different file (from the keyboard): said so; the link's file is still missing.
    const wrongRows = rows(9001, 6, false);
    await openFromNotice(other, 'another export.csv', acledCsv(wrongRows), { key: true });
    await expect(other.getByTestId('event-visible')).toHaveText(groupThousands(wrongRows.length), { timeout: 30_000 });
    await expect(notice.getByTestId('link-file-other')).toContainText('You opened another export.csv, which is not a file this link shows');
    await expect(notice.getByTestId('link-file-other')).toContainText("The link's file is still missing.");
    await expect(notice.getByTestId('link-file')).toContainText(NAME);

    // The link's file: the link's view, its filter applied, the same count as where it was made.
    await openFromNotice(other, NAME, CSV);
    await expect(other.getByTestId('event-visible')).toHaveText(shown, { timeout: 30_000 });
    await expect(other.getByTestId('event-visible')).toHaveText(groupThousands(BATTLES));
    await expect(other.getByTestId('event-total')).toHaveText(groupThousands(bundled + wrongRows.length + GOOD.length));
    await expect(other.getByTestId('link-files')).toHaveCount(0);
    const reached = new URL(other.url()).searchParams;
    expect(reached.get('c')).toBe(ID);
    expect(reached.get('type')).toBe('Battles');
    expect(reached.get('file')).toBe(params.get('file'));
    expect(otherErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a link naming a file shows a hostile name as text, and a malformed one is ignored', async ({ page }) => {
  const errors = watchConsole(page);
  const hostile = '\u202Egnp.<img src=x onerror="window.pwned=1">جدول & co, 100%';
  const item = `file-0123456789ab:12:10:${hostile}`;
  await start(page, `./?c=file-0123456789ab&file=${encodeURIComponent(item)},not-a-file&q=x`);
  const notice = page.getByTestId('link-files');
  await expect(notice.locator('bdi')).toHaveText(hostile);
  await expect(notice.locator('img')).toHaveCount(0);
  await expect(notice).toContainText('12 rows read, 10 events; SHA-256 starting 0123456789ab…');
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  // Only the well-formed item is a file; the other is one of the link's notices.
  await expect(notice.getByTestId('link-file')).toHaveCount(1);
  await expect(page.getByTestId('notices')).toContainText('“file=not-a-file” is not a file');
  // Dismiss lets the link go.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // A link of bundled collections names no file, and has no notice.
  await start(page, './?c=ucdp&q=x');
  await expect(page.getByTestId('link-files')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('?c=ucdp&q=x');
  expect(errors).toEqual([]);
});

test('a file saved as a collection holds every event and opens again as a file', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  await openFile(page, NAME, CSV);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(GOOD.length), { timeout: 30_000 });
  // The whole file is saved, not the view.
  await tick(page, 'type', 'Battles');
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(BATTLES));
  const entry = page.getByTestId('your-data');
  const downloading = page.waitForEvent('download');
  await entry.getByRole('button', { name: 'Save as collection (JSON)' }).click();
  const download = await downloading;
  const savedName = `${NAME}.collection.json`;
  expect(download.suggestedFilename()).toBe(savedName);
  const text = readFileSync(await download.path(), 'utf8');
  const saved = JSON.parse(text);
  expect(saved.collection.id).toBe(ID);
  expect(saved.events.length).toBe(GOOD.length);
  expect(new Set(saved.events.map((e) => e.id))).toEqual(new Set(GOOD.map((r) => `${ID}:${r.id}`)));

  // While the file is open, the same collection is refused.
  await openFile(page, savedName, text, 'application/json');
  await expect(page.getByTestId('import-rejected')).toContainText(`“${ID}” is open already`, { timeout: 30_000 });
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + GOOD.length));

  // Once it is removed, the saved collection opens in its place, with the same count.
  await entry.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
  await openFile(page, savedName, text, 'application/json');
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(GOOD.length), { timeout: 30_000 });
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + GOOD.length));
  await expect(entry.getByTestId('import-counts')).toHaveText(`${GOOD.length} records read, 0 skipped, 0 with warnings; ${GOOD.length} events`);
  // Saved again, it is the same file under the same name.
  const again = page.waitForEvent('download');
  await entry.getByRole('button', { name: 'Save as collection (JSON)' }).click();
  const second = await again;
  expect(second.suggestedFilename()).toBe(savedName);
  expect(readFileSync(await second.path(), 'utf8')).toBe(text);
  expect(errors).toEqual([]);
});

test('a file of thousands of events is saved a batch at a time, every event once and in order', async ({ page }) => {
  const errors = watchConsole(page);
  // 4,500 events: three batches of the 2,000 the page writes between two turns of the browser.
  const many = rows(5001, 4500, false);
  await start(page);
  await openFile(page, 'ACLED Syria 2023, every front.csv', acledCsv(many));
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(many.length), { timeout: 60_000 });
  const entry = page.getByTestId('your-data');
  const save = entry.getByRole('button', { name: /^Save/ });
  const downloading = page.waitForEvent('download');
  await save.click();
  const download = await downloading;
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.events.map((e) => e.id.split(':')[1])).toEqual(many.map((r) => r.id));
  // ACLED's fatalities are every event's deaths of all people (its victims, when civilians,
  // are counted again as civilians): the deaths written are the file's.
  const deaths = (e) => (e.casualties ?? []).filter((c) => c.group === 'all')
    .reduce((sum, c) => sum + (c.best ?? 0), 0);
  expect(saved.events.reduce((sum, e) => sum + deaths(e), 0))
    .toBe(many.reduce((sum, r) => sum + Number(r.fatalities), 0));
  // Once written, the button is itself again.
  await expect(save).toHaveText('Save as collection (JSON)');
  await expect(save).toBeEnabled();
  expect(errors).toEqual([]);
});
