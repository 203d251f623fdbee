// Issue 6: the embeddable widget on a page shaped like a handbook job-family page.
import { test, expect } from '@playwright/test';
import { EmbeddedWidget, HandbookPage } from './fixtures/handbook-page.mjs';

// From the shipped data: grade 12's midpoint 420000 USD × London's 0.78, in pounds; grade 11's 342000 × Berlin's 0.7.
const LONDON_GRADE_12 = { min: 196600, mid: 245700, max: 294900, currency: 'GBP' };
const BERLIN_GRADE_11_IN_USD = { min: 191600, mid: 239400, max: 287300, currency: 'USD' };

/// Fails the test on any uncaught error or console error the page reports.
function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

test('each widget renders its own band, and changing one location changes that widget only', async ({ page }) => {
  const errors = collectErrors(page);
  const handbook = new HandbookPage(page);
  await handbook.open();

  expect(await handbook.london.bandData()).toEqual(LONDON_GRADE_12);
  await expect(handbook.london.location).toHaveValue('London, England (United Kingdom)');
  expect(await handbook.berlin.bandData()).toEqual(BERLIN_GRADE_11_IN_USD);
  await expect(handbook.berlin.location).toHaveValue('Berlin (Germany)');

  await handbook.london.chooseLocation('Tokyo', 'Tokyo');
  await expect(handbook.london.location).toHaveValue('Tokyo (Japan)');
  await expect(handbook.london.band).toHaveAttribute('data-currency', 'JPY');
  expect(await handbook.berlin.bandData()).toEqual(BERLIN_GRADE_11_IN_USD);
  await expect(handbook.berlin.location).toHaveValue('Berlin (Germany)');

  await handbook.berlin.chooseLocation('Paris', 'Paris');
  await expect(handbook.berlin.location).toHaveValue('Paris (France)');
  // The reference currency stays: only the place changed.
  await expect(handbook.berlin.band).toHaveAttribute('data-currency', 'USD');
  await expect(handbook.london.band).toHaveAttribute('data-currency', 'JPY');
  await expect(handbook.london.location).toHaveValue('Tokyo (Japan)');
  expect(errors).toEqual([]);
});

test('using the widgets leaves the host page URL and history alone', async ({ page }) => {
  const handbook = new HandbookPage(page);
  await handbook.open();
  const before = await page.evaluate(() => ({ href: location.href, length: history.length }));

  await handbook.london.chooseLocation('Tokyo', 'Tokyo');
  await handbook.berlin.chooseLocation('Paris', 'Paris');
  await handbook.berlin.location.press('Escape');
  await expect(handbook.london.band).toHaveAttribute('data-currency', 'JPY');

  expect(await page.evaluate(() => ({ href: location.href, length: history.length }))).toEqual(before);
  // The state goes to the full explorer through the widget's link instead.
  await expect(handbook.london.explorerLink).toHaveAttribute('href', /\/index\.html\?.*location=japan(%2F|\/)tokyo/);
  await expect(handbook.london.explorerLink).toHaveAttribute('target', '_blank');
});

test('a hostile host stylesheet neither hides nor breaks the widgets', async ({ page }) => {
  const errors = collectErrors(page);
  const hostileCss = [
    '* { font-size: 40px !important; }',
    'button { display: none !important; }',
    'div { color: transparent !important; }',
    'input, a, dl, dd, p { display: none !important; }',
    // A global rule that reaches the host elements themselves; only the widget's `:host` rule keeps them shown.
    'main div { display: none !important; visibility: hidden !important; }',
  ].join('\n');
  // A copy of the handbook page beside the original, linking the hostile sheet (the CSP forbids inline styles),
  // with the real page's headers, CSP included.
  await page.route('**/examples/hostile-handbook.html', async (route) => {
    const response = await route.fetch({ url: route.request().url().replace('hostile-handbook.html', 'handbook.html') });
    const html = (await response.text()).replace('</head>', '  <link rel="stylesheet" href="hostile.css">\n</head>');
    await route.fulfill({ response, body: html });
  });
  await page.route('**/examples/hostile.css', (route) =>
    route.fulfill({ status: 200, contentType: 'text/css', body: hostileCss }),
  );
  const handbook = new HandbookPage(page);
  await handbook.open('examples/hostile-handbook.html');

  // The hostile sheet did apply to the host page itself.
  await expect(handbook.title).toHaveCSS('font-size', '40px');

  for (const widget of [handbook.london, handbook.berlin]) {
    await expect(widget.location).toBeVisible();
    await expect(widget.figures).toHaveCount(3);
    await expect(widget.explorerLink).toBeVisible();
    for (const figure of await widget.figures.all()) {
      await expect(figure).toBeVisible();
      await expect(figure).not.toHaveCSS('color', 'rgba(0, 0, 0, 0)');
      await expect(figure).not.toHaveCSS('font-size', '40px');
    }
    await expect(widget.location).not.toHaveCSS('font-size', '40px');
  }
  expect(await handbook.london.bandData()).toEqual(LONDON_GRADE_12);

  await handbook.london.chooseLocation('Tokyo', 'Tokyo');
  await expect(handbook.london.band).toHaveAttribute('data-currency', 'JPY');
  await expect(handbook.london.figures.first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('destroy() empties a widget and leaves no listener firing; update() changes another', async ({ page }) => {
  const errors = collectErrors(page);
  const handbook = new HandbookPage(page);
  await handbook.open();
  const berlinBefore = await handbook.berlin.bandData();

  const after = await page.evaluate(async (moduleURL) => {
    const { widgets } = await import(moduleURL);
    const host = document.getElementById('widget-london');
    const input = host.shadowRoot.querySelector('input');
    widgets[0].destroy();

    const mutations = [];
    new MutationObserver((records) => mutations.push(...records)).observe(host, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    new MutationObserver((records) => mutations.push(...records)).observe(host.shadowRoot, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const thrown = [];
    const poke = (target) => {
      try {
        target.focus?.();
        target.dispatchEvent(new FocusEvent('focus'));
        target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'Tokyo' }));
        for (const key of ['ArrowDown', 'Enter', 'Escape']) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        }
        target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
        target.dispatchEvent(new FocusEvent('blur'));
      } catch (error) {
        thrown.push(String(error));
      }
    };
    input.value = 'Tokyo';
    poke(input);
    poke(host);
    try {
      widgets[0].update({ location: 'japan/tokyo' });
      widgets[0].destroy();
    } catch (error) {
      thrown.push(String(error));
    }
    // Two frames: time for any render a stray listener or scheduled update would make.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return {
      thrown,
      mutations: mutations.length,
      shadowChildren: host.shadowRoot.childNodes.length,
      inputConnected: input.isConnected,
    };
  }, handbook.widgetModuleURL());

  expect(after).toEqual({ thrown: [], mutations: 0, shadowChildren: 0, inputConnected: false });
  await expect(handbook.london.band).toHaveCount(0);
  await expect(handbook.london.location).toHaveCount(0);
  // The other widget is untouched by its neighbour's end.
  expect(await handbook.berlin.bandData()).toEqual(berlinBefore);

  await page.evaluate(async (moduleURL) => {
    const { widgets } = await import(moduleURL);
    widgets[1].update({ location: 'japan/tokyo' });
  }, handbook.widgetModuleURL());
  await expect(handbook.berlin.location).toHaveValue('Tokyo (Japan)');
  // update() changes what it names; the grade and the reference currency the host set stay.
  await expect(handbook.berlin.band).toHaveAttribute('data-currency', 'USD');
  await expect(handbook.berlin.band).not.toHaveAttribute('data-mid', String(berlinBefore.mid));
  expect(errors).toEqual([]);
});

test('mount(element, options) renders a band for the options on a new element', async ({ page }) => {
  const errors = collectErrors(page);
  const handbook = new HandbookPage(page);
  await handbook.open();

  await page.evaluate(async (moduleURL) => {
    const { mount } = await import(moduleURL);
    const element = document.createElement('section');
    element.id = 'widget-mounted';
    document.querySelector('main').append(element);
    window.mountedWidget = mount(element, {
      role: 'vp-strategy-developer-relations',
      grade: 12,
      location: 'united-kingdom/london-england',
    });
  }, handbook.widgetModuleURL());

  const mounted = new EmbeddedWidget(page.locator('#widget-mounted'));
  await expect(mounted.band).toBeVisible();
  expect(await mounted.bandData()).toEqual(LONDON_GRADE_12);
  await expect(mounted.location).toHaveValue('London, England (United Kingdom)');
  await expect(mounted.rate).toBeVisible();
  expect(errors).toEqual([]);
});

test('the iframe reports its height and the frame fits its content', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    window.reportedHeights = [];
    window.addEventListener('message', (event) => {
      if (event.data?.type === 'paygrade:height') window.reportedHeights.push(event.data.height);
    });
  });
  const handbook = new HandbookPage(page);
  await handbook.open();
  await expect(handbook.tokyo.band).toBeVisible();
  await expect(handbook.tokyo.band).toHaveAttribute('data-currency', 'JPY');

  const frame = page.frame({ url: /embed\.html/ });
  await expect
    .poll(async () => {
      const reported = await page.evaluate(() => window.reportedHeights.at(-1));
      const attribute = Number(await handbook.frame.getAttribute('height'));
      const content = await frame.evaluate(() => document.documentElement.scrollHeight);
      return reported === attribute && attribute > 200 && content <= attribute + 2;
    })
    .toBe(true);
  const height = Number(await handbook.frame.getAttribute('height'));
  const box = await handbook.frame.evaluate((el) => el.clientHeight);
  expect(box).toBe(height);
  expect(errors).toEqual([]);
});

test('the iframe follows its content as the page narrows and widens again', async ({ page }) => {
  const handbook = new HandbookPage(page);
  await handbook.open();
  await expect(handbook.tokyo.band).toBeVisible();
  const frameHeight = async () => Number(await handbook.frame.getAttribute('height'));
  await expect.poll(frameHeight).toBeGreaterThan(200);
  const wide = await frameHeight();

  // Narrow, the figures wrap and the widget grows; wide again, the frame shrinks back instead of keeping the space.
  await page.setViewportSize({ width: 360, height: 720 });
  await expect.poll(frameHeight).toBeGreaterThan(wide);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect.poll(frameHeight).toBe(wide);
});
