// axe-core on every view of the explorer, in both languages, at a phone's and a desktop's
// width: no violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules axe checks. Views: the
// incidents (the default), the map, the reported figures, About, an open record, a filtered
// view (with the filter chips at a phone's width), a link whose parameter produces a notice,
// and an empty result.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { allEvents, groupThousands } from './helpers.mjs';

const total = groupThousands(allEvents().length);
const firstId = allEvents()[0].id;

const views = {
  incidents: '',
  map: '&view=map',
  figures: '&view=figures',
  about: '&view=about',
  record: `&sel=${encodeURIComponent(firstId)}`,
  filtered: '&gov=idlib&kind=state_based_violence&q=aleppo',
  notice: '&gov=atlantis',
  empty: '&q=zzqxzzqxzz',
};

/** Waits for what each view shows, so axe reads the finished page. */
async function settled(page, name) {
  await expect(page.getByTestId('event-total')).toHaveText(total, { timeout: 30_000 });
  const ready = {
    incidents: page.getByTestId('event-list').locator('tbody tr').first(),
    map: page.getByTestId('map'),
    figures: page.getByTestId('figures'),
    about: page.getByTestId('about'),
    record: page.getByTestId('event-detail'),
    filtered: page.getByTestId('event-list').locator('tbody tr').first(),
    notice: page.getByTestId('notices'),
    empty: page.getByTestId('empty-result'),
  }[name];
  await expect(ready).toBeVisible();
  // Panels below the screen catch up just after the frame.
  await page.waitForTimeout(400);
}

for (const lang of ['en', 'ar']) {
  for (const width of [375, 1440]) {
    for (const [name, query] of Object.entries(views)) {
      test(`axe: ${name}, ${lang}, ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`./?lang=${lang}${query}`);
        await settled(page, name);
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
        // Every element, the chart bars (24 px targets) included.
        const results = await new AxeBuilder({ page }).withTags(tags).analyze();
        const violations = results.violations.map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary.split('\n').slice(1, 2).join('')}`),
          count: violation.nodes.length,
        }));
        expect(violations).toEqual([]);
      });
    }
  }
}
