// Issue 18: the whole offer (equity, benefits, payments a year, ways to hire), a move between places, a
// promotion preview, private amounts kept in the fragment, and the pay on a phone's first screen.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ExplorerPage } from './fixtures/explorer-page.mjs';

const SF = 'united-states/san-francisco-california';
const BERLIN = 'germany/berlin';
const LISBON = 'portugal/lisbon';
const BACKEND = 'engineering/backend-engineer';

/// The total-rewards figures as the block's data attributes state them.
async function rewards(page) {
  return page.locator('[data-total-rewards]').evaluate((el) => ({
    base: Number(el.dataset.base),
    variable: Number(el.dataset.variable),
    equity: Number(el.dataset.equity),
    benefits: Number(el.dataset.benefits),
    total: Number(el.dataset.total),
    currency: el.dataset.currency,
  }));
}

function summary(results) {
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary}`),
  );
}

test('the VP in San Francisco: base, variable, equity, benefits and the total, and a valuation the reader changes', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?location=${SF}`);
  // 18,000 units at 24 USD over 4 years; health 14,000 + retirement 4,000 + learning 1,500.
  expect(await rewards(page)).toEqual({
    base: 420000, variable: 105000, equity: 108000, benefits: 19500, total: 652500, currency: 'USD',
  });
  const section = page.getByRole('region', { name: 'Total rewards' });
  await expect(section).toContainText('Vests over 4 years: nothing before 12 months (the cliff), then 25% at once');
  await section.getByRole('radio', { name: '3×' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('valuation')).toBe('3');
  await expect(page.locator('[data-total-rewards]')).toHaveAttribute('data-equity', '324000');
  await expect(page.locator('[data-total-rewards]')).toHaveAttribute('data-total', String(420000 + 105000 + 324000 + 19500));
  await section.getByRole('radio', { name: '0×' }).check();
  await expect(page.locator('[data-total-rewards]')).toHaveAttribute('data-equity', '0');
  // Paid every other week in the United States.
  await expect(page.locator('[data-payments]')).toHaveAttribute('data-payments', '26');
  expect(Number(await page.locator('[data-payments]').getAttribute('data-per-payment'))).toBeCloseTo(420000 / 26, 6);
});

test('Lisbon is paid in fourteen payments, each the midpoint over fourteen', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?role=${BACKEND}&location=${LISBON}`);
  const { mid } = await explorer.bandData();
  const payments = page.locator('[data-payments]');
  await expect(payments).toHaveAttribute('data-payments', '14');
  expect(Number(await payments.getAttribute('data-per-payment'))).toBeCloseTo(mid / 14, 6);
  await expect(payments).toContainText('A holiday subsidy and a Christmas subsidy');
});

test('a contractor in Berlin: the band changes by its factor, the formula says why, and the link keeps it', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?role=${BACKEND}&location=${BERLIN}`);
  const employee = await explorer.bandData();
  await page.getByLabel('Way to hire').selectOption('contractor');
  await expect.poll(() => new URL(page.url()).searchParams.get('contract')).toBe('contractor');
  await expect(explorer.band).toHaveAttribute('data-mid', String(Math.ceil((employee.mid * 1.3) / 100) * 100));
  await expect(page.locator('.pg-step', { hasText: 'Way to hire: Contractor' })).toContainText('pays their own pension');
  // A contractor's rate carries the benefits an employee gets.
  await expect(page.locator('[data-total-rewards]')).toHaveAttribute('data-benefits', '0');
  await page.reload();
  await expect(explorer.band).toHaveAttribute('data-mid', String(Math.ceil((employee.mid * 1.3) / 100) * 100));
});

test('a move from San Francisco to Berlin under never-lower, with the salary kept in the fragment', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  // An old-style link with the salary in the query: it moves to the fragment.
  await explorer.open(`?role=${BACKEND}&location=${BERLIN}&move_from=${SF}&salary=180000`);
  const result = page.locator('[data-move-result]');
  // 180,000 USD is 1.41 × San Francisco's 128,000 midpoint; 1.41 × Berlin's 77,100 is 108,500 EUR, less than
  // 180,000 × 0.86 = 154,800 EUR converted, which never-lower keeps.
  await expect(result).toHaveAttribute('data-amount', '154800');
  await expect(result).toHaveAttribute('data-currency', 'EUR');
  await expect(page.getByRole('region', { name: /^Moving to/ })).toContainText('Never lower');
  await expect.poll(() => new URL(page.url()).hash).toBe('#salary=180000');
  expect(new URL(page.url()).searchParams.has('salary')).toBe(false);
});

test('an offer stays in the fragment, shows its total and where a promotion would take it', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?role=${BACKEND}&location=${SF}`);
  await explorer.offer.fill('120000');
  await expect.poll(() => new URL(page.url()).hash).toBe('#offer=120000');
  expect(new URL(page.url()).search).not.toContain('offer');
  await expect(page.locator('.pg-offer-total')).toHaveAttribute('data-total', /^\d+(\.\d+)?$/);
  const promotion = page.locator('.pg-promotion');
  await expect(promotion).toHaveAttribute('data-grade', '7');
  await expect(promotion).toContainText('Promoted to grade 7 keeping this salary');
  // Grade 7's minimum in San Francisco is 129,600: 9,600 short.
  await expect(promotion).toHaveAttribute('data-raise', '9600');
});

test('on a phone the band is on the first screen of a role page, pre-rendered and live', async ({ browser }) => {
  const viewport = { width: 390, height: 844 };
  for (const path of ['roles/vp-strategy-developer-relations/', 'roles/engineering/backend-engineer/senior-backend-engineer/']) {
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport });
      const page = await context.newPage();
      await page.goto(path);
      if (javaScriptEnabled) await page.locator('#paygrade[data-pg-live]').waitFor({ state: 'attached' });
      const figures = page.locator('#pg-pay .pg-figures');
      await expect(figures).toHaveCount(1);
      expect(await figures.evaluate((el) => el.checkVisibility({ visibilityProperty: true }))).toBe(true);
      const box = await figures.boundingBox();
      expect(box.y + box.height, `${path}, script ${javaScriptEnabled}`).toBeLessThanOrEqual(viewport.height);
      // The plain level links serve readers without script; with it, the live level picker does.
      if (javaScriptEnabled) await expect(page.locator('.pg-level-links')).toBeHidden();
      await context.close();
    }
  }
});

test('the total-rewards and move sections have no axe violations', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?role=${BACKEND}&location=${BERLIN}&move_from=${SF}#salary=150000&offer=80000`);
  await expect(page.locator('[data-move-result]')).toBeVisible();
  for (const section of ['#pg-rewards', '#pg-move', '#pg-offer', '#pg-grades']) {
    expect(summary(await new AxeBuilder({ page }).include(section).analyze()), section).toEqual([]);
  }
});

test('the compact widget says the whole offer in a line where the data has equity or benefits', async ({ page }) => {
  await page.goto('examples/handbook.html');
  const total = page.locator('#widget-london .pg-compact-total');
  await expect(total).toBeVisible();
  const band = page.locator('#widget-london .pg-band');
  expect(Number(await total.getAttribute('data-total'))).toBeGreaterThan(Number(await band.getAttribute('data-mid')));
  await expect(total).toContainText('Total rewards a year at the midpoint, with equity and benefits');
});
