// Each view of the explorer against the shipped data: what a candidate or hiring manager reads and does.
import { test, expect } from '@playwright/test';
import { ExplorerPage, LONDON, BUENOS_AIRES, BERLIN } from './fixtures/explorer-page.mjs';

test('the page loads the shipped data and shows the role title and grade', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await expect(explorer.title).toHaveText('Vice President, Strategy and Developer Relations');
  await expect(explorer.grade).toHaveText('Grade 12');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a missing data folder shows which file failed instead of a blank page', async ({ page }) => {
  await page.goto('./?data=no-such-folder/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be loaded');
  await expect(alert).toContainText('paygrade.json');
});

test.describe('role', () => {
  test('shows responsibilities by group, requirements, indicators and says plainly there is no career ladder', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const role = explorer.role;
    // A group's items are the list right after its heading.
    const listAfter = (name) =>
      role.getByRole('heading', { name, exact: true }).locator('xpath=following-sibling::ul[1]').getByRole('listitem');

    await expect(role.getByRole('heading', { level: 3 })).toHaveText([
      'Overview',
      'Responsibilities',
      'Requirements',
      'Performance indicators',
      'Career ladder',
      'Relevant links',
    ]);
    await expect(role.getByRole('heading', { level: 4 })).toHaveText(['Strategy', 'Developer Advocacy']);
    await expect(listAfter('Strategy')).toHaveCount(12);
    await expect(listAfter('Developer Advocacy')).toHaveCount(6);
    await expect(listAfter('Developer Advocacy').first()).toContainText('early adopters');
    await expect(listAfter('Requirements')).toHaveCount(14);
    await expect(listAfter('Performance indicators')).toHaveCount(3);
    await expect(listAfter('Performance indicators').first()).toContainText('monthly code contributors');
    await expect(role.getByRole('heading', { name: 'Career ladder' }).locator('xpath=following-sibling::p[1]')).toHaveText(
      'A career ladder has not been set out for this position yet.',
    );
  });

  test('the hiring process is a timeline of six steps taking 2 h 45 min in all', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const steps = explorer.hiring.getByRole('list').last().getByRole('listitem');
    await expect(steps).toHaveCount(6);
    await expect(explorer.hiring.getByText(/steps, .* of conversations in all\.$/)).toHaveText(
      '6 steps, 2 h 45 min of conversations in all.',
    );
    await expect(steps.first()).toContainText('Screening');
    await expect(steps.first()).toContainText('30 min');
    await expect(steps.first()).toContainText('With one of our Global Recruiters');
    await expect(steps.nth(1)).toContainText('With Chief Marketing Officer');
    await expect(steps.last()).toContainText('Offer');
  });
});

test.describe('band', () => {
  test('grade 12 in London shows the shipped GBP band, and the figures on screen are the data attributes', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${LONDON}`);
    await expect(explorer.payHeading).toHaveText('Pay for grade 12 in London, England (United Kingdom)');
    await expect(explorer.band).toHaveAttribute('data-currency', 'GBP');
    expect(await explorer.bandData()).toEqual({ min: 196600, mid: 245700, max: 294900, currency: 'GBP' });
    await explorer.expectFiguresMatchData();
    await expect(explorer.figures.nth(1)).toHaveText(await explorer.money(245700, 'GBP'));
    await expect(explorer.compaGroups.getByRole('listitem')).toHaveText([/^Learning/, /^Growing/, /^Thriving/, /^Expert/]);
    await expect(explorer.rate).not.toContainText('older than');
  });

  test('the currency toggle switches the band to USD and back to GBP', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${LONDON}`);
    const local = explorer.currencyButton('Local (GBP)');
    const reference = explorer.currencyButton('Reference (USD)');
    await expect(local).toHaveAttribute('aria-pressed', 'true');

    await reference.click();
    await expect(reference).toHaveAttribute('aria-pressed', 'true');
    await expect(local).toHaveAttribute('aria-pressed', 'false');
    await expect(explorer.band).toHaveAttribute('data-currency', 'USD');
    const usd = await explorer.expectFiguresMatchData();
    expect(usd.mid).not.toBe(245700);
    expect(usd.min).toBeLessThan(usd.mid);
    expect(usd.mid).toBeLessThan(usd.max);
    await expect(page).toHaveURL(/currency=reference/);

    await local.click();
    await expect(explorer.band).toHaveAttribute('data-currency', 'GBP');
    expect(await explorer.expectFiguresMatchData()).toEqual({ min: 196600, mid: 245700, max: 294900, currency: 'GBP' });
  });

  test('the formula shows each step with the row it came from', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${LONDON}`);
    await expect(explorer.formula).toHaveAttribute('open', /.*/);
    const labels = explorer.formulaSteps;
    await expect(labels.first()).toContainText('Midpoint at San Francisco (USD)');
    await expect(labels.first()).toContainText('grades.csv line');
    await expect(labels.filter({ hasText: 'Location factor' })).toContainText('0.78');
    await expect(labels.filter({ hasText: 'Location factor' })).toContainText(`locations.csv line`);
    await expect(labels.filter({ hasText: 'Location factor' })).toContainText(`(${LONDON})`);
    await expect(labels.filter({ hasText: 'Exchange rate (USD → GBP)' })).toContainText('currencies.csv line');
    await expect(labels.filter({ hasText: 'Rounding (GBP)' })).toContainText('policy.rounding');
    expect(await labels.count()).toBeGreaterThanOrEqual(6);
  });

  test('a rate older than the policy allows is flagged beside the amounts', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${BUENOS_AIRES}`);
    await expect(explorer.band).toHaveAttribute('data-currency', 'ARS');
    await expect(explorer.rate).toHaveText(
      'Exchange rate as of 2025-06-30. This rate is older than 365 days: converted figures may be out of date.',
    );
    await expect(explorer.rate).toBeVisible();
  });
});

test.describe('grades', () => {
  test('the ladder lists grades 4 to 15 without 13, the role grade marked, with a chart beside it', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${LONDON}`);
    const grades = [4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15];
    const bodyRows = explorer.ladder.getByRole('rowheader');
    await expect(bodyRows).toHaveText(grades.map((g) => `Grade ${g}`));
    await expect(explorer.ladderRow(12)).toHaveAttribute('aria-current', 'true');
    await expect(explorer.ladder.locator('[aria-current="true"]')).toHaveCount(1);
    await expect(explorer.ladderRow(12).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    await expect(explorer.ladderRow(12)).toContainText(await explorer.money(245700, 'GBP'));
    await expect(explorer.ladderChart).toBeVisible();
    await expect(explorer.ladderChart.locator('text')).toHaveText(grades.map((g) => `Grade ${g}`));
    await expect(explorer.ladderChart.locator('.pg-ladder-current')).toContainText('Grade 12');
  });

  test('choosing another grade on the ladder changes the band', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${LONDON}`);
    const before = await explorer.bandData();
    await explorer.ladderRow(10).getByRole('button').click();
    await expect(explorer.payHeading).toHaveText('Pay for grade 10 in London, England (United Kingdom)');
    await expect(explorer.ladderRow(10)).toHaveAttribute('aria-current', 'true');
    await expect(explorer.ladderRow(12)).not.toHaveAttribute('aria-current', 'true');
    const after = await explorer.expectFiguresMatchData();
    expect(after.mid).toBeLessThan(before.mid);
    await expect(explorer.ladderRow(10)).toContainText(await explorer.money(after.mid, 'GBP'));
    await expect(page).toHaveURL(/grade=10/);
  });
});

test.describe('offer', () => {
  test('250000 in London is a compa ratio of 1.02, in the Thriving group', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${LONDON}`);
    await expect(explorer.offer).toBeEditable();
    await explorer.offer.fill('250000');
    const result = explorer.offerRegion.getByText(/is a compa ratio of/);
    await expect(result).toContainText('compa ratio of 1.02');
    await expect(result).toContainText('in the Thriving group');
    await expect(result).toContainText(await explorer.money(250000, 'GBP'));
    await expect(result).toHaveAttribute('data-compa', '1.02');
  });

  test('an amount outside the band says so, and text that is not an amount gets a message', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${LONDON}`);
    await explorer.offer.fill('100000');
    await expect(explorer.offerRegion.getByText(/is a compa ratio of/)).toContainText(
      `below the band's minimum of ${await explorer.money(196600, 'GBP')}`,
    );
    await explorer.offer.fill('lots');
    await expect(explorer.offerRegion.getByText('That is not an amount: type digits, such as 150000.')).toBeVisible();
    await expect(explorer.offerRegion.getByText(/is a compa ratio of/)).toHaveCount(0);
  });
});

test.describe('compare', () => {
  test('two locations added by keyboard show side by side, and one can be removed', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open(`?location=${LONDON}`);
    await expect(explorer.compareRegion.getByText('Add two or more locations')).toBeVisible();

    await explorer.compareInput.focus();
    await page.keyboard.type('berl');
    await expect(explorer.compareList.getByRole('option')).toHaveText(['Berlin']);
    await page.keyboard.press('Enter');
    await expect(explorer.compareInput).toHaveValue('');
    await page.keyboard.type('tokyo');
    await page.keyboard.press('Enter');

    await expect(explorer.compareCards.getByRole('heading')).toHaveText(['Berlin (Germany)', 'Tokyo (Japan)']);
    for (const [name, currency] of [
      ['Berlin (Germany)', 'EUR'],
      ['Tokyo (Japan)', 'JPY'],
    ]) {
      const card = explorer.compareCard(name);
      const figures = card.getByRole('definition');
      await expect(figures).toHaveCount(4);
      const data = await card.locator('dl').evaluate((el) => ({ ...el.dataset }));
      expect(data.currency).toBe(currency);
      // The total rewards a year, at the midpoint, with equity and benefits where the data has them.
      const total = Number(await card.locator('[data-total]').getAttribute('data-total'));
      expect(total).toBeGreaterThan(Number(data.mid));
      await expect(figures).toHaveText([
        await explorer.money(Number(data.min), currency),
        await explorer.money(Number(data.mid), currency),
        await explorer.money(Number(data.max), currency),
        await explorer.money(total, currency),
      ]);
    }
    await expect(page).toHaveURL(new RegExp(`compare=${BERLIN},japan/tokyo`));

    await explorer.removeCompare('Berlin (Germany)').focus();
    await page.keyboard.press('Enter');
    await expect(explorer.compareCards.getByRole('heading')).toHaveText(['Tokyo (Japan)']);
    await expect(page).toHaveURL(/compare=japan\/tokyo(&|$)/);
  });
});
