// Keyboard only: the location picker is an ARIA combobox, and compare is added to and emptied without a mouse.
import { test, expect } from '@playwright/test';
import { ExplorerPage } from './fixtures/explorer-page.mjs';

/// Presses Tab until `target` has focus, as a keyboard user would; fails if it never does.
async function tabTo(page, target, most = 30) {
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

test('the location picker is reached with Tab, filtered by typing, chosen with ArrowDown and Enter', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await tabTo(page, explorer.location);
  await expect(explorer.location).toBeFocused();

  await page.keyboard.type('lond');
  await expect(explorer.location).toHaveAttribute('aria-expanded', 'true');
  await expect(explorer.locationList).toBeVisible();
  const options = explorer.locationList.getByRole('option');
  await expect(options).toHaveText(['London, England']);
  await expect(explorer.locationList.getByRole('group', { name: 'United Kingdom' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(explorer.location).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');

  await expect(explorer.locationList).toBeHidden();
  await expect(explorer.location).toHaveAttribute('aria-expanded', 'false');
  await expect(explorer.location).toBeFocused();
  await expect(explorer.payHeading).toHaveText('Pay for grade 12 in London, England (United Kingdom)');
  await expect(explorer.band).toHaveAttribute('data-mid', '245700');
  await expect(explorer.band.getByText(/^Grade 12 in London/)).toHaveAttribute('aria-live', 'polite');
});

test('ArrowDown and ArrowUp move the active option, and Escape closes the list without choosing', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await tabTo(page, explorer.location);
  await page.keyboard.type('united kingdom');
  const options = explorer.locationList.getByRole('option');
  await expect(options.first()).toHaveText('London, England');
  const active = () => explorer.location.getAttribute('aria-activedescendant');
  const first = await active();
  expect(first).toBe(await options.nth(0).getAttribute('id'));

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(explorer.location).toHaveAttribute('aria-activedescendant', (await options.nth(2).getAttribute('id')) ?? '');
  await page.keyboard.press('ArrowUp');
  await expect(explorer.location).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) ?? '');

  await page.keyboard.press('Escape');
  await expect(explorer.locationList).toBeHidden();
  await expect(explorer.location).toHaveAttribute('aria-expanded', 'false');
  await expect(explorer.location).not.toHaveAttribute('aria-activedescendant', /.+/);
  await expect(explorer.payHeading).toHaveText('Pay for grade 12 in San Francisco, California (United States)');

  // ArrowDown reopens the closed list.
  await page.keyboard.press('ArrowDown');
  await expect(explorer.locationList).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(explorer.locationList).toBeHidden();
});

test('compare is filled and emptied with the keyboard alone', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await tabTo(page, explorer.compareInput, 120);
  await page.keyboard.type('berlin');
  await page.keyboard.press('Enter');
  await page.keyboard.type('japan tok');
  await expect(explorer.compareList.getByRole('option')).toHaveText(['Tokyo']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(explorer.compareCards.getByRole('heading')).toHaveText(['Berlin (Germany)', 'Tokyo (Japan)']);
  // Minimum, midpoint, maximum and the total rewards a year.
  await expect(explorer.compareCard('Berlin (Germany)').getByRole('definition')).toHaveCount(4);
  await expect(explorer.compareCard('Tokyo (Japan)').getByRole('definition')).toHaveCount(4);

  await tabTo(page, explorer.removeCompare('Tokyo (Japan)'));
  await page.keyboard.press('Enter');
  await expect(explorer.compareCards.getByRole('heading')).toHaveText(['Berlin (Germany)']);
  // Focus stays among the cards instead of falling back to the top of the page.
  await expect(explorer.removeCompare('Berlin (Germany)')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(explorer.compareCards).toHaveCount(0);
  await expect(explorer.compareRegion.getByText('Add two or more locations')).toBeVisible();
});
