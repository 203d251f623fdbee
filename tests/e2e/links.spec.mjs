// The view lives in the URL: a shared link reopens it, typing replaces history, choosing pushes, and a bad link
// falls back visibly. Links can point the page only at its own origin.
import { test, expect } from '@playwright/test';
import { ExplorerPage, LONDON, BERLIN, TOKYO, VP } from './fixtures/explorer-page.mjs';

test('a link opens its view, changes land in the URL, and a reload shows the same view', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?location=${LONDON}&currency=reference&compare=${BERLIN}&offer=250000`);

  await expect(explorer.payHeading).toHaveText('Pay for grade 12 in London, England (United Kingdom)');
  await expect(explorer.currencyButton('Reference (USD)')).toHaveAttribute('aria-pressed', 'true');
  await expect(explorer.band).toHaveAttribute('data-currency', 'USD');
  await expect(explorer.compareCards.getByRole('heading')).toHaveText(['Berlin (Germany)']);
  await expect(explorer.offer).toHaveValue('250000');
  await expect(explorer.offerRegion.getByText(/is a compa ratio of/)).toBeVisible();
  await expect(explorer.notices).toHaveCount(0);

  // Change every part of the view.
  await explorer.chooseLocation('tokyo', 'Tokyo');
  await explorer.currencyButton('Local (JPY)').click();
  await explorer.compareInput.fill('lond');
  await explorer.compareInput.press('Enter');
  await explorer.offer.fill('40000000');
  await explorer.ladderRow(11).getByRole('button').click();

  const expectChangedView = async () => {
    await expect(explorer.payHeading).toHaveText('Pay for grade 11 in Tokyo (Japan)');
    await expect(explorer.currencyButton('Local (JPY)')).toHaveAttribute('aria-pressed', 'true');
    await expect(explorer.band).toHaveAttribute('data-currency', 'JPY');
    await expect(explorer.compareCards.getByRole('heading')).toHaveText(['Berlin (Germany)', 'London, England (United Kingdom)']);
    await expect(explorer.offer).toHaveValue('40000000');
    await expect(explorer.offerRegion.getByText(/is a compa ratio of/)).toContainText(await explorer.money(40000000, 'JPY'));
  };
  await expectChangedView();
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({
    role: VP,
    grade: '11',
    location: TOKYO,
    compare: `${BERLIN},${LONDON}`,
  });
  // The offer is a private amount: in the fragment, never sent to a server.
  expect(url.hash).toBe('#offer=40000000');
  const figures = await explorer.bandData();

  await page.reload();
  await expect(explorer.title).toBeVisible();
  await expectChangedView();
  expect(await explorer.bandData()).toEqual(figures);
  expect(page.url()).toBe(url.href);
});

test('typing an offer replaces the history entry; choosing a location pushes one that Back returns from', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?location=${LONDON}`);
  await expect(page).toHaveURL(new RegExp(`location=${LONDON}$`));
  const historyLength = () => page.evaluate(() => history.length);
  const start = await historyLength();

  await explorer.offer.pressSequentially('250000');
  await expect(page).toHaveURL(/offer=250000/);
  expect(await historyLength()).toBe(start);

  await explorer.chooseLocation('berlin', 'Berlin');
  await expect(explorer.payHeading).toHaveText('Pay for grade 12 in Berlin (Germany)');
  await expect(page).toHaveURL(new RegExp(`location=${BERLIN}`));
  expect(await historyLength()).toBe(start + 1);

  await page.goBack();
  await expect(explorer.payHeading).toHaveText('Pay for grade 12 in London, England (United Kingdom)');
  await expect(explorer.band).toHaveAttribute('data-currency', 'GBP');
  await expect(explorer.offer).toHaveValue('250000');
  await expect(page).toHaveURL(new RegExp(`location=${LONDON}#offer=250000$`));

  await page.goForward();
  await expect(explorer.payHeading).toHaveText('Pay for grade 12 in Berlin (Germany)');
});

test('an unknown location shows a notice and still shows the default band', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open('?location=atlantis/all');
  await expect(explorer.notices).toBeVisible();
  await expect(explorer.notices).toContainText('"atlantis/all"');
  await expect(explorer.notices).toContainText('San Francisco, California (United States)');
  await expect(explorer.payHeading).toHaveText('Pay for grade 12 in San Francisco, California (United States)');
  await expect(explorer.band).toBeVisible();
  const data = await explorer.expectFiguresMatchData();
  expect(data.currency).toBe('USD');
  expect(data.min).toBeGreaterThan(0);

  await explorer.notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(explorer.notices).toHaveCount(0);
});

test('a data folder on another origin is refused with a notice, the default data loads, and nothing leaves this origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));

  const explorer = new ExplorerPage(page);
  await explorer.open(`?data=https://evil.example/&role=${VP}`);
  await expect(page.getByRole('status').filter({ hasText: 'https://evil.example/' })).toContainText('was not used');
  await expect(explorer.title).toHaveText('Vice President, Strategy and Developer Relations');
  await expect(explorer.band).toBeVisible();
  await explorer.offer.fill('250000');
  await expect(explorer.offerRegion.getByText(/is a compa ratio of/)).toBeVisible();

  expect(requests.some((url) => url.endsWith('/data/paygrade.json'))).toBe(true);
  const elsewhere = requests.filter((url) => new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
});
