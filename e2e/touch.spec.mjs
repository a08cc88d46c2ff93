// The timeline by touch on a phone (375 px): a swipe scrolls it sideways and sets no dates;
// scrolled to its end, its last column can be reached; a tap marks a column as the start and a
// second tap sets the dates, from the first column's period to the second's. The periods
// expected are read from the page (each marked column gives its dates), never typed in.
import { test, expect } from '@playwright/test';
import { allEvents, groupThousands, screenshot, watchConsole } from './helpers.mjs';

const total = groupThousands(allEvents().length);

test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } });

async function open(page, query = '?lang=en') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).toHaveText(total, { timeout: 30_000 });
  const scroller = page.locator('.timeline-scroll');
  await scroller.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('timeline').locator('canvas')).toBeVisible();
  return scroller;
}

const dates = (page) => {
  const url = new URL(page.url());
  return { from: url.searchParams.get('from'), to: url.searchParams.get('to') };
};

/** A finger's swipe from x0 to x1 at height y, through the browser's own touch input. */
async function swipe(page, x0, x1, y) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y }] });
  for (let step = 1; step <= 12; step += 1) {
    const x = x0 + ((x1 - x0) * step) / 12;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Taps the timeline `dx` CSS pixels from the scroller's left edge; the column it marked. */
async function tapAt(page, scroller, dx) {
  const box = await scroller.boundingBox();
  await page.touchscreen.tap(box.x + dx, box.y + box.height / 2);
}

async function pending(page) {
  const marker = page.getByTestId('timeline-pending');
  await expect(marker).toHaveCount(1);
  return { from: await marker.getAttribute('data-from'), to: await marker.getAttribute('data-to') };
}

test('a swipe scrolls the timeline and sets no dates; its last column is in reach', async ({ page }) => {
  const errors = watchConsole(page);
  const scroller = await open(page);
  // The touch hint says how to choose dates.
  await expect(page.getByTestId('timeline-value')).toContainText('Tap a column');
  const before = await scroller.evaluate((e) => e.scrollLeft);
  const room = await scroller.evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(room).toBeGreaterThan(100);
  const box = await scroller.boundingBox();
  const y = box.y + box.height / 2;
  await swipe(page, box.x + box.width - 40, box.x + 60, y);
  await expect.poll(() => scroller.evaluate((e) => e.scrollLeft)).toBeGreaterThan(before + 50);
  await page.waitForTimeout(300);
  expect(dates(page)).toEqual({ from: null, to: null });
  await expect(page.getByTestId('timeline-pending')).toHaveCount(0);

  // Swiped to the end, the last column shows, and a tap on it marks the last period.
  for (let swipes = 0; swipes < 10; swipes += 1) {
    if (await scroller.evaluate((e) => e.scrollLeft >= e.scrollWidth - e.clientWidth - 1)) break;
    await swipe(page, box.x + box.width - 20, box.x + 20, y);
  }
  expect(await scroller.evaluate((e) => e.scrollLeft >= e.scrollWidth - e.clientWidth - 1)).toBe(true);
  expect(dates(page)).toEqual({ from: null, to: null });
  const last = await page.getByTestId('timeline').getAttribute('data-last');
  await tapAt(page, scroller, box.width - 20);
  const marked = await pending(page);
  expect(marked.to).toBe(last);
  const markerBox = await page.getByTestId('timeline-pending').boundingBox();
  expect(markerBox.x + markerBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(markerBox.x).toBeGreaterThanOrEqual(box.x - 1);
  // The first tap sets nothing yet and says what the second does.
  expect(dates(page)).toEqual({ from: null, to: null });
  await expect(page.getByTestId('timeline-value')).toContainText('tap another column');
  await screenshot(page, 'touch-timeline-end-375');
  // The same column again: that one period.
  await tapAt(page, scroller, box.width - 20);
  await expect(page).toHaveURL(/[?&]to=/);
  expect(dates(page)).toEqual(marked);
  expect(errors).toEqual([]);
});

test('two taps set the dates from the first column to the second', async ({ page }) => {
  const errors = watchConsole(page);
  let scroller = await open(page);
  // What each column stands for, as the page marks it.
  await tapAt(page, scroller, 90);
  const early = await pending(page);
  scroller = await open(page);
  await tapAt(page, scroller, 260);
  const late = await pending(page);
  expect(early.to < late.from).toBe(true);
  // A tap on the later column, then on the earlier one.
  await tapAt(page, scroller, 90);
  await expect(page).toHaveURL(/[?&]from=.*[?&]to=|[?&]to=.*[?&]from=/);
  expect(dates(page)).toEqual({ from: early.from, to: late.to });
  await expect(page.getByTestId('timeline-pending')).toHaveCount(0);
  await expect(page.getByTestId('event-visible')).not.toHaveText(total);
  await screenshot(page, 'touch-timeline-range-375');
  expect(errors).toEqual([]);
});
