// A file the reader opens: read by the import worker on this device, added beside the bundled
// collections, listed under "Your data" with what was read, and removed again. Expected counts
// are computed here from the files the tests build.
import { test, expect } from '@playwright/test';
import { allEvents, dataset, groupThousands, screenshot, watchConsole } from './helpers.mjs';

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
  expect(new URL(page.url()).search).toBe('?c=mine');
  const entry = page.getByTestId('your-data');
  await expect(entry).toContainText('my collection.json');
  const records = mine + file.figures.length;
  await expect(entry.getByTestId('import-counts')).toHaveText(`${records} records read, 0 skipped, 0 with warnings; ${mine} events`);
  // Nothing left the page but requests for the app's own files (the worker's script and wasm).
  for (const { url, method } of requests) {
    expect(method).toBe('GET');
    expect(new URL(url).origin).toBe(origin);
  }
  await screenshot(page, 'own-file-collection-1440');
  expect(errors).toEqual([]);
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
  await expect.poll(() => page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('own-files').catch(() => null);
    if (!folder) return [];
    const index = await folder.getFileHandle('index.json').then((h) => h.getFile()).then((f) => f.text()).catch(() => '[]');
    return JSON.parse(index).map((kept) => kept.collection_id);
  })).toEqual(['kept']);
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
