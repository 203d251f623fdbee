// axe-core over the whole page with every section rendered, in light and dark, and with the location list open.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ExplorerPage, LONDON, BERLIN, TOKYO, BUENOS_AIRES } from './fixtures/explorer-page.mjs';

/// Every section filled: an offer, two compared locations, a stale rate warning and a link notice.
const FULL_VIEW = `?location=${LONDON}&compare=${BERLIN},${TOKYO},${BUENOS_AIRES}&offer=250000`;

/// axe's findings as short lines, so a failure says what and where without a wall of JSON.
function summary(results) {
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary}`),
  );
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the page with every section filled has no axe violations', async ({ page }) => {
      const explorer = new ExplorerPage(page);
      await explorer.open(FULL_VIEW);
      await expect(explorer.offerRegion.getByText(/is a compa ratio of/)).toBeVisible();
      await expect(explorer.compareCards).toHaveCount(3);
      await expect(explorer.hiring).toBeVisible();
      await expect(explorer.ladderChart).toBeVisible();
      expect(summary(await new AxeBuilder({ page }).analyze())).toEqual([]);
    });

    test('a stale rate, a link notice and a bad offer have no axe violations', async ({ page }) => {
      const explorer = new ExplorerPage(page);
      await explorer.open(`?location=${BUENOS_AIRES}&grade=13&compare=atlantis/all`);
      await expect(explorer.notices).toBeVisible();
      await expect(explorer.rate).toContainText('older than');
      await explorer.offer.fill('lots');
      await expect(explorer.offerRegion.getByText('That is not an amount')).toBeVisible();
      expect(summary(await new AxeBuilder({ page }).analyze())).toEqual([]);
    });

    test('the location picker with its list open has no axe violations', async ({ page }) => {
      const explorer = new ExplorerPage(page);
      await explorer.open(FULL_VIEW);
      await explorer.location.fill('united');
      await expect(explorer.locationList).toBeVisible();
      await explorer.location.press('ArrowDown');
      expect(summary(await new AxeBuilder({ page }).analyze())).toEqual([]);
    });
  });
}
