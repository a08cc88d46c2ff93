// Any other table of incidents (a monitor's own CSV, semicolons, UTF-16, a spreadsheet): the
// mapping step guesses the columns, shows the first rows, waits for the order of ambiguous
// dates, and reads every row with the columns chosen. Expected counts are computed here from
// the files the tests build (or, for the workbook, from the CSV committed beside it).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { allEvents, groupThousands, keptIds, parseCsv, screenshot, watchConsole } from './helpers.mjs';

const bundled = allEvents().length;

async function start(page) {
  await page.goto('./');
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
}

async function openFile(page, name, buffer, mimeType = 'text/csv') {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType, buffer });
}

const HEADER = ['Date', 'Governorate', 'Village', 'Perpetrator', 'Type of attack', 'Killed', 'Civilians killed', 'Description', 'Source'];

/** A monitor's rows: day-first dates that never exceed 12 (so the order cannot be told), Arabic
 * and English, a row with a broken count. */
function monitorRows() {
  const places = [['Idlib', 'Kafr Nabl'], ['إدلب', 'سراقب'], ['Hama', 'Kafr Zita'], ['Aleppo', 'Anadan'], ['Rural Damascus', 'Douma']];
  const kinds = ['Airstrike', 'قصف مدفعي', 'Barrel bomb', 'Ground attack', 'Airstrike'];
  const actors = ['Russian forces', 'قوات النظام', 'Syrian government forces; Russian forces', 'HTS', 'Unknown'];
  return Array.from({ length: 24 }, (_, i) => {
    const [governorate, village] = places[i % places.length];
    const killed = String((i * 7) % 11);
    return {
      Date: `${String((i % 12) + 1).padStart(2, '0')}/${String((i % 11) + 1).padStart(2, '0')}/2018`,
      Governorate: governorate,
      Village: village,
      Perpetrator: actors[i % actors.length],
      'Type of attack': kinds[i % kinds.length],
      Killed: i === 5 ? 'a few' : killed,
      'Civilians killed': String(Math.min(Number(killed), 2)),
      Description: i % 4 === 0 ? `Row ${i}: "quoted"; with a semicolon\nand a line break` : `Row ${i} بالعربية`,
      Source: i % 2 ? 'SNHR' : 'Local coordination committee',
    };
  });
}

function delimited(rows, separator) {
  const quote = (value) => (value.includes(separator) || /["\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [HEADER, ...rows.map((row) => HEADER.map((column) => row[column]))]
    .map((fields) => fields.map(quote).join(separator))
    .join('\r\n') + '\r\n';
}

function utf16le(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const isCount = (value) => /^\d+$/.test(value);

/** Waits until the collection `id` is kept on this device, so that a new address reopens it. */
async function kept(page, id) {
  await expect.poll(() => keptIds(page), { timeout: 30_000 }).toContain(id);
}

test('a semicolon table with dates like 03/04/2018 waits for their order, then opens whole', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  const origin = new URL(page.url()).origin;
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), method: request.method() }));
  const rows = monitorRows();
  await openFile(page, 'monitor sheet.csv', Buffer.from(delimited(rows, ';')));

  const step = page.getByTestId('column-mapping');
  await expect(step).toBeVisible({ timeout: 30_000 });
  await expect(step).toContainText('separated by semicolons');
  // The guess, from the column names.
  await expect(page.getByTestId('map-date')).toHaveValue('0');
  await expect(page.getByTestId('map-governorate')).toHaveValue('1');
  await expect(page.getByTestId('map-place')).toHaveValue('2');
  await expect(page.getByTestId('map-actor1')).toHaveValue('3');
  await expect(page.getByTestId('map-kind')).toHaveValue('4');
  await expect(page.getByTestId('map-deaths')).toHaveValue('5');
  await expect(page.getByTestId('map-civilians')).toHaveValue('6');
  await expect(page.getByTestId('map-summary')).toHaveValue('7');
  await expect(page.getByTestId('map-source')).toHaveValue('8');
  // The first rows, as text.
  const preview = page.getByTestId('mapping-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(8);
  await expect(preview.locator('tbody tr').first()).toContainText(rows[0].Village);
  // Dates like 01/01/2018 are never read in a guessed order.
  const open = page.getByTestId('mapping-import');
  await expect(page.getByTestId('date-order')).toBeVisible();
  await expect(page.getByTestId('mapping-missing')).toContainText('Choose how the dates are written');
  await expect(open).toBeDisabled();
  await screenshot(page, 'mapping-step-1440');
  await step.screenshot({ path: 'e2e/artifacts/mapping-step-panel-1440.png' });
  await page.getByTestId('date-order').getByLabel(/^day\/month\/year/).check();
  await expect(open).toBeEnabled();
  await open.click();

  const good = rows.filter((row) => isCount(row.Killed));
  const deaths = good.reduce((sum, row) => sum + Number(row.Killed), 0);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(good.length), { timeout: 30_000 });
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths)} deaths`);
  const entry = page.getByTestId('your-data');
  await expect(entry).toContainText('CSV table, columns chosen');
  await expect(entry.getByTestId('import-counts')).toContainText(`${rows.length} rows read, ${rows.length - good.length} skipped`);
  await entry.locator('.import-problems summary').click();
  const broken = rows.findIndex((row) => !isCount(row.Killed)) + 2;
  await expect(entry.getByTestId('import-problems')).toContainText(`row ${broken} / Killed / a few: not a whole number of people`);
  // Day first: 02/03/2018 is 2 March. The table's own types are options.
  const id = new URL(page.url()).searchParams.get('c');
  await kept(page, id);
  const march = good.filter((row) => row.Date.split('/')[1] === '03').length;
  await page.goto(`./?c=${id}&from=2018-03-01&to=2018-03-31`);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(march), { timeout: 30_000 });
  const airstrikes = good.filter((row) => row['Type of attack'] === 'Airstrike').length;
  await page.goto(`./?c=${id}&type=Airstrike`);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(airstrikes), { timeout: 30_000 });
  for (const { url, method } of requests) {
    expect(method).toBe('GET');
    expect(new URL(url).origin).toBe(origin);
  }
  expect(errors).toEqual([]);
});

test('a UTF-16 tab-separated table reads like UTF-8, and a changed column is what is read', async ({ page }) => {
  await start(page);
  const rows = monitorRows().map((row, i) => ({ ...row, Date: `2019-0${(i % 9) + 1}-1${i % 10}` }));
  await openFile(page, 'unicode text.txt', utf16le(delimited(rows, '\t')), 'text/plain');
  const step = page.getByTestId('column-mapping');
  await expect(step).toBeVisible({ timeout: 30_000 });
  await expect(step).toContainText('UTF-16');
  await expect(step).toContainText('separated by tabs');
  // ISO dates need no order.
  await expect(page.getByTestId('date-order')).toHaveCount(0);
  await expect(page.getByTestId('map-place')).toHaveValue('2');
  // The reader reads deaths from the civilians column instead, and civilians not at all.
  await page.getByTestId('map-civilians').selectOption('');
  await page.getByTestId('map-deaths').selectOption('6');
  await expect(page.getByTestId('mapping-preview').locator('th').nth(6)).toContainText('Deaths');
  await page.getByTestId('mapping-import').click();
  const civilians = rows.reduce((sum, row) => sum + Number(row['Civilians killed']), 0);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(rows.length), { timeout: 30_000 });
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(civilians)} deaths`);
  // No column gives civilians: no civilians total is shown, not a 0 nobody reported.
  await expect(page.getByTestId('deaths')).toContainText('no number of civilians killed is given');
  await expect(page.getByTestId('deaths')).not.toContainText('0 civilians');
  // An Arabic village name is found by search.
  const saraqib = rows.filter((row) => row.Village === 'سراقب').length;
  const id = new URL(page.url()).searchParams.get('c');
  await kept(page, id);
  await page.goto(`./?c=${id}&q=${encodeURIComponent('سراقب')}`);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(saraqib), { timeout: 30_000 });
});

/** `text` in Windows-1256, the code page Excel on an Arabic Windows saves "CSV" in: the encoder
 *  is the inverse of the platform's decoder, byte by byte. */
function windows1256(text) {
  const decoder = new TextDecoder('windows-1256');
  const byChar = new Map();
  for (let byte = 0; byte < 0x100; byte += 1) byChar.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((c) => {
    const byte = byChar.get(c);
    if (byte === undefined) throw new Error(`${c} has no Windows-1256 byte`);
    return byte;
  }));
}

test('a sheet saved by Excel on an Arabic Windows (Windows-1256) opens with its Arabic words intact', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  const header = ['التاريخ', 'المحافظة', 'القرية', 'عدد القتلى', 'الوصف'];
  const places = [['إدلب', 'سراقب'], ['حماة', 'كفرزيتا'], ['حلب', 'عندان']];
  const rows = Array.from({ length: 12 }, (_, i) => [
    `2019-0${(i % 9) + 1}-1${i % 10}`, ...places[i % places.length], String(i % 5), `قصف على ${places[i % places.length][1]}`,
  ]);
  const text = [header, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n';
  await openFile(page, 'تقرير.csv', windows1256(text));
  const step = page.getByTestId('column-mapping');
  await expect(step).toBeVisible({ timeout: 30_000 });
  await expect(step).toContainText('Windows-1256');
  // The Arabic column names and cells read as written, not as mojibake.
  await expect(page.getByTestId('mapping-preview')).toContainText('عدد القتلى');
  await expect(page.getByTestId('mapping-preview')).toContainText('سراقب');
  await page.getByTestId('mapping-import').click();
  const deaths = rows.reduce((sum, row) => sum + Number(row[3]), 0);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(rows.length), { timeout: 30_000 });
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths)} deaths`);
  const saraqib = rows.filter((row) => row[2] === 'سراقب').length;
  const id = new URL(page.url()).searchParams.get('c');
  await kept(page, id);
  await page.goto(`./?c=${id}&q=${encodeURIComponent('سراقب')}`);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(saraqib), { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('the mapping step reads well at 375 px, and Cancel leaves the page as it was', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await start(page);
  await openFile(page, 'monitor sheet.csv', Buffer.from(delimited(monitorRows(), ';')));
  await expect(page.getByTestId('column-mapping')).toBeVisible({ timeout: 30_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await screenshot(page, 'mapping-step-375');
  await page.getByTestId('column-mapping').screenshot({ path: 'e2e/artifacts/mapping-step-panel-375.png' });
  await page.getByTestId('column-mapping').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('column-mapping')).toHaveCount(0);
  await expect(page.getByTestId('import-failure')).toContainText('cancelled');
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled));
  await expect(page.getByTestId('your-data')).toHaveCount(0);
});

for (const lang of ['en', 'ar']) {
  test(`the choice of header row shows a row's first names whole at 375 px (${lang})`, async ({ page }) => {
    const rows = monitorRows().slice(0, 6).map((row, i) => ({ ...row, Date: `2019-03-0${i + 1}` }));
    const file = ['Monthly report – Idlib', '', delimited(rows, ',')].join('\r\n');
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`./?lang=${lang}`);
      await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled), { timeout: 30_000 });
      await openFile(page, 'report.csv', Buffer.from(file));
      const header = page.getByTestId('mapping-header');
      await expect(header).toHaveValue('1');
      const selected = header.locator('option:checked');
      // The option names the header by its first column, whatever the page's direction.
      await expect(selected).toContainText(HEADER[0]);
      // Its text fits inside the select beside the arrow: the width an empty select of the same
      // font takes is what the arrow, padding and border need.
      const fit = await header.evaluate((select) => {
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = select.selectedOptions[0].textContent;
        const empty = document.createElement('select');
        Object.assign(empty.style, { position: 'absolute', fontSize: style.fontSize, fontFamily: style.fontFamily, fontWeight: style.fontWeight });
        document.body.append(empty);
        const frame = empty.getBoundingClientRect().width;
        empty.remove();
        return { text: context.measureText(text).width, frame, select: select.getBoundingClientRect().width };
      });
      expect(fit.text + fit.frame).toBeLessThanOrEqual(fit.select);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await header.scrollIntoViewIfNeeded();
      await page.getByTestId('column-mapping').screenshot({ path: `e2e/artifacts/mapping-header-choice-${lang}-${width}.png` });
    }
  });
}

test('a workbook opens on the sheet the reader picks, counted from the same table as CSV', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  const workbook = readFileSync(new URL('./fixtures/monitor-sheet.xlsx', import.meta.url));
  const [header, ...records] = parseCsv(readFileSync(new URL('./fixtures/monitor-sheet.csv', import.meta.url), 'utf8'))
    .filter((record) => record.some((cell) => cell !== ''));
  await openFile(page, 'monitor sheet.xlsx', workbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const step = page.getByTestId('column-mapping');
  await expect(step).toBeVisible({ timeout: 30_000 });
  // The step opens on the first sheet with dates, not on the notes before it.
  await expect(step).toContainText('Sheet “Incidents”');
  const sheet = page.getByTestId('mapping-sheet');
  await sheet.selectOption('Notes');
  await expect(step).toContainText('Sheet “Notes”');
  await expect(page.getByTestId('mapping-missing')).toContainText('Choose the column that holds the date');
  await sheet.selectOption('Incidents');
  await expect(step).toContainText('Sheet “Incidents”');
  await expect(page.getByTestId('mapping-preview').locator('thead th')).toHaveCount(header.length);
  await expect(page.getByTestId('map-date')).toHaveValue(String(header.indexOf('Date')));
  const killed = header.indexOf('Killed');
  await expect(page.getByTestId('map-deaths')).toHaveValue(String(killed));
  await page.getByTestId('mapping-import').click();
  const deaths = records.reduce((sum, record) => sum + (Number(record[killed]) || 0), 0);
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(records.length), { timeout: 30_000 });
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(deaths)} deaths`);
  await expect(page.getByTestId('your-data')).toContainText('Spreadsheet, sheet “Incidents”');
  expect(errors).toEqual([]);
});

test('the same table read again with other columns replaces its earlier reading', async ({ page }) => {
  await start(page);
  const rows = monitorRows().map((row, i) => ({ ...row, Date: `2019-0${(i % 9) + 1}-1${i % 10}`, Killed: String(i % 5) }));
  const file = Buffer.from(delimited(rows, ';'));
  const sum = (column) => rows.reduce((total, row) => total + Number(row[column]), 0);
  await openFile(page, 'again.csv', file);
  await expect(page.getByTestId('column-mapping')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('mapping-import').click();
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(sum('Killed'))} deaths`, { timeout: 30_000 });
  // Again, deaths read from the civilians column this time.
  await openFile(page, 'again.csv', file);
  await expect(page.getByTestId('column-mapping')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('map-civilians').selectOption('');
  await page.getByTestId('map-deaths').selectOption('6');
  await page.getByTestId('mapping-import').click();
  await expect(page.getByTestId('deaths')).toContainText(`${groupThousands(sum('Civilians killed'))} deaths`, { timeout: 30_000 });
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(bundled + rows.length));
  await expect(page.getByTestId('your-data').locator('li.opened-file')).toHaveCount(1);
  await expect(page.getByText('again.csv was read again')).toBeVisible();
});

test('a header below title lines is found, said, and can be moved; problems keep the file\'s rows', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  const rows = monitorRows().slice(0, 6).map((row, i) => ({ ...row, Date: `2019-03-0${i + 1}`, Description: `Row ${i}` }));
  const titles = ['Monthly report – Idlib', ''];
  const table = delimited(rows, ',').split('\r\n');
  const lines = [...titles, ...table];
  await openFile(page, 'report.csv', Buffer.from(lines.join('\r\n')));
  const step = page.getByTestId('column-mapping');
  await expect(step).toBeVisible({ timeout: 30_000 });
  // The file's own line numbers: the header is the line after the titles.
  const headerLine = titles.length + 1;
  await expect(page.getByTestId('mapping-header-row')).toContainText(`row ${headerLine}`);
  // Lines read (blank ones are not): the title is the first, the header the second.
  const header = page.getByTestId('mapping-header');
  await expect(header).toHaveValue('1');
  await expect(page.getByTestId('mapping-preview').locator('thead th')).toHaveCount(HEADER.length);
  await expect(page.getByTestId('map-date')).toHaveValue('0');
  // Taken on the title line instead, then back.
  await header.selectOption('0');
  await expect(page.getByTestId('mapping-header-row')).toContainText('row 1');
  await expect(page.getByTestId('mapping-preview').locator('thead th')).toHaveCount(1);
  await page.getByTestId('mapping-header').selectOption('1');
  await expect(page.getByTestId('mapping-header-row')).toContainText(`row ${headerLine}`);
  await expect(page.getByTestId('map-date')).toHaveValue('0');
  await page.getByTestId('mapping-import').click();
  // The row with "a few" killed is left out, named by its line in the file.
  const bad = rows.findIndex((row) => row.Killed === 'a few');
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(rows.length - 1), { timeout: 30_000 });
  const problems = page.getByTestId('import-problems');
  await expect(problems.locator('li')).toHaveCount(1);
  await expect(problems).toContainText(`row ${headerLine + 1 + bad}`);
  expect(errors).toEqual([]);
});

test('columns chosen by hand stay chosen through a switch of sheet', async ({ page }) => {
  const errors = watchConsole(page);
  await start(page);
  const workbook = readFileSync(new URL('./fixtures/monitor-sheet.xlsx', import.meta.url));
  const [header] = parseCsv(readFileSync(new URL('./fixtures/monitor-sheet.csv', import.meta.url), 'utf8'));
  await openFile(page, 'monitor sheet.xlsx', workbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const step = page.getByTestId('column-mapping');
  await expect(step).toBeVisible({ timeout: 30_000 });
  await expect(step).toContainText('Sheet “Incidents”');
  // By hand: the quote from the source column, no perpetrator.
  const source = String(header.indexOf('Source'));
  await page.getByTestId('map-source').selectOption('');
  await page.getByTestId('map-summary').selectOption(source);
  await page.getByTestId('map-actor1').selectOption('');
  const sheet = page.getByTestId('mapping-sheet');
  await sheet.selectOption('Notes');
  await expect(step).toContainText('Sheet “Notes”');
  await sheet.selectOption('Incidents');
  await expect(step).toContainText('Sheet “Incidents”');
  // The hand choice whose column is on this sheet is kept; the others are guessed afresh.
  await expect(page.getByTestId('map-summary')).toHaveValue(source);
  await expect(page.getByTestId('map-date')).toHaveValue(String(header.indexOf('Date')));
  await expect(page.getByTestId('map-actor1')).toHaveValue(String(header.indexOf('Perpetrator')));
  expect(errors).toEqual([]);
});
