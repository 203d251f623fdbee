// Screenshots at desktop and phone widths, light and dark, for people to look at (tests/e2e/output/screenshots/,
// ignored by git), plus the layout checks a screenshot would show: nothing wider than the screen, nothing cut.
import { test, expect } from '@playwright/test';
import { ExplorerPage, LONDON, BERLIN, TOKYO, BUENOS_AIRES } from './fixtures/explorer-page.mjs';

const OUT = 'tests/e2e/output/screenshots';
const FULL_VIEW = `?location=${LONDON}&compare=${BERLIN},${TOKYO},${BUENOS_AIRES}&offer=250000`;

/// Elements wider than the screen, or whose content is wider than their box with no scroller to reach it: cut text.
async function overflowing(page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const insideScroller = (el) => {
      for (let up = el.parentElement; up && !up.classList.contains('pg-app'); up = up.parentElement) {
        if (scrolls(up)) return true;
      }
      return false;
    };
    const found = [];
    for (const el of document.querySelectorAll('.pg-app *')) {
      if (el.closest('svg, [hidden], .pg-visually-hidden') || insideScroller(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0) continue;
      const cut = !scrolls(el) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
      if (rect.right > viewport + 0.5 || cut) {
        found.push(`${el.tagName.toLowerCase()}.${el.className}: "${(el.textContent || '').trim().slice(0, 40)}"`);
      }
    }
    return found;
  });
}

for (const width of [1280, 375]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`at ${width} px in ${colorScheme}, nothing overflows, and screenshots are saved`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      const explorer = new ExplorerPage(page);
      await explorer.open(FULL_VIEW);
      await expect(explorer.compareCards).toHaveCount(3);
      await expect(explorer.offerRegion.getByText(/is a compa ratio of/)).toBeVisible();

      const name = `${width}-${colorScheme}`;
      await page.screenshot({ path: `${OUT}/explorer-${name}.png`, fullPage: true });
      await page.screenshot({ path: `${OUT}/top-${name}.png` });
      // The sticky nav would sit over each section's top edge in a section-by-section shot. The page's CSP
      // refuses the <style> element Playwright's `style` option injects, so the nav is unstuck through the CSSOM.
      await explorer.nav.evaluate((nav) => nav.style.setProperty('position', 'static'));
      for (const [section, locator] of [
        ['pay', explorer.pay],
        ['offer', explorer.offerRegion],
        ['compare', explorer.compareRegion],
        ['role', explorer.role],
        ['hiring', explorer.hiring],
        ['grades', explorer.grades],
      ]) {
        await locator.screenshot({ path: `${OUT}/${section}-${name}.png` });
      }

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await overflowing(page)).toEqual([]);

      await explorer.location.fill('united');
      await expect(explorer.locationList).toBeVisible();
      await explorer.pay.screenshot({ path: `${OUT}/picker-open-${name}.png` });
      const list = await explorer.locationList.boundingBox();
      expect(list.x).toBeGreaterThanOrEqual(0);
      expect(list.x + list.width).toBeLessThanOrEqual(width);
    });
  }
}

test('the band sheet prints on one page with the data and rate dates', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?location=${LONDON}&compare=${BERLIN}&offer=250000`);
  await page.emulateMedia({ media: 'print' });
  await expect(explorer.offerRegion).toBeHidden();
  await expect(explorer.grades).toBeHidden();
  await expect(page.getByRole('region')).toHaveCount(1);
  await expect(explorer.band).toBeVisible();
  await expect(explorer.rate).toBeVisible();
  await expect(page.getByText(/data as of 2026-11-01/)).toBeVisible();
  await page.screenshot({ path: `${OUT}/print.png`, fullPage: true });
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
});
