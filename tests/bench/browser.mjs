// Browser timings for `cargo xtask bench`: cold load against a static copy of the same view, location
// changes, and keystrokes over the 10,000-row table. Prints one JSON object on stdout.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.PAYGRADE_URL;
const distDir = process.env.PAYGRADE_DIST;
const runs = Number(process.env.PAYGRADE_BENCH_RUNS || 10);
if (!base || !distDir) throw new Error('run through `cargo xtask bench`');

const VIEW = '?location=united-kingdom/london-england';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

// Records when the first band is in the DOM and painted, from navigation start.
const FIRST_BAND = () => {
  window.__firstBand = new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('.pg-band')) {
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  });
};

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(FIRST_BAND);
  return { context, page };
}

async function coldLoad(url) {
  const { context, page } = await freshPage();
  await page.goto(url);
  const ms = await page.evaluate(() => window.__firstBand);
  await context.close();
  return ms;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

// The lower bound: the same view saved as static HTML, no script.
async function saveStaticCopy() {
  const { context, page } = await freshPage();
  await page.goto(base + VIEW);
  await page.evaluate(() => window.__firstBand);
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel=modulepreload]').forEach((node) => node.remove());
    return '<!doctype html>\n' + copy.outerHTML;
  });
  writeFileSync(`${distDir}/bench-static.html`, html);
  await context.close();
}

async function memoryAfterLoad(url) {
  const { context, page } = await freshPage();
  await page.goto(url);
  await page.evaluate(() => window.__firstBand);
  const bytes = await page.evaluate(async () => (await import('/pkg/paygrade.js')).wasmMemoryBytes());
  await context.close();
  return bytes;
}

// Times, inside the page, from the next key press to the next change of `selector`'s element:
// the result arrives in window.__keyToChange.
async function armKeyTimer(page, selector, observed) {
  await page.evaluate(([selector, observed]) => {
    const target = document.querySelector(selector);
    window.__keyToChange = new Promise((resolve) => {
      const start = { t: 0 };
      document.addEventListener('keydown', () => { start.t = performance.now(); }, { capture: true, once: true });
      new MutationObserver((records, observer) => {
        observer.disconnect();
        resolve(performance.now() - start.t);
      }).observe(target, observed);
    });
  }, [selector, observed]);
}

// From a real key press to the band's figures changing.
async function locationChanges(count) {
  const { context, page } = await freshPage();
  await page.goto(base + VIEW);
  await page.evaluate(() => window.__firstBand);
  const input = page.getByRole('combobox', { name: 'Location', exact: true });
  const places = ['berlin', 'tokyo', 'london', 'toronto'];
  const times = [];
  for (let i = 0; i < count; i += 1) {
    await input.fill(places[i % places.length]);
    await armKeyTimer(page, '.pg-band', { attributes: true, attributeFilter: ['data-mid'] });
    await input.press('Enter');
    times.push(await page.evaluate(() => window.__keyToChange));
  }
  await context.close();
  return times;
}

// From a key press in the table filter to the row count changing, over 10,000 locations. Each letter is
// typed into an empty filter and then deleted, so every key press changes the count.
async function filterKeystrokes(url, letters) {
  const { context, page } = await freshPage();
  await page.goto(url);
  await page.evaluate(() => window.__firstBand);
  const filter = page.getByLabel('Filter by country, area or zone');
  await filter.focus();
  const times = [];
  for (const key of [...letters].flatMap((letter) => [letter, 'Backspace'])) {
    await armKeyTimer(page, '.pg-row-count', { childList: true, characterData: true, subtree: true });
    await page.keyboard.press(key);
    times.push(await Promise.race([
      page.evaluate(() => window.__keyToChange),
      new Promise((resolve) => setTimeout(() => resolve(null), 2000)),
    ]));
  }
  await context.close();
  return times.filter((t) => t !== null);
}

const big = base + 'index.html?data=bench-data/';
await saveStaticCopy();
const app = [];
const staticPage = [];
for (let i = 0; i < runs; i += 1) {
  app.push(await coldLoad(base + VIEW));
  staticPage.push(await coldLoad(base + 'bench-static.html'));
}
const bigLoad = [];
for (let i = 0; i < runs; i += 1) bigLoad.push(await coldLoad(big));
const result = {
  cold_load_app_ms: stats(app),
  cold_load_static_ms: stats(staticPage),
  location_change_ms: stats(await locationChanges(Math.max(40, runs * 4))),
  keystroke_filter_10k_ms: stats(await filterKeystrokes(big, 'kmvtrsdlpgznbcfhjwy')),
  load_validate_10k_ms: stats(bigLoad),
  memory_shipped_bytes: await memoryAfterLoad(base + VIEW),
  memory_10k_bytes: await memoryAfterLoad(big),
};
await browser.close();
console.log(JSON.stringify(result));
