// A file the reader opens: read by the import worker on this device, added beside the bundled
// collections, listed under "Your data" with what was read, and removed again. Expected counts
// are computed here from the files the tests build.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allEvents, dataset, deployment, groupThousands, keptIds, parseCsv, screenshot, watchConsole } from './helpers.mjs';

const bundled = allEvents().length;

/** The curated collection under another id: a reader's own collection file. */
function ownCollection(id) {
  const file = structuredClone(dataset('curated'));
  file.collection.id = id;
  file.collection.name = `My collection ${id}`;
  const local = (record) => `${id}:${record.id.split(':').slice(1).join(':')}`;
  for (const event of file.events) event.id = local(event);
  for (const figure of file.figures ?? []) {
    figure.id = local(figure);
    if (figure.part_of) figure.part_of = local({ id: figure.part_of });
  }
  return file;
}

async function start(page) {
  await page.goto('./');
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
}

async function openFile(page, name, content, mimeType = 'application/json') {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
}

test('a collection file opens beside the bundled ones, read on this device only', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  const origin = new URL(page.url()).origin;
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), method: request.method() }));
  const file = ownCollection('mine');
  await openFile(page, 'my collection.json', JSON.stringify(file));
  const mine = file.events.length;
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + mine), { timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine));
  // The link names the collection and, for a device without it, the file.
  const records = mine + file.figures.length;
  const link = new URL(page.url()).searchParams;
  expect([...link.keys()]).toEqual(['c', 'file']);
  expect(link.get('c')).toBe('mine');
  expect(link.get('file')).toBe(`mine:${records}:${mine}:my collection.json`);
  const entry = page.getByTestId('your-data');
  await expect(entry).toContainText('my collection.json');
  await expect(entry.getByTestId('import-counts')).toHaveText(`${records} records read, 0 skipped, 0 with warnings; ${mine} events`);
  // Nothing left the page but requests for the app's own files (the worker's script and wasm).
  for (const { url, method } of requests) {
    expect(method).toBe('GET');
    expect(new URL(url).origin).toBe(origin);
  }
  await screenshot(page, 'own-file-collection-1440');
  expect(errors).toEqual([]);
});

test('"Clear all" on a file\'s view clears its filters and keeps the file in view', async ({ page }) => {
  await start(page);
  const file = ownCollection('cleared');
  await openFile(page, 'cleared.json', JSON.stringify(file));
  const mine = file.events.length;
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine), { timeout: 30_000 });
  const idlib = file.events.filter((e) => e.places.some((p) => p.governorate === 'Idlib')).length;
  expect(idlib).toBeGreaterThan(0);
  expect(idlib).toBeLessThan(mine);
  await page.locator('#governorate-Idlib').check();
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(idlib));
  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  // The whole file, not the file beside the bundled collections.
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine));
  await expect(page.locator('#governorate-Idlib')).not.toBeChecked();
  await expect(page).toHaveURL(/[?&]c=cleared(&|$)/);
  await expect(page).not.toHaveURL(/[?&]gov=/);
});

test('the same collection twice is refused with a sentence, and Remove takes it away', async ({ page }) => {
  await start(page);
  const text = JSON.stringify(ownCollection('twice'));
  await openFile(page, 'twice.json', text);
  const mine = ownCollection('twice').events.length;
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + mine), { timeout: 30_000 });
  await openFile(page, 'twice-again.json', text);
  await expect(page.getByTestId('import-rejected')).toContainText('“twice” is open already');
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + mine));
  await page.getByTestId('your-data').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
  await expect(page.getByTestId('your-data')).toHaveCount(0);
});

test('a file that is not a collection gets one clear sentence, not a blank page', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  await openFile(page, 'report.pdf', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'application/pdf');
  const message = page.locator('[data-testid=import-rejected], [data-testid=import-failure]');
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(message).toContainText('report.pdf');
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
  expect(errors).toEqual([]);
});

test('a file opened while the bundled collections still load waits for them, then joins', async ({ page }) => {
  const errors = watchConsole(page);
  // UCDP's collection is held back until the file is chosen.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/data/ucdp.json*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.getByTestId('event-total')).toHaveCount(0);
  const file = ownCollection('early');
  await openFile(page, 'early.json', JSON.stringify(file));
  await expect(page.getByTestId('import-adding')).toContainText('Waiting for the bundled collections to load, then early.json is added', { timeout: 30_000 });
  await expect(page.getByTestId('event-total')).toHaveCount(0);
  release();
  const mine = file.events.length;
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + mine), { timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine));
  await expect(page.getByTestId('import-adding')).toHaveCount(0);
  await expect(page.getByTestId('import-rejected')).toHaveCount(0);
  await expect(page.getByTestId('your-data')).toContainText('early.json');
  expect(errors).toEqual([]);
});

test('Cancel while a file waits for the bundled collections lets it go at once', async ({ page }) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'own-file-'));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/data/ucdp.json*', async (route) => {
    await held;
    await route.continue();
  });
  try {
    // Long enough to be still reading when Cancel is pressed.
    const template = ACLED_ROWS.filter((r) => !BROKEN.has(r.id));
    const rows = Array.from({ length: 250_000 }, (_, i) => ({ ...template[i % template.length], id: `SYR${i + 1}` }));
    const path = join(folder, 'early export.csv');
    writeFileSync(path, acledCsv(rows));
    await page.goto('./');
    await page.getByTestId('open-file').setInputFiles(path);
    const waiting = page.getByTestId('import-adding');
    await expect(waiting).toContainText('Waiting for the bundled collections to load, then early export.csv is added', { timeout: 30_000 });
    const reading = page.getByTestId('import-progress');
    await reading.getByRole('button', { name: 'Cancel' }).click();
    // Let go while the bundled collections are still held back.
    await expect(page.getByTestId('import-failure')).toHaveText('Reading the file was cancelled.');
    await expect(waiting).toHaveCount(0);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByTestId('event-total')).toHaveCount(0);
    release();
    await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
    await expect(page.getByTestId('your-data')).toHaveCount(0);
    await expect(page.getByTestId('import-rejected')).toHaveCount(0);
  } finally {
    release();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a file opened when the bundled collections cannot load is not lost in silence', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/data/ucdp.json*', async (route) => {
    await held;
    await route.fulfill({ status: 503, body: 'unavailable' });
  });
  await page.goto('./');
  await openFile(page, 'unlucky.json', JSON.stringify(ownCollection('unlucky')));
  await expect(page.getByTestId('import-adding')).toContainText('unlucky.json', { timeout: 30_000 });
  release();
  await expect(page.getByTestId('import-rejected')).toHaveText(
    'unlucky.json was not added: the bundled collections could not be loaded. Try again, then open the file again.',
    { timeout: 30_000 },
  );
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByTestId('import-adding')).toHaveCount(0);
});

test('a file dropped on the page opens like a chosen one', async ({ page }) => {
  await start(page);
  const file = ownCollection('dropped');
  const text = JSON.stringify(file);
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    const at = document.querySelector('.explorer') ?? document.body;
    at.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    at.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(file.events.length), { timeout: 30_000 });
  await expect(page.getByTestId('your-data')).toContainText('dropped.json');
});

test('the file controls and "Your data" read well at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await start(page);
  await openFile(page, 'a phone file.json', JSON.stringify(ownCollection('phone')));
  await expect(page.getByTestId('your-data')).toBeVisible({ timeout: 30_000 });
  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'own-file-375');
});

test('an opened file is kept on this device: a reload reopens it and its link, Remove forgets it', async ({ page }) => {
  await start(page);
  const file = ownCollection('kept');
  const mine = file.events.length;
  await openFile(page, 'kept.json', JSON.stringify(file));
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine), { timeout: 30_000 });
  // The kept copy is written just after the file opens.
  await expect.poll(() => keptIds(page)).toEqual(['kept']);
  await page.reload();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + mine), { timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine));
  await expect(page.getByTestId('your-data')).toContainText('kept.json');
  await page.getByTestId('your-data').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
  await page.reload();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
  await expect(page.getByTestId('your-data')).toHaveCount(0);
});

// An ACLED export as the reader downloads it: the 31 columns, a byte-order mark, notes with
// commas, quotes, a line break and Arabic, both date styles, and three broken rows.
const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
];
const ACLED_ROWS = [
  { id: 'SYR1001', date: '2019-05-01', type: 'Explosions/Remote violence', sub: 'Air/drone strike', actor1: 'Military Forces of Russia (2000-)', actor2: 'Civilians (Syria)', admin1: 'Idleb', location: 'Kafr Nabl', lat: '35.6136', lon: '36.5617', notes: 'On 1 May 2019, Russian warplanes struck Kafr Nabl, killing 3 civilians, "including a child".', fatalities: '3' },
  { id: 'SYR1002', date: '2 May 2019', type: 'Battles', sub: 'Armed clash', actor1: 'Military Forces of Syria (2000-2024)', actor2: 'Hayat Tahrir al Sham', admin1: 'Hama', location: 'Kafr Nabuda', lat: '35.4372', lon: '36.4961', notes: 'Clashes near Kafr Nabuda.\nBoth sides reported losses.', fatalities: '12' },
  { id: 'SYR1003', date: '2019-05-03', type: 'Violence against civilians', sub: 'Attack', actor1: 'Unidentified Armed Group (Syria)', actor2: 'Civilians (Syria)', admin1: 'Dara', location: 'Tafas', lat: '32.7372', lon: '35.9736', notes: 'مسلحون مجهولون قتلوا رجلاً في طفس', fatalities: '1' },
  { id: 'SYR1004', date: '2019-05-04', type: 'Protests', sub: 'Peaceful protest', actor1: 'Protesters (Syria)', actor2: '', admin1: 'Idleb', location: 'Maarrat an Nuaman', lat: '35.6476', lon: '36.6741', notes: 'Demonstration against the offensive.', fatalities: '0' },
  { id: 'SYR1005', date: '2019-05-05', type: 'Explosions/Remote violence', sub: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Syria (2000-2024)', actor2: '', admin1: 'Aleppo', location: 'Kafr Halab', lat: '36.1811', lon: '36.8756', notes: 'Regime forces shelled Kafr Halab, killing 2.', fatalities: '2' },
  { id: 'SYR1006', date: '2019-02-30', type: 'Battles', sub: 'Armed clash', actor1: 'Hayat Tahrir al Sham', actor2: 'Military Forces of Syria (2000-2024)', admin1: 'Hama', location: 'Latamneh', lat: '35.3214', lon: '36.6219', notes: 'No such day.', fatalities: '4' },
  { id: 'SYR1007', date: '2019-05-07', type: 'Battles', sub: 'Armed clash', actor1: 'Hayat Tahrir al Sham', actor2: 'Military Forces of Syria (2000-2024)', admin1: 'Hama', location: 'Latamneh', lat: '35.3214', lon: '36.6219', notes: 'Negative toll.', fatalities: '-4' },
  { id: 'SYR1008', date: '2019-05-08', type: 'Battles', sub: 'Armed clash', actor1: 'Hayat Tahrir al Sham', actor2: 'Military Forces of Syria (2000-2024)', admin1: 'Hama', location: 'Latamneh', lat: '135.3214', lon: '36.6219', notes: 'Latitude out of range.', fatalities: '5' },
];
const BROKEN = new Set(['SYR1006', 'SYR1007', 'SYR1008']);

function acledCsv(rows) {
  const quote = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = rows.map((r) => {
    const record = {
      event_id_cnty: r.id, event_date: r.date, year: '2019', time_precision: '1', disorder_type: 'Political violence',
      event_type: r.type, sub_event_type: r.sub, actor1: r.actor1, assoc_actor_1: '', inter1: '1', actor2: r.actor2,
      assoc_actor_2: '', inter2: r.actor2 ? '7' : '', interaction: '17', civilian_targeting: '', iso: '760',
      region: 'Middle East', country: 'Syria', admin1: r.admin1, admin2: '', admin3: '', location: r.location,
      latitude: r.lat, longitude: r.lon, geo_precision: '1', source: 'SOHR; Step News Agency', source_scale: 'National',
      notes: r.notes, fatalities: r.fatalities, tags: '', timestamp: '1557000000',
    };
    return ACLED_COLUMNS.map((c) => quote(record[c])).join(',');
  });
  return `\ufeff${ACLED_COLUMNS.join(',')}\r\n${lines.join('\r\n')}\r\n`;
}

test('an ACLED export opens: its rows, deaths and types counted from the file, broken rows listed', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  const good = ACLED_ROWS.filter((r) => !BROKEN.has(r.id));
  const deaths = good.reduce((sum, r) => sum + Number(r.fatalities), 0);
  await openFile(page, 'acled syria.csv', acledCsv(ACLED_ROWS), 'text/csv');
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(good.length), { timeout: 30_000 });
  // One worker read the file and a second checked its rows as they came.
  expect(workers.map((path) => path.split('/').pop())).toEqual(['import_worker_loader.js', 'import_worker_loader.js']);
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths)} deaths`);
  // ACLED's fatalities say who was killed only in violence against civilians (all civilians,
  // docs/acled-import.md); the other events give no number of civilians and are said to.
  const againstCivilians = good.filter((r) => r.type === 'Violence against civilians');
  const civilians = againstCivilians.reduce((sum, r) => sum + Number(r.fatalities), 0);
  const civiliansWord = civilians === 1 ? 'civilian' : 'civilians';
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(civilians)} ${civiliansWord}`);
  const unstated = good.length - againstCivilians.length;
  await expect(page.getByTestId('unstated')).toHaveText(
    `(${unstated} events give no number of civilians killed: counted as 0)`,
  );
  // ACLED counts deaths conservatively: every toll above 0 is "at least", and the header says
  // that the range's top is no upper limit.
  const atLeast = good.filter((r) => Number(r.fatalities) > 0).length;
  await expect(page.getByTestId('at-least')).toHaveText(
    `(${atLeast} events give their deaths only as “at least”: the range's top is no upper limit)`,
  );
  // Its export leaves their civilians_killed empty and keeps each row's fatalities.
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const exported = parseCsv(readFileSync(await (await exporting).path(), 'utf8').slice(1));
  const columns = exported[0];
  const records = exported.slice(1).filter((r) => r.length === columns.length && r[0].includes(':SYR'));
  expect(records.length).toBe(good.length);
  for (const record of records) {
    const row = good.find((r) => record[0].endsWith(`:${r.id}`));
    expect(record[columns.indexOf('deaths_best')]).toBe(String(Number(row.fatalities)));
    const stated = row.type === 'Violence against civilians' ? String(Number(row.fatalities)) : '';
    expect(record[columns.indexOf('civilians_killed')]).toBe(stated);
    // Its permalink opens the event and names the file, so a colleague's page can say which
    // file it needs: `<collection id>:<rows>:<events>:<name>`.
    const link = new URL(record[columns.indexOf('permalink')]).searchParams;
    expect(link.get('sel')).toBe(record[0]);
    const collection = record[0].split(':')[0];
    expect(link.get('file')).toBe(`${collection}:${ACLED_ROWS.length}:${good.length}:acled syria.csv`);
  }
  const entry = page.getByTestId('your-data');
  await expect(entry).toContainText('ACLED export (CSV)');
  await expect(entry.getByTestId('import-counts')).toContainText(
    `${ACLED_ROWS.length} rows read, ${BROKEN.size} skipped`,
  );
  await entry.locator('.import-problems summary').click();
  const problems = entry.getByTestId('import-problems');
  // Spreadsheet rows: the header is row 1.
  for (const id of BROKEN) {
    const row = ACLED_ROWS.findIndex((r) => r.id === id) + 2;
    await expect(problems).toContainText(`row ${row} /`);
  }
  await expect(problems).toContainText('event_date');
  await expect(problems).toContainText('fatalities');
  await expect(problems).toContainText('latitude');
  // The whole list downloads as CSV: one line per problem, the skipped rows among them.
  const downloading = page.waitForEvent('download');
  await entry.getByRole('button', { name: 'Download the problem list (CSV)' }).click();
  const download = await downloading;
  const [header, ...lines] = parseCsv(readFileSync(await download.path(), 'utf8'));
  expect(header).toEqual(['row', 'column', 'value', 'problem', 'outcome']);
  expect(lines.length).toBe(await problems.locator('li').count());
  const skippedRows = lines.filter((line) => line[4] === 'row left out').map((line) => Number(line[0]));
  expect(skippedRows.sort()).toEqual([...BROKEN].map((id) => ACLED_ROWS.findIndex((r) => r.id === id) + 2).sort());
  // The collection's own types are options; the link reproduces the view.
  const types = page.locator('details.facet[data-facet="type"]');
  await expect(types).toBeVisible();
  const battles = good.filter((r) => r.type === 'Battles').length;
  const id = new URL(page.url()).searchParams.get('c');
  expect(id).toMatch(/^file-[0-9a-f]{12}$/);
  await expect.poll(() => keptIds(page)).toEqual([id]);
  // A record keeps ACLED's own columns, as written.
  await page.goto(`./?c=${id}&sel=${id}:SYR1002`);
  await expect(page.getByTestId('acled-id')).toHaveText('SYR1002', { timeout: 30_000 });
  await expect(page.getByTestId('acled-fields')).toContainText('disorder_type');
  await expect(page.getByTestId('acled-fields')).toContainText('Political violence');
  await page.goto(`./?c=${id}&type=Battles`);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(battles), { timeout: 30_000 });
  // Arabic notes are shown as text.
  await page.goto(`./?c=${id}&q=${encodeURIComponent('طفس')}`);
  await expect(page.getByTestId('event-visible')).toHaveText('1', { timeout: 30_000 });
  await screenshot(page, 'own-file-acled-1440');
  expect(errors).toEqual([]);
});

test.describe('with no service worker between the page and its files', () => {
  // The app's service worker answers the workers' requests once it controls the page,
  // where no route sees them.
  test.use({ serviceWorkers: 'block' });

test('a checking worker that cannot start is said, with the file, and nothing is added', async ({ page }) => {
  // The reading worker starts as it should; the checking worker, the second to start, looks
  // for a module that is not there.
  let asked = 0;
  await page.route(/import_worker_loader\.js/, async (route) => {
    asked += 1;
    if (asked === 1) return route.continue();
    const loader = await (await route.fetch()).text();
    expect(loader).toContain("'./import_worker_bg.wasm'");
    await route.fulfill({
      contentType: 'text/javascript',
      body: loader.replace("'./import_worker_bg.wasm'", "'./no-such-module.wasm'"),
    });
  });
  await start(page);
  await openFile(page, 'acled syria.csv', acledCsv(ACLED_ROWS), 'text/csv');
  const message = page.getByTestId('import-rejected');
  await expect(message).toContainText('acled syria.csv could not be opened', { timeout: 30_000 });
  await expect(message).toContainText('stopped');
  expect(asked).toBeGreaterThan(1);
  await screenshot(page, 'own-file-checker-failed-1440');
  await expect(page.getByTestId('import-adding')).toHaveCount(0);
  await expect(page.getByTestId('your-data')).toHaveCount(0);
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
});
});

test('without the gazetteer, the page checks a file itself: the same rows, deaths and problems', async ({ page }) => {
  // The checking worker builds the table with the page's gazetteer; with none, the page
  // checks the rows itself, as it did before there was a checking worker.
  await page.route(/gazetteer\/place-names\.json/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await start(page);
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const good = ACLED_ROWS.filter((r) => !BROKEN.has(r.id));
  const deaths = good.reduce((sum, r) => sum + Number(r.fatalities), 0);
  await openFile(page, 'acled syria.csv', acledCsv(ACLED_ROWS), 'text/csv');
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(good.length), { timeout: 30_000 });
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths)} deaths`);
  expect(workers.length).toBe(1);
  const entry = page.getByTestId('your-data');
  await expect(entry.getByTestId('import-counts')).toContainText(
    `${ACLED_ROWS.length} rows read, ${BROKEN.size} skipped`,
  );
  // Kept in its stored form all the same, written by the page just after the file opens:
  // a reload reopens it.
  const id = new URL(page.url()).searchParams.get('c');
  await expect.poll(() => keptIds(page)).toEqual([id]);
  await page.reload();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + good.length), { timeout: 30_000 });
});

test('the checking worker starts as a file is chosen, and no worker is left once the file is in or set aside', async ({ page }) => {
  await start(page);
  const started = [];
  page.on('worker', (worker) => started.push(worker));
  // An ACLED export: the reading worker, and the checking worker started beside it (not once
  // the first rows are written) and taken for the check; both stop when the rows are in.
  const good = ACLED_ROWS.filter((r) => !BROKEN.has(r.id));
  await openFile(page, 'acled syria.csv', acledCsv(ACLED_ROWS), 'text/csv');
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(good.length), { timeout: 30_000 });
  expect(started.length).toBe(2);
  await expect.poll(() => page.workers().length).toBe(0);
  // A collection file is read whole, with no check in a worker: the checking worker started
  // as it was chosen stops unused.
  const file = ownCollection('mine');
  await openFile(page, 'my collection.json', JSON.stringify(file));
  await expect(page.getByTestId('event-total')).toHaveText(
    groupThousands(bundled + good.length + file.events.length), { timeout: 30_000 },
  );
  expect(started.length).toBe(4);
  await expect.poll(() => page.workers().length).toBe(0);
  // A table of no known layout waits in the mapping step with its reading worker alone.
  await openFile(page, 'monitor.csv', 'Day;Village;Killed\r\n01/05/2019;Kafr Nabl;3\r\n', 'text/csv');
  await expect(page.getByTestId('column-mapping')).toBeVisible({ timeout: 30_000 });
  expect(started.length).toBe(6);
  await expect.poll(() => page.workers().length).toBe(1);
});

test('a file of many agreements lists them a hundred at a time under the timeline', async ({ page }) => {
  // An export can hold thousands of agreements: listed all at once, they froze the page for
  // seconds as the file opened.
  const errors = watchConsole(page);
  await start(page);
  const agreements = Array.from({ length: 230 }, (_, i) => ({
    id: `SYR9${String(i).padStart(4, '0')}`,
    date: `2019-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    type: 'Strategic developments', sub: 'Agreement', actor1: 'Military Forces of Russia (2000-)',
    actor2: 'Military Forces of Turkey (2016-)', admin1: 'Idleb', location: `Village ${i}`,
    lat: '35.6136', lon: '36.5617', notes: `Agreement number ${i} on a local truce.`, fatalities: '0',
  }));
  const rows = [...ACLED_ROWS.filter((r) => !BROKEN.has(r.id)), ...agreements];
  await openFile(page, 'agreements.csv', acledCsv(rows), 'text/csv');
  await expect(page.getByTestId('milestones-note')).toContainText(`${agreements.length} agreements`, { timeout: 30_000 });
  const listed = page.locator('.milestones li');
  const more = page.getByTestId('milestones-more');
  const step = 100;
  for (let shown = step; shown < agreements.length; shown += step) {
    await expect(listed).toHaveCount(shown);
    const next = Math.min(step, agreements.length - shown);
    await expect(more).toHaveText(`Show ${next} more (${shown} of ${agreements.length} listed)`);
    // From the keyboard: the first agreement it lists takes the focus.
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus')).toHaveId(`milestone-${shown + 1}`);
  }
  await expect(listed).toHaveCount(agreements.length);
  await expect(more).toHaveCount(0);
  // Numbered in date order, the numbers the chart's markers carry.
  await expect(listed.last().locator('button')).toContainText(`${agreements.length}. `);
  expect(errors).toEqual([]);
});

test('a long read shows its progress, its first rows are checked while it reads on, and Cancel stops both', async ({ page }) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'own-file-'));
  try {
    // Some 250,000 rows: long enough to be caught while reading.
    const template = ACLED_ROWS.filter((r) => !BROKEN.has(r.id));
    const rows = Array.from({ length: 250_000 }, (_, i) => ({ ...template[i % template.length], id: `SYR${i + 1}` }));
    const path = join(folder, 'big export.csv');
    writeFileSync(path, acledCsv(rows));
    await start(page);
    await page.getByTestId('open-file').setInputFiles(path);
    const reading = page.getByTestId('import-progress');
    const bar = reading.getByRole('progressbar');
    await expect(bar).toBeVisible({ timeout: 30_000 });
    await expect(bar).toHaveAttribute('aria-valuemax', '100');
    await expect(reading).toContainText('big export.csv');
    // The worker hands the rows over in pieces as it reads them: the page checks the first
    // while the file is still being read.
    const checking = page.getByTestId('import-adding');
    await expect(checking).toBeVisible({ timeout: 60_000 });
    await expect(checking).toContainText('big export.csv');
    await expect(reading).toBeVisible();
    await reading.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('import-failure')).toHaveText('Reading the file was cancelled.');
    // Both the reading and the checking stop, and nothing joins the page.
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByTestId('import-rejected')).toHaveCount(0);
    await expect(page.getByTestId('your-data')).toHaveCount(0);
    await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a file of several of the reader\'s slices reads whole: every row, every death, and the fingerprint of its bytes, and reopens whole', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  // Some 10 MB: the worker reads a file 4 MB at a time, so rows and lines cross the slices'
  // ends and the last slice is a short one.
  const template = ACLED_ROWS.filter((r) => !BROKEN.has(r.id));
  let rows = [];
  let csv = '';
  while (csv.length < 10_000_000) {
    rows = rows.concat(Array.from({ length: 5_000 }, (_, i) => ({ ...template[(rows.length + i) % template.length], id: `SYR${rows.length + i + 1}` })));
    csv = acledCsv(rows);
  }
  const bytes = Buffer.from(csv);
  const fingerprint = createHash('sha256').update(bytes).digest('hex');
  const deaths = rows.reduce((sum, r) => sum + Number(r.fatalities), 0);
  await start(page);
  await page.getByTestId('open-file').setInputFiles({ name: 'slices.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(rows.length), { timeout: 90_000 });
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths)} deaths`);
  const entry = page.getByTestId('your-data');
  await expect(entry.getByTestId('import-counts')).toContainText(`${groupThousands(rows.length)} rows read, 0 skipped`);
  await expect(entry.locator('.fingerprint code')).toHaveText(fingerprint);
  expect(new URL(page.url()).searchParams.get('c')).toBe(`file-${fingerprint.slice(0, 12)}`);
  // Its stored form went to the page in several parts, each kept in a blob before its buffer
  // was handed over: the copy the device keeps (written just after the file opens) reopens
  // whole.
  await expect.poll(() => keptIds(page)).toEqual([`file-${fingerprint.slice(0, 12)}`]);
  await page.reload();
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(rows.length), { timeout: 60_000 });
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths)} deaths`);
  expect(errors).toEqual([]);
});

test('offline, a kept file reopens and a new file still opens', async ({ browser }) => {
  test.setTimeout(120_000);
  const site = await deployment();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    const good = ACLED_ROWS.filter((r) => !BROKEN.has(r.id));
    await openFile(page, 'acled.csv', acledCsv(ACLED_ROWS), 'text/csv');
    await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(good.length), { timeout: 30_000 });
    const link = page.url();
    await expect.poll(() => keptIds(page)).toEqual([new URL(link).searchParams.get('c')]);

    await site.stop();
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(link);
    await expect(offline.getByTestId('event-total')).toHaveText(groupThousands(bundled + good.length), { timeout: 30_000 });
    await expect(offline.getByTestId('event-visible')).toHaveText(groupThousands(good.length));
    // The worker's files come from the offline copy too.
    const file = ownCollection('offline');
    await openFile(offline, 'offline.json', JSON.stringify(file));
    await expect(offline.getByTestId('event-visible')).toHaveText(groupThousands(file.events.length), { timeout: 30_000 });
  } finally {
    await context.close();
    await site.remove();
  }
});

// UCDP GED tables, from rows of the project's own UCDP file: as published (the 19.1 layout,
// with a header) and as the 49 columns of GED 23.1-25.1 without a header row.
const GED_49 = [
  'id', 'relid', 'year', 'active_year', 'code_status', 'type_of_violence', 'conflict_dset_id', 'conflict_new_id',
  'conflict_name', 'dyad_dset_id', 'dyad_new_id', 'dyad_name', 'side_a_dset_id', 'side_a_new_id', 'side_a',
  'side_b_dset_id', 'side_b_new_id', 'side_b', 'number_of_sources', 'source_article', 'source_office', 'source_date',
  'source_headline', 'source_original', 'where_prec', 'where_coordinates', 'where_description', 'adm_1', 'adm_2',
  'latitude', 'longitude', 'geom_wkt', 'priogrid_gid', 'country', 'country_id', 'region', 'event_clarity', 'date_prec',
  'date_start', 'date_end', 'deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown', 'best', 'high', 'low',
  'gwnoa', 'gwnob',
];

/** The first `count` rows of the project's UCDP file; `renumbered`, with UCDP ids no bundled
 *  event has, so that they are new events rather than copies of loaded ones. */
function gedRows(count, { renumbered = true } = {}) {
  const [header, ...records] = parseCsv(readFileSync('data/raw/ucdp/ged_syria_2016-2019.csv', 'utf8'));
  const id = header.indexOf('id');
  const rows = records.filter((r) => r.length === header.length).slice(0, count);
  if (renumbered) for (const r of rows) r[id] = String(Number(r[id]) + 1_000_000_000);
  return { header, records: rows };
}
const csvLine = (fields) => fields.map((v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',');

for (const layout of ['19.1 with a header', '49 columns without a header']) {
  test(`a UCDP GED table opens (${layout}): events and deaths counted from the file`, async ({ page }) => {
    const errors = watchConsole(page);
    await start(page);
    const { header, records } = gedRows(60);
    const at = (record, name) => record[header.indexOf(name)] ?? '';
    const text = layout.startsWith('19.1')
      ? [csvLine(header), ...records.map(csvLine)].join('\n')
      : records.map((r) => csvLine(GED_49.map((name) => (header.includes(name) ? at(r, name) : {
        relid: `SYR-${at(r, 'id')}`, code_status: 'Clear', where_description: '', conflict_dset_id: at(r, 'conflict_new_id'),
        dyad_dset_id: at(r, 'dyad_new_id'), side_a_dset_id: at(r, 'side_a_new_id'), side_b_dset_id: at(r, 'side_b_new_id'),
        gwnoa: '652',
      }[name] ?? '')))).join('\n');
    await openFile(page, 'ged.csv', text, 'text/csv');
    await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(records.length), { timeout: 30_000 });
    const best = records.reduce((sum, r) => sum + Number(at(r, 'best')), 0);
    await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(best)} deaths`);
    await expect(page.getByTestId('your-data')).toContainText('UCDP GED (CSV)');
    await expect(page.getByTestId('your-data').getByTestId('import-counts')).toContainText(`${records.length} rows read, 0 skipped`);
    expect(errors).toEqual([]);
  });
}

test('a UCDP file that overlaps the bundled one adds no event twice, and says so', async ({ page }) => {
  await start(page);
  const { header, records } = gedRows(40, { renumbered: false });
  await openFile(page, 'ged overlap.csv', [csvLine(header), ...records.map(csvLine)].join('\n'), 'text/csv');
  const entry = page.getByTestId('your-data');
  await expect(entry.getByTestId('import-counts')).toContainText(`${records.length} rows read, ${records.length} skipped`, { timeout: 30_000 });
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
  await expect(page.getByTestId('event-visible')).toHaveText('0');
  await entry.locator('.import-problems summary').click();
  await expect(entry.getByTestId('import-problems')).toContainText('is loaded already');
});

test('a copy whose keeping a reload cut is cleared on the next visit, never listed, and said', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  // What a reload in the middle of keeping a file leaves, seeded through the page's own file
  // system: the note of the write begun, and the collection half written under its new name,
  // which the list does not name.
  const id = 'file-0123456789ab';
  const partial = `${id}.1700000000000.json`;
  const name = 'cut short.csv';
  await page.evaluate(async ({ id, partial, name }) => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('own-files', { create: true });
    const write = async (file, text) => {
      const handle = await folder.getFileHandle(file, { create: true });
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
    };
    await write(partial, `{"schema_version":1,"collection":{"id":"${id}","name":"`);
    await write('writing.json', JSON.stringify({ collection_id: id, file_name: name, stored_as: partial }));
  }, { id, partial, name });
  const stored = () => page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('own-files');
    const names = [];
    for await (const entry of folder.keys()) names.push(entry);
    return names;
  });
  expect(await stored()).toEqual(expect.arrayContaining([partial, 'writing.json']));

  await page.reload();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
  const notices = page.getByTestId('store-notices');
  await expect(notices).toContainText(name);
  await expect(notices).toContainText('not kept completely');
  await expect(page.getByTestId('your-data')).toHaveCount(0);
  expect(await keptIds(page)).toEqual([]);
  await expect.poll(stored).not.toContain(partial);
  expect(await stored()).not.toContain('writing.json');

  // A file kept afterwards is kept whole, and the next visit says nothing of the cut one.
  const file = ownCollection('kept');
  await openFile(page, 'kept.json', JSON.stringify(file));
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(file.events.length), { timeout: 30_000 });
  await expect.poll(() => keptIds(page)).toEqual(['kept']);
  await expect.poll(stored).not.toContain('writing.json');
  await page.reload();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + file.events.length), { timeout: 30_000 });
  await expect(page.getByTestId('your-data')).toContainText('kept.json');
  await expect(page.getByTestId('store-notices')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a file is kept in its stored form; a copy kept as JSON by an earlier version reopens, a damaged one is said', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  const file = ownCollection('kept');
  const mine = file.events.length;
  await openFile(page, 'kept.json', JSON.stringify(file));
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine), { timeout: 30_000 });
  await expect.poll(() => keptIds(page)).toEqual(['kept']);
  // The device's files, read and written through the page's own file system.
  const device = (action, args) => page.evaluate(async ({ action, args }) => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('own-files');
    const read = async (name) => new Uint8Array(await (await (await folder.getFileHandle(name)).getFile()).arrayBuffer());
    const write = async (name, bytes) => {
      const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
      await writable.write(bytes);
      await writable.close();
    };
    const index = JSON.parse(new TextDecoder().decode(await read('index.json')));
    if (action === 'head') return Array.from((await read(index[0].stored_as)).slice(0, 4));
    if (action === 'as-json') {
      // As an earlier version kept it: the collection's JSON, named `<id>.json`, and a list
      // that names no file.
      await write('kept.json', new TextEncoder().encode(args.json));
      delete index[0].stored_as;
      await write('index.json', new TextEncoder().encode(JSON.stringify(index)));
      return null;
    }
    // Damaged: the stored form cut in half.
    const bytes = await read(args.stored);
    await write(index[0].stored_as ?? 'kept.json', bytes.slice(0, bytes.length >> 1));
    return null;
  }, { action, args });
  const head = await device('head');
  expect(String.fromCharCode(...head)).toBe('SIXF');
  const stored = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('own-files');
    const index = JSON.parse(await (await (await folder.getFileHandle('index.json')).getFile()).text());
    return index[0].stored_as;
  });
  // Reopened from the stored form: the same events, and the same answer to a search.
  const word = 'patrols';
  const matching = file.events.filter((event) => JSON.stringify(event).toLowerCase().includes(word)).length;
  expect(matching).toBeGreaterThan(0);
  await page.goto(`./?c=kept&q=${word}`);
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + mine), { timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(matching));

  await device('as-json', { json: JSON.stringify(file) });
  await page.goto('./?c=kept');
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + mine), { timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine));
  await expect(page.getByTestId('store-notices')).toHaveCount(0);

  // The stored form again (opened anew), then damaged.
  await page.getByTestId('your-data').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
  await openFile(page, 'kept.json', JSON.stringify(file));
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(mine), { timeout: 30_000 });
  await expect.poll(() => keptIds(page)).toEqual(['kept']);
  const fresh = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('own-files');
    return JSON.parse(await (await (await folder.getFileHandle('index.json')).getFile()).text())[0].stored_as;
  });
  expect(fresh).not.toBe(stored);
  await device('damage', { stored: fresh });
  await page.reload();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
  const notices = page.getByTestId('store-notices');
  await expect(notices).toContainText('kept.json');
  await expect(notices).toContainText('damaged or incomplete');
  expect(errors).toEqual([]);
});
