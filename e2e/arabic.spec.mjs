// The interface in Arabic: `lang=ar` in the link, or an Arabic browser with no `lang`, shows the
// page right to left with no English interface string; the switch in the header goes back to
// English and says so in the address; an unknown language or a reversing character in a link
// never blanks or scrambles the page.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { allEvents, dataset, groupThousands, screenshot, watchConsole } from './helpers.mjs';

/** The values of a catalogue file: each message's text and each variant of its plural forms. */
function catalogueValues(path) {
  const values = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const message = line.match(/^[a-z][a-z0-9-]*\s*=\s*(.*)$/);
    const variant = line.match(/^\s*\*?\[[a-z_]+\]\s*(.*)$/);
    const text = (message ?? variant)?.[1]?.trim();
    if (text && !text.endsWith('->')) values.push(text);
  }
  return values;
}

/**
 * The English interface strings to look for: the text of each English message, cut at its
 * arguments into the fixed parts of at least two words, without those the Arabic catalogue
 * also holds as they are ("SVG", "UCDP GED").
 */
function englishStrings() {
  const arabic = new Set(catalogueValues('locales/ar/main.ftl'));
  const strings = new Set();
  for (const value of catalogueValues('locales/en/main.ftl')) {
    if (arabic.has(value)) continue;
    for (const part of value.split(/\{[^}]*\}/)) {
      const fixed = part.replace(/^[\s,.;:()–—“”]+|[\s,.;:()–—“”]+$/g, '');
      const words = fixed.split(/\s+/).filter((word) => /[A-Za-z]{2,}/.test(word));
      // One word alone only when it is the whole message ("Filters", "Previous").
      if (words.length >= 2 || (words.length === 1 && fixed === value.trim())) strings.add(fixed);
    }
  }
  return [...strings];
}

/**
 * Every piece of interface text a reader can see or hear: visible text nodes, and the names and
 * placeholders of controls. Text from the data (summaries, quotes, names as the source spells
 * them) is marked as such in the page (`<bdi>`, `dir="auto"`, a `lang` other than Arabic) and
 * left out.
 */
async function interfaceTexts(page) {
  return page.evaluate(() => {
    const isData = (element) =>
      element.closest('bdi, [dir="auto"], code, blockquote, canvas') !== null ||
      (element.closest('[lang]')?.getAttribute('lang') ?? 'ar') !== 'ar';
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent.trim();
      if (!parent || !text || isData(parent)) continue;
      if (parent.closest('option') === null && parent.getClientRects().length === 0) continue;
      texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (isData(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value.trim());
      }
    }
    return texts;
  });
}

/** Each English string as a pattern of whole words: "Id" is not found in "Idlib". */
function englishPatterns(english) {
  const escape = (string) => string.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return english.map((string) => new RegExp(`(^|[^A-Za-z])${escape(string)}([^A-Za-z]|$)`));
}

const total = () => groupThousands(allEvents().length);

test('lang=ar shows the page right to left, with no English interface string', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./?lang=ar');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('مستكشف الحوادث العسكرية في سوريا');
  await expect(page).toHaveTitle('مستكشف الحوادث العسكرية في سوريا');
  // The first rows of the list are on the page, and the timeline is drawn.
  await expect(page.getByTestId('event-list').locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('figure.chart canvas').first()).toBeVisible();

  const english = englishStrings();
  expect(english.length).toBeGreaterThan(150);
  const texts = await interfaceTexts(page);
  expect(texts.length).toBeGreaterThan(100);
  const patterns = englishPatterns(english);
  const found = texts.filter((text) => patterns.some((pattern) => pattern.test(text)));
  expect(found, 'English interface strings in the Arabic view').toEqual([]);
  expect(errors).toEqual([]);
});

for (const view of ['map', 'figures', 'about']) {
  test(`the ${view} view in Arabic has no English interface string`, async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(`./?lang=ar&view=${view}`);
    await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
    await expect(page.getByTestId(view)).toBeVisible();
    const english = englishStrings();
    const found = (await interfaceTexts(page)).filter((text) => englishPatterns(english).some((p) => p.test(text)));
    expect(found, `English interface strings in the Arabic ${view} view`).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('an open record in Arabic has no English interface string', async ({ page }) => {
  await page.goto('./?lang=ar&sort=deaths-desc');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  await page.getByTestId('event-list').locator('.summary-cell button').first().click();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  const found = (await interfaceTexts(page)).filter((text) => englishPatterns(englishStrings()).some((p) => p.test(text)));
  expect(found, 'English interface strings in the Arabic record').toEqual([]);
});

test('an open UCDP record in Arabic lays out UCDP’s English sentences left to right, marked as English', async ({ page }) => {
  // The first UCDP event with an article and a headline kept as UCDP writes it, from the data.
  const event = dataset('ucdp').events.find((e) => e.ucdp.source_article && e.ucdp.source_headline);
  expect(event).toBeDefined();
  await page.goto(`./?lang=ar&sel=${encodeURIComponent(event.id)}`);
  await expect(page.getByTestId('event-detail')).toBeVisible({ timeout: 30_000 });
  const direction = (id) => page.getByTestId(id).evaluate((el) => getComputedStyle(el).direction);
  // The record around them stays right to left.
  await expect(page.getByTestId('event-detail')).toHaveCSS('direction', 'rtl');
  for (const id of ['ucdp-article', 'ucdp-headline', 'ucdp-dyad']) {
    await expect(page.getByTestId(id)).toHaveAttribute('lang', 'en');
    expect(await direction(id), id).toBe('ltr');
  }
  await expect(page.getByTestId('ucdp-article')).toHaveText(event.ucdp.source_article);
  await expect(page.getByTestId('ucdp-headline')).toHaveText(event.ucdp.source_headline);
});

test('the Arabic view counts what the English view counts', async ({ page }) => {
  await page.goto('./?gov=idlib&kind=shelling');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const visible = await page.getByTestId('event-visible').textContent();
  const deaths = (await page.getByTestId('deaths').textContent()).match(/\d[\d,]*/g);
  await page.goto('./?lang=ar&gov=idlib&kind=shelling');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(visible);
  expect((await page.getByTestId('deaths').textContent()).match(/\d[\d,]*/g)).toEqual(deaths);
  // Governorates and kinds by their Arabic names, ticked as the link says.
  await expect(page.getByRole('checkbox', { name: 'إدلب' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'قصف مدفعي' })).toBeChecked();
});

test('switching language keeps the counts, and the explorer does not build its engine again', async ({ page }) => {
  await page.goto('./?gov=idlib&kind=shelling');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const visible = await page.getByTestId('event-visible').textContent();
  const deaths = (await page.getByTestId('deaths').textContent()).match(/\d[\d,]*/g);
  // The explorer records the building of an engine as the "engine" measure, after a frame.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('engine').length)).toBe(1);
  await page.evaluate(() => performance.clearMeasures());
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('event-visible')).toHaveText(visible);
  expect((await page.getByTestId('deaths').textContent()).match(/\d[\d,]*/g)).toEqual(deaths);
  await expect(page.getByRole('checkbox', { name: 'إدلب' })).toBeChecked();
  // The Arabic explorer has drawn (its filter measured), with the English one's engine.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('filter').length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => performance.getEntriesByName('engine').length)).toBe(0);
  // And back: the same counts again.
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByTestId('event-visible')).toHaveText(visible);
  expect(await page.evaluate(() => performance.getEntriesByName('engine').length)).toBe(0);
});

test('the switch goes back to English, keeps the view and says so in the address', async ({ page }) => {
  await page.goto('./?lang=ar&view=map');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl', { timeout: 30_000 });
  const toEnglish = page.getByTestId('lang-switch');
  await expect(toEnglish).toHaveText('English');
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await toEnglish.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
  await expect(page).toHaveURL(/[?&]view=map(&|$)/);
  await expect(page.locator('h1')).toHaveText('Syria Incident Explorer');
  await expect(page.getByRole('button', { name: 'Map', exact: true })).toHaveAttribute('aria-current', 'page');
  const toArabic = page.getByTestId('lang-switch');
  await expect(toArabic).toHaveText('العربية');
  await expect(toArabic).toHaveAttribute('lang', 'ar');
  // Back returns to the Arabic view.
  await page.goBack();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('h1')).toHaveText('مستكشف الحوادث العسكرية في سوريا');
});

test.describe('an Arabic browser', () => {
  test.use({ locale: 'ar-SY' });

  test('a link without lang follows the browser language', async ({ page }) => {
    await page.goto('./?gov=aleppo');
    await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('checkbox', { name: 'حلب' })).toBeChecked();
    // The address keeps no language: the link still follows each reader's browser.
    await expect(page).toHaveURL(/\?gov=aleppo$/);
    // A link that names English wins over the browser.
    await page.goto('./?lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 30_000 });
    await expect(page.locator('h1')).toHaveText('Syria Incident Explorer');
  });
});

test('an English browser opens in English', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('an unknown language is ignored with a notice, never a blank page', async ({ page }) => {
  await page.goto('./?lang=xx&gov=idlib');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  await expect(page.getByTestId('notices')).toContainText('“lang=xx” is not a language of the interface (ar or en); ignored');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\?gov=idlib$/);
});

test('a reversing character in a link cannot reverse the notice about it', async ({ page }) => {
  await page.goto('./?lang=ar&gov=%E2%80%AEidlib');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const notice = page.getByTestId('notices').locator('li');
  // Said in Arabic, the character written as its code point.
  await expect(notice).toContainText('[U+202E]idlib');
  await expect(notice).toContainText('محافظة');
  expect(await notice.textContent()).not.toContain('\u202E');
  // In English, the same.
  await page.goto('./?lang=en&gov=%E2%80%AEidlib');
  await expect(page.getByTestId('notices').locator('li')).toHaveText('“gov=[U+202E]idlib” is not a governorate; ignored', { timeout: 30_000 });
});

test('screenshots of the Arabic view at 375 and 1440 px', async ({ page }) => {
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?lang=ar');
    await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
    await expect(page.getByTestId('event-list').locator('tbody tr').first()).toBeVisible();
    // Nothing wider than the screen: the page does not scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `arabic-${width}`);
    // What the first screen shows, and the list, as a reader sees them.
    await page.screenshot({ path: `e2e/artifacts/arabic-${width}-top.png` });
    await page.getByTestId('event-list').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/artifacts/arabic-${width}-list.png` });
    const first = page.getByTestId('event-list').locator('.summary-cell button').first();
    await first.click();
    await expect(page.getByTestId('event-detail')).toBeVisible();
    await page.getByTestId('event-detail').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/artifacts/arabic-${width}-detail.png` });
  }
});

test('a file opened in the Arabic view keeps the language, whatever the browser speaks', async ({ page }) => {
  // The test's browser speaks English: the page is Arabic only because the link says so.
  await page.goto('./?lang=ar');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const curated = JSON.parse(readFileSync('public/data/curated.json', 'utf8'));
  curated.collection.id = 'mine';
  for (const record of [...curated.events, ...(curated.figures ?? [])]) record.id = record.id.replace(/^curated:/, 'mine:');
  await page.getByTestId('open-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(curated)) });
  await expect(page.getByTestId('your-data')).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/[?&]lang=ar(&|$)/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('counts past 100 take the plural form of their last two digits', async ({ page }) => {
  // 16,614 ends in 14: the "many" form (حدثًا), not the form of 100.
  await page.goto('./?lang=ar');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const events = allEvents().length;
  const lastTwo = events % 100;
  const form = lastTwo >= 11 ? 'حدثًا' : lastTwo >= 3 ? 'أحداث' : 'حدث';
  await expect(page.getByTestId('visible-count')).toContainText(form);
});

test('switching language during the mapping step keeps the file, and it opens whole', async ({ page }) => {
  await page.goto('./?lang=ar');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const csv = readFileSync('e2e/fixtures/monitor-sheet.csv', 'utf8');
  const rows = csv.trim().split('\n').length - 1;
  await page.getByTestId('open-file').setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const step = page.getByTestId('column-mapping');
  await expect(step).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Still there, now in English, and it opens every row.
  await expect(step).toBeVisible();
  await expect(page.getByTestId('open-file').locator('xpath=..')).toContainText('Open your own file');
  await page.getByTestId('mapping-import').click();
  await expect(page.getByTestId('your-data')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(rows), { timeout: 30_000 });
});

test('the map legend words its ranges in Arabic, with no dash to be read backwards', async ({ page }) => {
  await page.goto('./?lang=ar&view=map');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const legend = page.getByTestId('map').locator('.legend');
  await expect(legend).toBeVisible();
  // The classes of the choropleth: a coloured swatch each, the first being "none".
  const ranges = (await legend.locator('li:has(.swatch[style])').allTextContents()).slice(1);
  expect(ranges.length).toBeGreaterThan(0);
  for (const range of ranges) {
    expect(range).toMatch(/^من .+ إلى .+$/);
    expect(range).not.toContain('–');
  }
});

/** The interface texts of `page` that hold a string of the English catalogue. */
async function englishFound(page) {
  const patterns = englishPatterns(englishStrings());
  return (await interfaceTexts(page)).filter((text) => patterns.some((pattern) => pattern.test(text)));
}

/** A copy of the monitor's sheet whose third record's count is words, and that record's index. */
function sheetWithBrokenCount() {
  const lines = readFileSync('e2e/fixtures/monitor-sheet.csv', 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const killed = header.indexOf('Killed');
  // The third record's count is words, not a number: that row is left out with a problem.
  const brokenIndex = 3;
  const broken = lines[brokenIndex].split(',');
  broken[killed] = 'a few';
  lines[brokenIndex] = broken.join(',');
  const csv = `${lines.join('\n')}\n`;
  return { csv, rows: lines.length - 1, brokenIndex };
}

// Each width in a page of its own: a file opened is kept on the device, and would be open again.
for (const width of [1440, 375]) {
  test(`a file with row problems reads in Arabic at ${width} px: the step, the report and each problem, its values verbatim`, async ({ page }) => {
    const errors = watchConsole(page);
    const { csv, rows, brokenIndex } = sheetWithBrokenCount();
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?lang=ar');
    await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
    await page.getByTestId('open-file').setInputFiles({ name: 'ورقة الرصد.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const step = page.getByTestId('column-mapping');
    await expect(step).toBeVisible({ timeout: 30_000 });
    // How the table was read, in Arabic, the encoding's name as it is (isolated, U+2068…U+2069).
    await expect(step.locator('.hint').first()).toContainText('مفصول بفواصل');
    await expect(step.locator('.hint').first()).toContainText('UTF-8');
    expect(await englishFound(page), 'English in the Arabic mapping step').toEqual([]);
    await page.getByTestId('mapping-import').click();
    const entry = page.getByTestId('your-data');
    await expect(entry).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(rows - 1), { timeout: 30_000 });
    await expect(entry).toContainText('جدول CSV، باختيار الأعمدة');
    await entry.locator('.import-problems summary').click();
    const problem = entry.getByTestId('import-problems').locator('li').first();
    // The row as a spreadsheet numbers it (the header is row 1), the column and the value as
    // the file writes them, and what is wrong in Arabic.
    await expect(problem).toContainText(new RegExp(`الصف \u2068?${brokenIndex + 1}\u2069?`));
    await expect(problem.locator('bdi').filter({ hasText: /^Killed$/ })).toHaveCount(1);
    await expect(problem.locator('bdi').filter({ hasText: /^a few$/ })).toHaveCount(1);
    await expect(problem).toContainText('ليس عددًا صحيحًا من الأشخاص');
    await expect(problem).not.toContainText('not a whole number');
    expect(await englishFound(page), 'English in the Arabic report').toEqual([]);
    // The problem lines themselves, without the file's own words.
    const sentences = await entry.getByTestId('import-problems').locator('li').evaluateAll((items) =>
      items.map((item) => {
        const copy = item.cloneNode(true);
        for (const data of copy.querySelectorAll('bdi')) data.remove();
        return copy.textContent;
      }));
    const patterns = englishPatterns(englishStrings());
    expect(sentences.filter((text) => patterns.some((pattern) => pattern.test(text)))).toEqual([]);
    await entry.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/artifacts/arabic-your-data-${width}.png` });
    await screenshot(page, `arabic-import-${width}`);
    expect(errors).toEqual([]);
  });
}

test('a file that is no table of incidents is refused in Arabic, naming the file', async ({ page }) => {
  await page.goto('./?lang=ar');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  await page.getByTestId('open-file').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xE2\xE3\n1 0 obj\n') });
  const failure = page.getByTestId('import-failure');
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await expect(failure).toContainText('report.pdf');
  await expect(failure).toContainText('مستند PDF');
  expect(await englishFound(page), 'English in the refusal').toEqual([]);
  // The same refusal reads in English after the switch.
  await page.getByTestId('lang-switch').click();
  await expect(failure).toContainText('report.pdf could not be opened. This looks like a PDF document, not a table of incidents.');
});

test('switching language keeps the notices about the link, worded again', async ({ page }) => {
  await page.goto('./?lang=ar&zz=1&gov=idlib%zz');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const notices = page.getByTestId('notices');
  // Said in Arabic; the parameter's name as the link writes it.
  await expect(notices).toContainText('غير معروف، فأُهمل');
  await expect(notices).toContainText(/المعامل «\u2068?zz\u2069?»/);
  await expect(notices).toContainText('لا تبدأ ترميزًا');
  expect(await englishFound(page), 'English in the Arabic notices').toEqual([]);
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(notices).toContainText('Unknown parameter “zz” was ignored');
  await expect(notices).toContainText('“gov” contains a “%” that does not start an escape; it was read as typed');
  await expect(notices).not.toContainText('غير معروف');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(notices).toContainText('غير معروف، فأُهمل');
  await expect(notices).not.toContainText('Unknown parameter');
});

test('a reported figure says where it counts in Arabic: its governorates, or the whole country', async ({ page }) => {
  const figures = JSON.parse(readFileSync('public/data/curated.json', 'utf8')).figures;
  const syria = readFileSync('locales/ar/main.ftl', 'utf8').split('\n').find((l) => l.startsWith('figures-area-syria =')).split('=')[1].trim();
  const regional = figures.find((f) => (f.area.governorates ?? []).length > 1);
  const country = figures.find((f) => (f.area.governorates ?? []).length === 0 && f.area.name === 'Syria');
  await page.goto('./?lang=ar&view=figures');
  await expect(page.getByTestId('event-total')).toHaveText(total(), { timeout: 30_000 });
  const areaOf = (figure) => page.locator(`tr[data-figure-id="${figure.id}"] td`).nth(2);
  const regionalText = await areaOf(regional).innerText();
  // The source's words, then one Arabic name per governorate it covers, in Arabic script alone.
  expect(regionalText.startsWith(regional.area.name)).toBe(true);
  const names = regionalText.slice(regional.area.name.length).trim().replace(/^\(|\)$/g, '').split('، ');
  expect(names).toHaveLength(regional.area.governorates.length);
  for (const name of names) expect(name).toMatch(/^[\u0600-\u06FF ]+$/);
  await expect(areaOf(country)).toHaveText(syria);
});
