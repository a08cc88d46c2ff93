// Open vocabularies in the page: every actor name, district, place and source the data holds is
// a filter option, found by type-ahead, counted under the other filters and kept in the link.
// Expected figures are computed here from the dataset files.
import { test, expect } from '@playwright/test';
import { allEvents, dataset, groupThousands, screenshot, watchConsole } from './helpers.mjs';

const events = allEvents();
const ucdp = dataset('ucdp');

async function open(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-total')).toHaveText(groupThousands(events.length), { timeout: 30_000 });
}

const visible = (page) => page.getByTestId('event-visible');
const group = (page, facet) => page.locator(`fieldset[data-filter="${facet}"]`);

/** Opens a facet's group (closed unless a link ticks one of its values); returns its options. */
async function openFacet(page, facet) {
  const details = page.locator(`details[data-facet="${facet}"]`);
  if (!(await details.evaluate((element) => element.open))) await details.locator('summary').click();
  return group(page, facet);
}

/** UCDP events naming `name` as a side (in any role, or as perpetrator). */
function namingParty(name, role = null) {
  return ucdp.events.filter((e) => e.actors.some((a) =>
    a.party != null && ucdp.parties[a.party].name === name && (role == null || a.role === role))).length;
}

test('a UCDP side is an option, found by typing, and its link reproduces the view', async ({ page }) => {
  const errors = watchConsole(page);
  const expected = namingParty('Government of Syria');
  expect(expected).toBeGreaterThan(0);
  await open(page);
  // Closed at first, its summary says how many options it has.
  const names = new Set(ucdp.parties.map((p) => p.name));
  await expect(page.locator('details[data-facet="party"] > summary')).toContainText('Actor as the source names it');
  expect(names.size).toBeGreaterThan(50);
  const party = await openFacet(page, 'party');
  await party.getByTestId('facet-search-party').fill('government of syr');
  const option = party.locator('label.option', { hasText: 'Government of Syria' });
  await expect(option.locator('.n')).toHaveText(groupThousands(expected));
  await option.locator('input').check();
  await expect(visible(page)).toHaveText(groupThousands(expected));
  await expect(page).toHaveURL(/[?&]party=Government%20of%20Syria(&|$)/);
  // The link opens the same view, with the option ticked.
  await page.reload();
  await expect(visible(page)).toHaveText(groupThousands(expected), { timeout: 30_000 });
  // A link that ticks a value opens its group.
  await expect(page.locator('details[data-facet="party"]')).toHaveAttribute('open', '');
  await expect(page.locator('details[data-facet="party"] > summary')).toContainText('1 of');
  await expect(group(page, 'party').locator('label.option', { hasText: 'Government of Syria' }).locator('input')).toBeChecked();
  expect(errors).toEqual([]);
});

test('names and broad categories filter together, with cross-filtered counts', async ({ page }) => {
  // "IS" as perpetrator: UCDP's one-sided violence names its perpetrator.
  const perpetrator = namingParty('IS', 'perpetrator');
  expect(perpetrator).toBeGreaterThan(0);
  await open(page, '?role=perpetrator&party=IS');
  await expect(visible(page)).toHaveText(groupThousands(perpetrator));
  // Under the broad category the name belongs to, the name's count is unchanged.
  const grouped = ucdp.parties.filter((p) => p.actors.includes('isis')).map((p) => p.name);
  expect(grouped).toContain('IS');
  await open(page, '?actor=isis');
  const option = (await openFacet(page, 'party')).locator('label.option')
    .filter({ has: page.locator('.value', { hasText: /^IS$/ }) });
  await expect(option.locator('.n')).toHaveText(groupThousands(namingParty('IS')));
});

test('a place typed in other letter case is found, and districts and sources are options', async ({ page }) => {
  const place = 'Aleppo town';
  const expected = events.filter((e) => e.places.some((p) => p.name.trim() === place)).length;
  expect(expected).toBeGreaterThan(0);
  await open(page);
  const places = await openFacet(page, 'place');
  await places.getByTestId('facet-search-place').fill('ALEPPO TOWN');
  await places.locator('label.option', { hasText: place }).locator('input').check();
  await expect(visible(page)).toHaveText(groupThousands(expected));
  await expect(page).toHaveURL(/[?&]place=Aleppo%20town(&|$)/);
  // Nothing matches: said in words.
  await places.getByTestId('facet-search-place').fill('zzzz no such place');
  await expect(places.locator('.facet-more')).toHaveText('No option matches');
  // The ticked place stays listed while another text is typed.
  await expect(places.locator('label.option', { hasText: place }).locator('input')).toBeChecked();
  await expect((await openFacet(page, 'district')).locator('label.option').first()).toBeVisible();
  const sohr = ucdp.events.filter((e) => (e.ucdp?.source_office ?? '').split(';').map((s) => s.trim()).includes('SOHR')).length;
  await open(page, '?source=SOHR');
  await expect(visible(page)).toHaveText(groupThousands(sohr));
});

test('a name in a link that no event has is dropped with a notice, shown as text', async ({ page }) => {
  await open(page, '?party=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&place=Aleppo%20town');
  await expect(page.getByTestId('notices')).toContainText('No loaded event has an actor name “<img src=x onerror=alert(1)>”');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page).toHaveURL(/\?place=Aleppo%20town$/);
});

for (const width of [375, 1440]) {
  test(`the facet filters at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, '?party=Government%20of%20Syria');
    if (width < 900) await page.locator('.filters > summary').click();
    await (await openFacet(page, 'place')).getByTestId('facet-search-place').fill('idlib');
    await group(page, 'party').scrollIntoViewIfNeeded();
    await screenshot(page, `open-vocabularies-${width}`);
    await page.locator('.filters').screenshot({ path: `e2e/artifacts/open-vocabularies-filters-${width}.png` });
  });
}

test('the actor role follows Back and Forward after it was picked by hand', async ({ page }) => {
  const any = namingParty('IS');
  const perpetrator = namingParty('IS', 'perpetrator');
  await open(page, '?party=IS');
  const role = page.locator('#actor-role');
  await role.selectOption('perpetrator');
  await expect(visible(page)).toHaveText(groupThousands(perpetrator));
  // The address is written just after the frame: Back before that would leave the page.
  await expect(page).toHaveURL(/role=perpetrator/);
  await page.goBack();
  await expect(visible(page)).toHaveText(groupThousands(any));
  await expect(role).toHaveValue('any');
  await page.goForward();
  await expect(visible(page)).toHaveText(groupThousands(perpetrator));
  await expect(role).toHaveValue('perpetrator');
});

test('a name written with decomposed accents is found', async ({ page }) => {
  const place = ucdp.events.flatMap((e) => e.places.map((p) => p.name.trim()))
    .find((name) => name.normalize('NFD') !== name);
  expect(place).toBeTruthy();
  const expected = events.filter((e) => e.places.some((p) => p.name.trim() === place)).length;
  await open(page, `?place=${encodeURIComponent(place.normalize('NFD'))}`);
  await expect(visible(page)).toHaveText(groupThousands(expected));
  await expect(page).toHaveURL(new RegExp(`place=${encodeURIComponent(place).replace(/[()*]/g, '\\$&')}`));
});
