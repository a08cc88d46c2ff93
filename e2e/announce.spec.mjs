// The polite live region: after a filter change it says the new visible count and deaths once,
// in the page's language with its plural forms; it says nothing as the page opens, and one
// sentence, not one per keystroke, for a search typed quickly. What it said is read from a
// MutationObserver installed in the page, which records every text the region held.
import { test, expect } from '@playwright/test';
import { allEvents, groupThousands, watchConsole } from './helpers.mjs';

const total = groupThousands(allEvents().length);
const region = (page) => page.getByTestId('live-region');

async function open(page, query) {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).toHaveText(total, { timeout: 30_000 });
  // Every text the region holds from now on, in order (an empty region included).
  await page.evaluate(() => {
    const live = document.querySelector('[data-testid="live-region"]');
    window.said = [];
    new MutationObserver(() => window.said.push(live.textContent)).observe(live, {
      childList: true, subtree: true, characterData: true,
    });
  });
}

const said = (page) => page.evaluate(() => window.said.filter((text) => text.trim() !== ''));

/** The deaths' best estimate as the summary bar shows it: its first number. */
async function deathsShown(page) {
  const text = await page.getByTestId('deaths').textContent();
  return text.match(/[\d,]+/)[0];
}

test('the region is polite, hidden from sight, and silent as the page opens', async ({ page }) => {
  const errors = watchConsole(page);
  await open(page, '?lang=en');
  const live = region(page);
  await expect(live).toHaveAttribute('role', 'status');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  const box = await live.boundingBox();
  expect(box.width * box.height).toBeLessThanOrEqual(1);
  await page.waitForTimeout(1_500);
  await expect(live).toHaveText('');
  expect(await said(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a filter change is said once, with the count and the deaths', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, '?lang=en');
  await page.locator('#governorate-Idlib').check();
  const visible = page.getByTestId('event-visible');
  await expect(visible).not.toHaveText(total);
  const count = await visible.textContent();
  const deaths = await deathsShown(page);
  await expect(region(page)).toHaveText(`Results: ${count} events, ${deaths} deaths (best estimate)`, { timeout: 3_000 });
  await page.waitForTimeout(1_000);
  expect(await said(page)).toHaveLength(1);
  // Unticked: said again, with the whole collection's numbers.
  await page.locator('#governorate-Idlib').uncheck();
  await expect(region(page)).toHaveText(new RegExp(`^Results: ${total} events, `), { timeout: 3_000 });
  expect(await said(page)).toHaveLength(2);
  // A sort or a page is not a filter: nothing said.
  await page.getByRole('button', { name: /^Casualties/ }).click();
  await page.waitForTimeout(1_200);
  expect(await said(page)).toHaveLength(2);
});

test('a search typed quickly is said once, when the typing stops', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, '?lang=en');
  await page.locator('#search').click();
  await page.keyboard.type('aleppo', { delay: 120 });
  // While typing, and for a moment after, nothing was said.
  expect(await said(page)).toEqual([]);
  await expect.poll(() => said(page), { timeout: 3_000 }).toHaveLength(1);
  const count = await page.getByTestId('event-visible').textContent();
  const [sentence] = await said(page);
  expect(sentence).toBe(`Results: ${count} events, ${await deathsShown(page)} deaths (best estimate)`);
  await page.waitForTimeout(1_000);
  // One sentence for six keystrokes, and the region's history holds no other text.
  expect(await said(page)).toHaveLength(1);
  expect(await page.evaluate(() => window.said.length)).toBeLessThanOrEqual(2);
});

test('in Arabic the region speaks Arabic with its plural forms', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, '?lang=ar');
  await page.locator('#governorate-Idlib').check();
  const count = await page.getByTestId('event-visible').textContent();
  await expect.poll(() => said(page), { timeout: 3_000 }).toHaveLength(1);
  const [sentence] = await said(page);
  const plain = sentence.replace(/[\u2068\u2069]/g, '');
  expect(plain).toMatch(/^النتائج: /);
  expect(plain).toContain(count);
  expect(plain).toContain('(أفضل تقدير)');
  expect(plain).not.toMatch(/[A-Za-z]/);
});
