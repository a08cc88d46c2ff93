// The map (14 governorates, click to filter) and the reported-figures comparison: SNHR's 56
// civilians killed in northwest Syria from 2019-10-30 to 2019-11-15, beside what the UCDP events
// of the same window and governorates add up to, each traceable to its quote or its events.
import { test, expect } from '@playwright/test';
import { allEvents, dataset, screenshot, groupThousands } from './helpers.mjs';

const events = allEvents();
const SUBGROUPS = new Set(['children', 'women', 'medical_personnel', 'civil_defence', 'media_workers']);

async function ready(page) {
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(events.length), { timeout: 30_000 });
}

test('the map draws 14 governorates and clicking one filters by it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('./?view=map');
  await ready(page);
  await expect(page.locator('path.map-target')).toHaveCount(14);
  await page.locator('path.map-target[data-governorate="Daraa"]').click();
  const expected = events.filter((e) => e.places.some((p) => p.governorate === 'Daraa')).length;
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(expected));
  // The address is written just after the frame: wait for it.
  await expect(page).toHaveURL(/gov=daraa/);
  await expect(page).toHaveURL(/view=map/);
  await expect(page.getByTestId('map-value')).toContainText('Daraa');
  await screenshot(page, 'map-1440');
  // The list view shows the same filter.
  await page.getByRole('button', { name: 'Incidents', exact: true }).click();
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(expected));
});

test('the comparison shows SNHR’s figure and the event sums, each traceable', async ({ page }) => {
  const figure = dataset('curated').figures.find((f) => f.period.start === '2019-10-30' && f.metric === 'civilians_killed' && f.actors.length === 2);
  expect(figure.value.value).toBe(56);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`./?view=figures&sel=${encodeURIComponent(figure.id)}`);
  await ready(page);
  const focus = page.getByTestId('figure-focus');
  await expect(focus.locator(`tr[data-figure-id="${figure.id}"] [data-testid=figure-value]`)).toHaveText('56');
  await expect(focus).toContainText(figure.citations[0].quote);
  // `sel` names a figure here, not an event: no event panel opens.
  await expect(page.getByTestId('event-detail')).toHaveCount(0);

  // What UCDP's events with the Syrian government as a side add up to, computed here.
  const area = new Set(figure.area.governorates);
  const inWindow = (e) => e.date.start <= figure.period.end && e.date.end >= figure.period.start
    && e.places.some((p) => area.has(p.governorate));
  const civilianKilled = (e) => (e.casualties ?? []).some((c) => c.outcome === 'killed' && (c.group === 'civilians' || SUBGROUPS.has(c.group)) && c.best !== 0);
  const civilians = (e) => (e.casualties ?? []).filter((c) => c.outcome === 'killed' && c.group === 'civilians').reduce((s, c) => s + (c.best ?? 0), 0);
  const government = dataset('ucdp').events.filter((e) => inWindow(e) && civilianKilled(e) && e.actors.some((a) => a.actor === 'syrian_government'));
  const governmentSum = government.reduce((s, e) => s + civilians(e), 0);
  expect(government.length).toBeGreaterThan(0);
  const row = focus.locator('tr[data-actors="syrian_government"]');
  await expect(row.locator('td[data-collection="ucdp"] [data-testid=event-sum]')).toHaveText(groupThousands(governmentSum));
  const allActors = dataset('ucdp').events.filter((e) => inWindow(e) && civilianKilled(e));
  await expect(focus.locator('tr[data-actors=""] td[data-collection="ucdp"] [data-testid=event-sum]')).toHaveText(groupThousands(allActors.reduce((s, e) => s + civilians(e), 0)));
  // UCDP has no Russian side.
  await expect(focus.locator('tr[data-actors="russia"] td[data-collection="ucdp"] [data-testid=event-sum]')).toHaveText('0');
  await screenshot(page, 'figures-1440');

  // "Compare with events" on another figure changes the view in place, without reloading.
  await page.evaluate(() => { window.stillTheSamePage = true; });
  const other = page.locator('tr[data-figure-id]').filter({ hasNot: page.locator(`[data-figure-id="${figure.id}"]`) }).first();
  const otherId = await other.getAttribute('data-figure-id');
  await other.getByRole('link', { name: 'Compare with events' }).click();
  await expect(page.getByTestId('figure-focus').locator(`tr[data-figure-id="${otherId}"]`)).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(otherId);
  expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
  await page.goBack();
  await expect(page.getByTestId('figure-focus').locator(`tr[data-figure-id="${figure.id}"]`).first()).toBeVisible();

  // The link opens exactly the events the government sum adds up (both collections).
  await row.getByTestId('open-events').click();
  const both = events.filter((e) => inWindow(e) && civilianKilled(e) && e.actors.some((a) => a.actor === 'syrian_government'));
  await expect(page.getByTestId('event-visible')).toHaveText(groupThousands(both.length));
  await expect(page).toHaveURL(/from=2019-10-30/);
});
