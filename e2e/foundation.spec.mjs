// The page loads the bundled datasets and shows their record count, without console errors.
import { test, expect } from '@playwright/test';
import { allEvents, watchConsole, screenshot, groupThousands } from './helpers.mjs';

test('the page loads and shows the number of records in the dataset files', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  const expected = allEvents().length;
  expect(expected).toBeGreaterThan(16000);
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(expected), { timeout: 30_000 });
  await expect(page.locator('figure.chart canvas').first()).toBeVisible();
  await screenshot(page, 'foundation-1440');
  expect(errors).toEqual([]);
});

test('a dataset that cannot be loaded gives an error panel with a retry button', async ({ page }) => {
  // The gzip copy fails, and so does the plain file the app then tries, until "Try again".
  let failing = true;
  await page.route('**/data/ucdp.json*', async (route) => {
    if (failing) {
      await route.fulfill({ status: 503, body: 'unavailable' });
    } else {
      await route.continue();
    }
  });
  await page.goto('./');
  const panel = page.getByRole('alert');
  await expect(panel).toContainText('503');
  await expect(panel).toContainText('data/ucdp.json');
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(allEvents().length), { timeout: 30_000 });
});
