// Issue 21: a widget's first band before the wasm. widget.js shows a compact widget's band from the figures
// `paygrade site` wrote beside the data (data/figures/) while the wasm is still on its way; the wasm then
// takes the widget over in place, with the same figures.
import { test, expect } from '@playwright/test';
import { HANDBOOK } from './fixtures/handbook-page.mjs';

// From the shipped data: grade 12's midpoint 420000 USD × London's 0.78, in pounds.
const LONDON_GRADE_12 = { min: '196600', mid: '245700', max: '294900', currency: 'GBP' };

/** Holds every request for the wasm until `release()`. */
async function holdWasm(page) {
  const held = [];
  let released = false;
  await page.route('**/pkg/paygrade_bg.wasm', (route) => {
    if (released) route.continue();
    else held.push(route);
  });
  return {
    release: async () => {
      released = true;
      await Promise.all(held.map((route) => route.continue()));
    },
  };
}

/** A widget's band in its stand-in, or in the live widget, read from the shadow root. */
function bandOf(host, standin) {
  const root = standin ? '.pg-widget-root[data-pg-standin]' : '.pg-widget-root:not([data-pg-standin])';
  return host.locator(`${root} .pg-band`);
}

async function figures(band) {
  return band.evaluate((el) => ({
    min: el.dataset.min, mid: el.dataset.mid, max: el.dataset.max, currency: el.dataset.currency,
    seen: el.checkVisibility(),
    top: Math.round(el.getBoundingClientRect().top),
    text: [...el.querySelectorAll('.pg-figures dd')].map((dd) => dd.textContent),
  }));
}

test('a widget shows its band from the build\'s figures before the wasm, and the wasm takes over in place', async ({ page }) => {
  const wasm = await holdWasm(page);
  await page.goto(HANDBOOK);
  const london = page.locator('#widget-london');

  // The wasm has not arrived, and the band is there, readable, from the build's figures.
  const early = bandOf(london, true);
  await expect(early).toBeVisible();
  const before = await figures(early);
  expect(before).toMatchObject({ ...LONDON_GRADE_12, seen: true });
  expect(before.text).toEqual(['£196,600', '£245,700', '£294,900']);
  await expect(london.getByText('Vice President, Strategy and Developer Relations')).toBeVisible();
  await expect(london.getByRole('textbox', { name: 'Location' })).toHaveValue('London, England (United Kingdom)');
  expect(await page.evaluate(() => document.querySelector('#widget-london').hasAttribute('data-paygrade-mounted'))).toBe(false);
  // A widget at another grade than its role's is the wasm's alone: no stand-in, no guessed band.
  expect(await page.evaluate(() => document.querySelector('#widget-berlin').shadowRoot)).toBeNull();

  await wasm.release();
  const live = bandOf(london, false);
  await expect(london.getByRole('combobox', { name: 'Location' })).toHaveValue('London, England (United Kingdom)');
  await expect(london.locator('[data-pg-standin]')).toHaveCount(0);
  const after = await figures(live);
  expect(after).toMatchObject({ ...LONDON_GRADE_12, seen: true, text: before.text });
  // Taken over in place: the band did not move.
  expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(1);
});

test('without the build\'s figures a widget waits for the wasm, as before', async ({ page }) => {
  await page.route('**/data/figures/**', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto(HANDBOOK);
  const london = page.locator('#widget-london');
  await expect(bandOf(london, false)).toBeVisible();
  expect(await figures(bandOf(london, false))).toMatchObject(LONDON_GRADE_12);
  await expect(london.locator('[data-pg-standin]')).toHaveCount(0);
});
