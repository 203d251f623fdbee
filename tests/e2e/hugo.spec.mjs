// The Hugo shortcode (integrations/hugo) in a handbook built with Debian's Hugo: tests/hugo-site, which
// `cargo xtask test` builds with `hugo --minify` into dist/hugo-site/, beside paygrade's own files
// (its `params.paygrade.base` is "/"). The build failing on a shortcode without a role is xtask/src/hugo.rs's test.
import { test, expect } from '@playwright/test';
import { EmbeddedWidget } from './fixtures/handbook-page.mjs';
import { expectBand, watchProblems } from './fixtures/embed-pages.mjs';

const BACKEND = 'hugo-site/jobs/backend-engineer/';
const VP = 'hugo-site/jobs/vp-developer-relations/';
const HOSTILE = 'hugo-site/jobs/hostile-parameters/';

test('each shortcode shows its band, with widget.js added once per page and a link standing in', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.goto(BACKEND);
  const bands = page.locator('article paygrade-band');
  await expect(bands).toHaveCount(2);
  const [intermediate, staff] = [bands.nth(0), bands.nth(1)].map((host) => new EmbeddedWidget(host));
  await expect(intermediate.band).toHaveAttribute('data-grade', '6');
  await expect(staff.band).toHaveAttribute('data-grade', '8');
  await expectBand(intermediate);
  await expectBand(staff);
  await expect(page.locator('script[src$="widget.js"]')).toHaveCount(1);
  await expect(page.locator('script[src$="widget.js"]')).toHaveAttribute('type', 'module');

  // The light-DOM link each shortcode writes: the role's page on the paygrade site, hidden once the widget mounts.
  const links = page.locator('article paygrade-band > a');
  await expect(links).toHaveCount(2);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('href', '/roles/engineering/backend-engineer/');
    await expect(link).toBeHidden();
  }
  await expect(links.nth(1)).toHaveText('Pay bands for Backend Engineer');

  // sync="backend" on both: a place chosen in one moves the other.
  await staff.chooseLocation('Berlin', 'Berlin');
  await expect(intermediate.location).toHaveValue('Berlin (Germany)');

  await page.goto(VP);
  const london = new EmbeddedWidget(page.locator('article paygrade-band'));
  await expect(london.band).toHaveAttribute('data-mid', '245700');
  await expect(london.band).toHaveAttribute('data-currency', 'GBP');
  await expect(page.locator('script[src$="widget.js"]')).toHaveCount(1);
  await expect(page.locator('article paygrade-band > a')).toHaveAttribute('href', '/roles/vp-strategy-developer-relations/');

  await expect(page.locator('.pg-problems')).toHaveCount(0);
  expect(await problems()).toEqual([]);
});

test('with script off, the shortcode leaves a link to the role\'s pre-rendered page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(BACKEND);
  const link = page.getByRole('link', { name: 'Pay bands for Backend Engineer' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/roles\/engineering\/backend-engineer\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backend Engineer');
  await context.close();
});

test('every shortcode parameter stays inside its attribute', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    return dialog.dismiss();
  });
  await page.goto(HOSTILE);
  const element = page.locator('article paygrade-band');
  await expect(element).toHaveCount(1);
  await expect(element).toHaveAttribute('job', 'x"><img src=x onerror=alert(1)>');
  await expect(element).toHaveAttribute('level', "' onmouseover='alert(1)");
  await expect(element).toHaveAttribute('location', '</paygrade-band><script>alert(1)</script>');
  await expect(element).toHaveAttribute('sync', 'a&b');
  // The widget mounted (its options taken as text, whatever they say).
  await expect(element).toHaveAttribute('data-paygrade-mounted', '');
  expect(await element.evaluate((el) => el.getAttributeNames().sort())).toEqual(
    ['data-paygrade-mounted', 'job', 'level', 'location', 'sync'],
  );
  // Nothing became markup: no image, no script but widget.js, the label as text.
  await expect(page.locator('article img')).toHaveCount(0);
  await expect(page.locator('article script')).toHaveCount(1);
  await expect(page.locator('article script')).toHaveAttribute('src', '/widget.js');
  await expect(page.locator('article paygrade-band > a')).toHaveText('<b>bold</b>');
  await element.hover();
  expect(dialogs).toEqual([]);
});
