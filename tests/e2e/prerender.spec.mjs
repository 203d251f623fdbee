// Pre-rendered pages (the site/ crate, written by `paygrade site`): readable with JavaScript off, and with
// it on a deep link never shows another location's figures on any frame before the live explorer takes over.
import { test, expect } from '@playwright/test';
import { LONDON, TOKYO } from './fixtures/explorer-page.mjs';

const ROLE = 'roles/vp-strategy-developer-relations/';
const TITLE = 'Vice President, Strategy and Developer Relations';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader walks from the site root to a role and reads all of it', async ({ page }) => {
    await page.goto('./');
    const directory = page.getByRole('region', { name: 'Job families' });
    await directory.getByRole('link', { name: TITLE, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${ROLE}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(page.locator('.pg-role-summary')).toContainText('Grade 12');

    const pay = page.getByRole('region', { name: /^Pay for grade 12 in San Francisco/ });
    const band = pay.locator('.pg-band');
    await expect(band).toBeVisible();
    const figures = await band.evaluate((el) => ({ ...el.dataset }));
    expect(figures.currency).toBe('USD');
    expect(Number(figures.min)).toBeGreaterThan(0);
    expect(Number(figures.mid)).toBeGreaterThan(Number(figures.min));
    expect(Number(figures.max)).toBeGreaterThan(Number(figures.mid));
    await expect(band.getByRole('definition').first()).toContainText(Number(figures.min).toLocaleString('en-US'));

    const role = page.getByRole('region', { name: 'The role' });
    await expect(role.getByRole('heading', { name: 'Responsibilities' })).toBeVisible();
    await expect(role.getByRole('heading', { name: 'Requirements' })).toBeVisible();
    const hiring = page.getByRole('region', { name: 'Hiring process' });
    await expect(hiring.getByRole('listitem').first()).toBeVisible();
    await expect(hiring).toContainText(/\d+ steps, .* in all\./);
    const ladder = page.getByRole('region', { name: 'Grades' }).getByRole('table');
    await expect(ladder.getByRole('row')).toHaveCount(12);

    const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    expect(jsonLd['@type']).toBe('JobPosting');
    expect(jsonLd.title).toBe(TITLE);
    expect(jsonLd.baseSalary.currency).toBe(figures.currency);
    expect(jsonLd.baseSalary.value.minValue).toBe(Number(figures.min));
    expect(jsonLd.baseSalary.value.maxValue).toBe(Number(figures.max));

    await page.getByRole('link', { name: /All job families/ }).click();
    await expect(page.getByRole('region', { name: 'Job families' })).toBeVisible();
  });

  test('a job family\'s level pages are reached by plain links and show their own grade', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('region', { name: 'Job families' }).getByRole('link', { name: 'Backend Engineer', exact: true }).click();
    await expect(page).toHaveURL(/roles\/engineering\/backend-engineer\/$/);
    const levels = page.getByRole('navigation', { name: 'Levels of Backend Engineer' }).getByRole('link');
    await expect(levels).not.toHaveCount(0);
    const last = levels.last();
    const name = await last.textContent();
    const grade = /grade (\d+)/.exec(name)[1];
    await last.click();
    await expect(page.getByRole('region', { name: new RegExp(`^Pay for grade ${grade} in`) }).locator('.pg-band')).toBeVisible();
    const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    expect(name).toContain(jsonLd.title);
  });
});

// Records, on every animation frame from the first one, each visible band's figures; stops a few frames
// after the live explorer has taken over.
const RECORD_FRAMES = () => {
  window.__frames = [];
  const frame = () => {
    const live = Boolean(document.querySelector('#paygrade[data-pg-live]'));
    for (const band of document.querySelectorAll('.pg-band')) {
      if (band.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
        const { min, mid, max, currency } = band.dataset;
        window.__frames.push({ live, min, mid, max, currency });
      }
    }
    if (live && (window.__afterLive = (window.__afterLive || 0) + 1) > 10) return;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/// Opens `url` with the recorder and returns the frames, the live band's figures and whether any band was
/// shown before the takeover.
async function framesOf(page, url) {
  await page.addInitScript(RECORD_FRAMES);
  await page.goto(url);
  await page.locator('#paygrade[data-pg-live]').waitFor({ state: 'attached' });
  await page.waitForFunction(() => (window.__afterLive || 0) > 10);
  const frames = await page.evaluate(() => window.__frames);
  const final = await page.locator('#pg-pay .pg-band').evaluate((el) => {
    const { min, mid, max, currency } = el.dataset;
    return { min, mid, max, currency };
  });
  return { frames, final };
}

for (const [name, query, filledEarly] of [
  ['a location', `?location=${TOKYO}`, true],
  ['a location in the reference currency', `?location=${LONDON}&currency=reference`, true],
  ['another grade', `?grade=10&location=${LONDON}`, false],
  ['a compared location and an offer', `?location=${LONDON}&compare=${TOKYO}&offer=250000`, true],
]) {
  test(`a deep link with ${name} never shows another band on any frame`, async ({ page }) => {
    const { frames, final } = await framesOf(page, ROLE + query);
    expect(frames.length).toBeGreaterThan(0);
    for (const shown of frames) {
      expect(shown).toEqual({ live: shown.live, ...final });
    }
    if (filledEarly) {
      // The boot script filled the band from build-time figures before the wasm took over.
      expect(frames.some((shown) => !shown.live)).toBe(true);
    }
  });
}

test('the root page with a role and a location shows only that location\'s band too', async ({ page }) => {
  const { frames, final } = await framesOf(page, `./?role=vp-strategy-developer-relations&location=${LONDON}`);
  expect(final.currency).toBe('GBP');
  for (const shown of frames) expect(shown).toEqual({ live: shown.live, ...final });
});

test('the takeover keeps the layout and the reader\'s scroll position', async ({ page }) => {
  // Hold the wasm back until the reader has scrolled the static page.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/paygrade_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ROLE);
  const grades = page.locator('#pg-grades-title');
  await grades.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -100));
  const before = { y: await page.evaluate(() => window.scrollY), box: await grades.boundingBox() };
  expect(before.y).toBeGreaterThan(500);
  release();
  await page.locator('#paygrade[data-pg-live]').waitFor({ state: 'attached' });
  await expect(page.locator('.pg-prerendered')).toHaveCount(0);
  const after = { y: await page.evaluate(() => window.scrollY), box: await grades.boundingBox() };
  expect(after.y).toBe(before.y);
  expect(Math.abs(after.box.y - before.box.y)).toBeLessThan(2);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
});

test('a pre-rendered role page without script, phone and desktop: title and band shown, nothing wider than the screen', async ({ browser }) => {
  for (const [name, width] of [['phone', 375], ['desktop', 1280]]) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(ROLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    const band = page.locator('#pg-pay .pg-band');
    expect(await band.evaluate((el) => el.checkVisibility({ visibilityProperty: true }))).toBe(true);
    await expect(band).toHaveAttribute('data-currency', 'USD');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `tests/e2e/output/prerender-${name}.png`, fullPage: false });
    await context.close();
  }
});

test('a role page keeps its address bare and its role through back and forward', async ({ page }) => {
  await page.goto(ROLE);
  await page.locator('#paygrade[data-pg-live]').waitFor({ state: 'attached' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  expect(new URL(page.url()).search).toBe('');
  const location = page.getByRole('region', { name: /^Pay for grade/ }).getByRole('combobox', { name: 'Location', exact: true });
  await location.fill('tokyo');
  await location.press('Enter');
  await expect(page).toHaveURL(/\?location=japan\/tokyo$/);
  expect(new URL(page.url()).pathname).toMatch(new RegExp(`/${ROLE}$`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/${ROLE}$`));
  await expect(page.locator('#pg-pay .pg-band')).toHaveAttribute('data-currency', 'USD');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
});
