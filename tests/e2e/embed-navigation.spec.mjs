// Handbook sites that change their content without a reload: widgets added after widget.js loaded mount by
// themselves, removed ones are destroyed (the shared dataset goes with the last), and no element is mounted twice.
import { test, expect } from '@playwright/test';
import { ComponentPage, InstantSite, expectBand, wasmHolds, watchProblems, widgetScriptReady } from './fixtures/embed-pages.mjs';

// From the shipped data: grade 12's midpoint 420000 USD × London's 0.78, in pounds.
const LONDON_GRADE_12_MID = '245700';

test('instant navigation mounts the widgets it brings in and destroys the ones it takes away', async ({ page, baseURL }) => {
  const problems = await watchProblems(page);
  const holds = wasmHolds(page, baseURL);
  const site = new InstantSite(page);
  await site.open();
  expect(await holds()).toEqual({ widgets: 0, cached: false, syncGroups: 0 });

  // A page with a data-paygrade-* element and a <paygrade-band>, synced: both mount, and the sync attribute holds.
  await site.follow('Backend Engineer', 'Backend Engineer');
  await expect(page).toHaveURL(/\/examples\/mkdocs\/backend-engineer\.html$/);
  await expect(site.intermediate.band).toHaveAttribute('data-grade', '6');
  await expect(site.staff.band).toHaveAttribute('data-grade', '8');
  await expectBand(site.intermediate);
  await expectBand(site.staff);
  expect(await holds()).toEqual({ widgets: 2, cached: true, syncGroups: 1 });
  await site.staff.chooseLocation('Berlin', 'Berlin');
  await expect(site.intermediate.location).toHaveValue('Berlin (Germany)');

  // The next page replaces both: they are destroyed (their sync group with them), the new one mounts.
  await site.follow('VP, Developer Relations', 'Vice President, Strategy and Developer Relations');
  await expect(site.london.band).toHaveAttribute('data-mid', LONDON_GRADE_12_MID);
  await expect(site.intermediate.band).toHaveCount(0);
  await expect.poll(holds).toEqual({ widgets: 1, cached: true, syncGroups: 0 });

  // A page without widgets: nothing is held any more, the dataset included.
  await site.follow('Job families', 'Job families');
  await expect.poll(holds).toEqual({ widgets: 0, cached: false, syncGroups: 0 });

  // Back: the VP page's content comes back through popstate, and its widget mounts again.
  await page.goBack();
  await expect(site.title).toHaveText('Vice President, Strategy and Developer Relations');
  await expect(site.london.band).toHaveAttribute('data-mid', LONDON_GRADE_12_MID);
  await expect.poll(holds).toEqual({ widgets: 1, cached: true, syncGroups: 0 });

  expect(await site.sameDocument()).toBe(true);
  await expect(page.locator('.pg-problems')).toHaveCount(0);
  expect(await problems()).toEqual([]);
});

test('a component that mounts and unmounts <paygrade-band> gets a widget each time and leaves nothing behind', async ({ page, baseURL }) => {
  const problems = await watchProblems(page);
  const widgetScripts = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/widget.js') widgetScripts.push(request.url());
  });
  const holds = wasmHolds(page, baseURL);
  const component = new ComponentPage(page);
  await component.open();

  await component.choose('London');
  await expect(component.widget.band).toHaveAttribute('data-mid', LONDON_GRADE_12_MID);
  await expect(component.widget.location).toHaveValue('London, England (United Kingdom)');

  await component.choose('Berlin');
  await expect(component.widget.location).toHaveValue('Berlin (Germany)');
  await expect(component.widget.band).toHaveAttribute('data-currency', 'EUR');
  await expectBand(component.widget);
  await expect(component.element).toHaveCount(1);
  await expect.poll(holds).toEqual({ widgets: 1, cached: true, syncGroups: 0 });

  await component.choose('No band');
  await expect(component.element).toHaveCount(0);
  await expect.poll(holds).toEqual({ widgets: 0, cached: false, syncGroups: 0 });

  await component.choose('London');
  await expect(component.widget.band).toHaveAttribute('data-mid', LONDON_GRADE_12_MID);
  // Every render imports widget.js; the module is fetched and run once.
  expect(widgetScripts).toHaveLength(1);
  await expect(page.locator('.pg-problems')).toHaveCount(0);
  expect(await problems()).toEqual([]);
});

test('an element is never mounted twice: by mountAll, by mountWithin, by mount(), or when it moves', async ({ page, baseURL }) => {
  const problems = await watchProblems(page);
  const holds = wasmHolds(page, baseURL);
  const component = new ComponentPage(page);
  await component.open();
  await component.choose('London');
  await expect(component.widget.band).toHaveAttribute('data-mid', LONDON_GRADE_12_MID);
  await widgetScriptReady(page);

  const again = await page.evaluate(async () => {
    const { mountAll, mountWithin } = await import('/pkg/paygrade.js');
    const element = document.querySelector('paygrade-band');
    const counts = { mountAll: mountAll({}).length, mountWithin: mountWithin(element, {}).length };
    const root = element.shadowRoot.querySelector('.pg-widget-root');
    // A move: out of the panel and into the main column, in one DOM operation.
    document.querySelector('main').append(element);
    // Past the observer's callback and the microtask the custom element's disconnectedCallback queued.
    await new Promise((resolve) => queueMicrotask(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const roots = element.shadowRoot.querySelectorAll('.pg-widget-root');
    return { ...counts, roots: roots.length, sameWidget: roots[0] === root };
  });
  // The moved element kept its widget: not destroyed and mounted again.
  expect(again).toEqual({ mountAll: 0, mountWithin: 0, roots: 1, sameWidget: true });
  const moved = page.locator('main > paygrade-band');
  await expect(moved).toHaveAttribute('data-paygrade-mounted', '');
  await expect(moved.locator('.pg-band')).toHaveAttribute('data-mid', LONDON_GRADE_12_MID);
  expect(await holds()).toEqual({ widgets: 1, cached: true, syncGroups: 0 });

  // mount() on it changes the widget it holds; a changed attribute does too.
  await page.evaluate(async () => {
    const { mount } = await import('/widget.js');
    mount(document.querySelector('paygrade-band'), { currency: 'reference' });
  });
  await expect(moved.locator('.pg-band')).toHaveAttribute('data-currency', 'USD');
  await page.evaluate(() => document.querySelector('paygrade-band').setAttribute('location', 'japan/tokyo'));
  await expect(moved.locator('.pg-band')).toHaveAttribute('data-currency', 'JPY');
  expect(await moved.evaluate((element) => element.shadowRoot.querySelectorAll('.pg-widget-root').length)).toBe(1);
  expect(await holds()).toEqual({ widgets: 1, cached: true, syncGroups: 0 });
  expect(await problems()).toEqual([]);
});
