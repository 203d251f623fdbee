import { test, expect } from '@playwright/test';
import { ExplorerPage } from './fixtures/explorer-page.mjs';

test('the page loads the shipped data and shows the role title and grade', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await expect(explorer.title).toHaveText('Vice President, Strategy and Developer Relations');
  await expect(explorer.grade).toHaveText('Grade 12');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/output/screenshots/explorer-1280.png', fullPage: true });
});

test('a missing data folder shows which file failed instead of a blank page', async ({ page }) => {
  await page.goto('./?data=no-such-folder/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be loaded');
  await expect(alert).toContainText('paygrade.json');
});
