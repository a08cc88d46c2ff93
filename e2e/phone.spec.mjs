// The explorer on a phone: with the filter panel collapsed (a phone's default) the active
// filters show as removable chips; sorting the list stays available below 980 px; the reported
// figures read as cards, not a table hundreds of thousands of pixels tall; at 320 px nothing
// is cut off. Screenshots in both languages are saved to e2e/artifacts/ for review.
import { test, expect } from '@playwright/test';
import { allEvents, groupThousands, screenshot, watchConsole } from './helpers.mjs';

const total = groupThousands(allEvents().length);

async function open(page, query) {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).toHaveText(total, { timeout: 30_000 });
}

test('at 375 px the active filters show as chips that remove their value', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '?lang=en&gov=idlib,aleppo&kind=state_based_violence&place=Aleppo%20town');
  await expect(page.locator('details.filters')).not.toHaveAttribute('open', '');
  const chips = page.getByTestId('filter-chip');
  await expect(chips).toContainText(['Event kind: State-based violence (UCDP)', 'Governorate: Aleppo', 'Governorate: Idlib', 'Place: Aleppo town']);
  // Each chip says what it does.
  await expect(chips.nth(1)).toHaveAccessibleName('Remove filter: Governorate: Aleppo');
  for (const chip of await chips.all()) {
    const box = await chip.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  await screenshot(page, 'phone-chips-375-en');
  const before = await page.getByTestId('event-visible').textContent();
  await chips.nth(1).click();
  await expect(page).not.toHaveURL(/aleppo(,|&|$)/i);
  await expect(page).toHaveURL(/gov=idlib/);
  await expect(chips).toHaveCount(3);
  await expect(page.getByTestId('event-visible')).not.toHaveText(before);
  // Focus went to the next chip, not to the page.
  await expect(chips.nth(1)).toBeFocused();
  // The last chip going leaves focus on the panel's summary.
  for (let left = 3; left > 0; left -= 1) await chips.first().click();
  await expect(chips).toHaveCount(0);
  await expect(page.locator('details.filters > summary')).toBeFocused();
  await expect(page.getByTestId('event-visible')).toHaveText(total);
  // An open panel shows its own controls instead.
  await page.locator('#search').waitFor({ state: 'hidden' });
  await page.locator('details.filters > summary').click();
  await page.locator('#search').fill('x');
  await expect(page.getByTestId('filter-chips')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('in Arabic the chips read Arabic, values from the data isolated', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '?lang=ar&gov=idlib&q=%E2%80%AEabc');
  const chips = page.getByTestId('filter-chip');
  await expect(chips).toHaveCount(2);
  await expect(chips.first().locator('bdi')).toHaveText('\u202eabc');
  await expect(chips.nth(1)).not.toContainText('Governorate');
  await screenshot(page, 'phone-chips-375-ar');
});

test('below 980 px the list can still be sorted', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '?lang=en');
  const sortByDeaths = page.getByRole('button', { name: /^Casualties/ });
  await expect(sortByDeaths).toBeVisible();
  await expect(page.getByRole('button', { name: /^Date/ })).toBeVisible();
  await sortByDeaths.click();
  await expect(page).toHaveURL(/sort=deaths-desc/);
  await sortByDeaths.click();
  await expect(page).toHaveURL(/sort=deaths-asc/);
  await screenshot(page, 'phone-sort-375-en');
});

test('at 375 px the reported figures read as cards', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '?lang=en&view=figures');
  const row = page.locator('.figures-table.figures tbody tr').first();
  await expect(row).toBeVisible();
  expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
  // The quote reads at the card's width, not in a column a few words wide.
  const quote = row.locator('blockquote').first();
  expect((await quote.boundingBox()).width).toBeGreaterThan(250);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(120_000);
  // Each line says which column it is.
  const label = await row.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content);
  expect(label).toContain('Metric');
  await page.screenshot({ path: 'e2e/artifacts/phone-figures-375-en.png' });
  await page.goto('./?lang=ar&view=figures');
  await expect(row).toBeVisible({ timeout: 30_000 });
  const arabicLabel = await row.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content);
  expect(arabicLabel).toContain('المقياس');
  await page.screenshot({ path: 'e2e/artifacts/phone-figures-375-ar.png' });
});

for (const lang of ['en', 'ar']) {
  test(`at 320 px nothing is cut off (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 320, height: 700 });
    const views = ['', '&view=map', '&view=figures', '&view=about', '&gov=idlib&kind=airstrike', '&sel=' + encodeURIComponent(allEvents()[0].id), 'filters open'];
    for (const query of views) {
      if (query === 'filters open') {
        await open(page, `?lang=${lang}`);
        await page.locator('details.filters > summary').click();
        await page.locator('details.facet > summary').first().click();
      } else {
        await open(page, `?lang=${lang}${query}`);
      }
      await page.waitForTimeout(500);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [];
        for (const element of document.querySelectorAll('body *')) {
          const rect = element.getBoundingClientRect();
          // What scrolls in a box of its own, what is hidden, and what is not shown.
          if (rect.width === 0 || !element.checkVisibility() || element.closest('.table-wrap, .timeline-scroll, .option-list, .milestones-box, .mapping-preview-scroll, .visually-hidden, .skip-link')) continue;
          if (rect.right > width + 1 || rect.left < -1) wide.push(`${element.tagName}.${element.className?.baseVal ?? element.className} ${Math.round(rect.left)}–${Math.round(rect.right)}`);
        }
        return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10) };
      });
      expect(overflow.wide, `${query}: elements past the screen's edge`).toEqual([]);
      expect(overflow.scroll, query).toBeLessThanOrEqual(overflow.width);
    }
  });
}

test('at 375 px the map is drawn at its width, its text no smaller than 11 px', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '?lang=en&view=map');
  const svg = page.locator('.map .chart-svg svg');
  await expect(svg).toBeVisible();
  const box = page.locator('.map .map-canvas');
  // Laid out at its box's width: one drawing pixel per CSS pixel.
  await expect.poll(async () => {
    const [drawn, shown] = await Promise.all([svg.getAttribute('width'), box.evaluate((e) => e.clientWidth)]);
    return Math.abs(Number(drawn) - shown);
  }).toBeLessThanOrEqual(1);
  const sizes = await svg.evaluate((element) => [...element.querySelectorAll('text')].map((text) => {
    const drawn = element.viewBox.baseVal.width || Number(element.getAttribute('width'));
    const scale = element.getBoundingClientRect().width / drawn;
    return parseFloat(getComputedStyle(text).fontSize) * scale;
  }));
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  // Its governorates still answer a tap where they are drawn: the targets lie over them.
  const targets = page.locator('.map-targets');
  const [targetBox, svgBox] = [await targets.boundingBox(), await svg.boundingBox()];
  expect(Math.abs(targetBox.width - svgBox.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(targetBox.height - svgBox.height)).toBeLessThanOrEqual(2);
  await screenshot(page, 'phone-map-375-en');
  expect(errors).toEqual([]);
});
