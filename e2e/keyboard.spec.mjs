// The explorer with the keyboard alone: the skip link is the first tab stop and reaches the
// results; a filter ticks with Space; the language switch works; the list's first incident
// opens with Enter and takes focus, and Escape or Close gives focus back to its row; focus is
// visible at every step and never hides under the sticky summary bar, with Tab or Shift+Tab,
// at 1440 and 375 px.
import { test, expect } from '@playwright/test';
import { allEvents, groupThousands, screenshot, watchConsole } from './helpers.mjs';

const total = groupThousands(allEvents().length);

async function open(page, query = '?lang=en') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).toHaveText(total, { timeout: 30_000 });
  await expect(page.getByTestId('event-list').locator('tbody tr').first()).toBeVisible();
}

/** What has focus, and whether it shows it: an outline or a box shadow. */
async function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { tag: 'body' };
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      testid: element.dataset.testid ?? null,
      eventId: element.getAttribute('data-event-id'),
      text: (element.textContent ?? '').trim(),
      visibleFocus: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
      inView: rect.width > 1 && rect.height > 1 && rect.bottom > 0 && rect.top < innerHeight,
    };
  });
}

/** Presses Tab until `matches(focused)` holds, at most `limit` times; returns the stops. */
async function tabUntil(page, matches, limit = 300) {
  for (let stop = 1; stop <= limit; stop += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (matches(now)) return { stop, now };
  }
  throw new Error('never reached');
}

/**
 * Whether the focused element lies under the sticky summary bar: it overlaps the bar's box
 * while the bar is stuck to the top of the screen (an element in the bar itself is fine).
 */
async function underTheBar(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const bar = document.querySelector('.summary-bar');
    if (!element || element === document.body || !bar || bar.contains(element)) return null;
    if (getComputedStyle(bar).position !== 'sticky') return null;
    const box = bar.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    if (box.top > 0.5) return null;
    const hidden = rect.top < box.bottom - 1 && rect.bottom > box.top && rect.height > 0;
    return hidden ? `${element.tagName} ${element.id || element.textContent.trim().slice(0, 40)} at ${Math.round(rect.top)} under ${Math.round(box.bottom)}` : null;
  });
}

test('the skip link is the first tab stop and moves focus to the results', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  await page.keyboard.press('Tab');
  let now = await focused(page);
  expect(now.testid).toBe('skip-link');
  expect(now.text).toBe('Skip to results');
  expect(now.visibleFocus).toBe(true);
  expect(now.inView).toBe(true);
  const link = page.getByTestId('skip-link');
  const box = await link.boundingBox();
  expect(box.width).toBeGreaterThan(60);
  await screenshot(page, 'keyboard-skip-link-1440');
  await page.keyboard.press('Enter');
  now = await focused(page);
  expect(now.id).toBe('results');
  expect(now.visibleFocus).toBe(true);
  expect(now.inView).toBe(true);
  expect(await underTheBar(page)).toBeNull();
  // The next stops are the list's: its sort buttons, then its first incident.
  const { stop } = await tabUntil(page, (f) => f.eventId !== null, 5);
  expect(stop).toBeLessThanOrEqual(3);
  // Hidden until focused: the link takes no room on the page.
  await page.keyboard.press('Shift+Tab');
  expect((await link.boundingBox()).width).toBeLessThanOrEqual(1);
  expect(errors).toEqual([]);
});

test('in Arabic the skip link says so in Arabic', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '?lang=ar');
  await page.keyboard.press('Tab');
  const now = await focused(page);
  expect(now.testid).toBe('skip-link');
  expect(now.text).toBe('انتقل إلى النتائج');
  await screenshot(page, 'keyboard-skip-link-375-ar');
  await page.keyboard.press('Enter');
  expect((await focused(page)).id).toBe('results');
});

test('a filter ticks and unticks with the keyboard alone, with visible focus', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  const { now } = await tabUntil(page, (f) => f.id === 'collection-curated', 40);
  expect(now.visibleFocus).toBe(true);
  await page.keyboard.press('Space');
  await expect(page.locator('#collection-curated')).toBeChecked();
  await expect(page).toHaveURL(/[?&]c=curated/);
  await expect(page.getByTestId('event-visible')).not.toHaveText(total);
  expect((await focused(page)).id).toBe('collection-curated');
  // Its group's Clear button, then Enter: the filter goes and focus stays in the group.
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).text).toBe('Clear');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('event-visible')).toHaveText(total);
  const after = await focused(page);
  expect(after.tag).not.toBe('body');
  expect(after.id).toBe('collection-curated');
});

test('the language switch works from the keyboard and keeps focus', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  const { stop, now } = await tabUntil(page, (f) => f.testid === 'lang-switch', 5);
  expect(stop).toBe(2);
  expect(now.visibleFocus).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveURL(/lang=ar/);
  let after = await focused(page);
  expect(after.testid).toBe('lang-switch');
  expect(after.text).toBe('English');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  after = await focused(page);
  expect(after.testid).toBe('lang-switch');
});

for (const width of [1440, 375]) {
  test(`at ${width} px the first incident opens with Enter, takes focus, and Escape and Close give it back`, async ({ page }) => {
    const errors = watchConsole(page);
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const { now: row } = await tabUntil(page, (f) => f.eventId !== null, 5);
    expect(row.visibleFocus).toBe(true);
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('event-detail');
    await expect(detail).toBeVisible();
    await expect(page).toHaveURL(/[?&]sel=/);
    await expect.poll(async () => (await focused(page)).id).toBe('detail-title');
    const opened = await focused(page);
    expect(opened.inView).toBe(true);
    expect(opened.visibleFocus).toBe(true);
    expect(await underTheBar(page)).toBeNull();
    await screenshot(page, `keyboard-record-${width}`);
    // Escape: the record closes and focus is back on the row it was opened from.
    await page.keyboard.press('Escape');
    await expect(detail).toHaveCount(0);
    let back = await focused(page);
    expect(back.eventId).toBe(row.eventId);
    expect(back.inView).toBe(true);
    // Again, closed with its Close button this time.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('detail-title');
    await tabUntil(page, (f) => f.testid === 'detail-close', 5);
    await page.keyboard.press('Enter');
    await expect(detail).toHaveCount(0);
    back = await focused(page);
    expect(back.eventId).toBe(row.eventId);
    expect(errors).toEqual([]);
  });
}

test('a record opened by a link gives focus to its row when closed', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, '?lang=en&sort=deaths-desc');
  const first = page.getByTestId('event-list').locator('.summary-cell button').first();
  const id = await first.getAttribute('data-event-id');
  await page.goto(`./?lang=en&sort=deaths-desc&sel=${encodeURIComponent(id)}`);
  await expect(page.getByTestId('event-detail')).toBeVisible({ timeout: 30_000 });
  // The page opens with focus where pages start, not on the record.
  expect((await focused(page)).tag).toBe('body');
  await page.getByTestId('detail-close').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('event-detail')).toHaveCount(0);
  expect((await focused(page)).eventId).toBe(id);
});

for (const width of [1440, 375]) {
  test(`at ${width} px no focused element hides under the sticky summary bar, with Tab or Shift+Tab`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 800 });
    await open(page);
    const hidden = [];
    let stops = 0;
    for (; stops < 400; stops += 1) {
      await page.keyboard.press('Tab');
      if ((await focused(page)).tag === 'body') break;
      const under = await underTheBar(page);
      if (under) hidden.push(`Tab ${stops + 1}: ${under}`);
    }
    expect(stops).toBeGreaterThan(30);
    // Back up from the end of the page.
    for (let back = 0; back < stops; back += 1) {
      await page.keyboard.press('Shift+Tab');
      if ((await focused(page)).tag === 'body') break;
      const under = await underTheBar(page);
      if (under) hidden.push(`Shift+Tab ${back + 1}: ${under}`);
    }
    expect(hidden).toEqual([]);
  });
}

/** Presses Tab from the top until focus comes back to the first stop; the distinct stops. */
async function tabStops(page) {
  const stops = [];
  for (let press = 0; press < 400; press += 1) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return 'body';
      element.dataset.tabStop ??= String(document.querySelectorAll('[data-tab-stop]').length);
      return element.dataset.tabStop;
    });
    if (key === stops[0]) return stops;
    // A date field's day, month and year are one element: counted once.
    if (key !== stops.at(-1)) stops.push(key);
  }
  throw new Error('focus never came back to the first stop');
}

test('the default view is reachable in few tab stops, a checkbox group being one', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  // Each group of checkboxes and the list of agreements hold more than one control...
  const kinds = page.locator('[data-filter="kind"] input[type="checkbox"]');
  const agreements = page.locator('.milestones button');
  expect(await kinds.count()).toBeGreaterThan(5);
  expect(await agreements.count()).toBeGreaterThan(5);
  const groups = await page.locator('[data-filter] .option-list').count();
  // ...and one of each is a tab stop.
  for (const list of await page.locator('[data-filter] .option-list, .milestones').all()) {
    expect(await list.locator('[tabindex="0"]').count()).toBe(1);
  }
  const stops = await tabStops(page);
  // One stop per group instead of one per option: the old layout had over 140.
  expect(stops.length).toBeLessThanOrEqual(100);
  expect(stops.length).toBeGreaterThan(groups);

  // Tab reaches the kinds' first option; Down moves to the next; Space ticks it.
  await open(page);
  const { now } = await tabUntil(page, (f) => (f.id ?? '').startsWith('kind-'), 120);
  expect(now.visibleFocus).toBe(true);
  const first = await kinds.first().getAttribute('id');
  expect(now.id).toBe(first);
  await page.keyboard.press('ArrowDown');
  const second = kinds.nth(1);
  await expect(second).toBeFocused();
  const id = await second.getAttribute('value');
  const expected = await page.locator(`label[for="${await second.getAttribute('id')}"] .n`).textContent();
  await page.keyboard.press('Space');
  await expect(second).toBeChecked();
  await expect(page).toHaveURL(new RegExp(`[?&]kind=${id}(&|$)`));
  await expect(page.getByTestId('event-visible')).toHaveText(expected);
  // Up goes back; Space ticks the first as well; the group is still one stop, now the first.
  await page.keyboard.press('ArrowUp');
  await expect(kinds.first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(new RegExp(`[?&]kind=[^&]*${await kinds.first().getAttribute('value')}`));
  await expect(page.locator('[data-filter="kind"] [tabindex="0"]')).toHaveCount(1);
  await expect(kinds.first()).toHaveAttribute('tabindex', '0');
  // Shift+Tab leaves the group at once (its Clear button), Tab comes back to it.
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).text).toBe('Clear');
  await page.keyboard.press('Tab');
  await expect(kinds.first()).toBeFocused();
  await screenshot(page, 'keyboard-roving-1440');

  // The agreements (none under these kinds: the view without filters): one stop, the arrow
  // keys, Home and End move between them.
  await open(page);
  await tabUntil(page, (f) => (f.id ?? '').startsWith('milestone-'), 120);
  await expect(agreements.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(agreements.last()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(agreements.nth((await agreements.count()) - 2)).toBeFocused();
  expect(errors).toEqual([]);
});
