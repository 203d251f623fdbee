// Browser timings for `cargo xtask bench`: cold loads on Lighthouse's mobile profile against a static copy
// of the same page (a role's own page, and a deep link with a location), how soon the location picker
// responds on that profile, and location changes and keystrokes over the 10,000-row table, each paired
// with a plain-JavaScript anchor in the same page. Prints one JSON object on stdout.
import { writeFileSync } from 'node:fs';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import {
  armKeyTimer, installAnchor, launch, mobileContext, pairedKeystrokes, stats,
} from './common.mjs';

const base = process.env.PAYGRADE_URL;
const distDir = process.env.PAYGRADE_DIST;
const runs = Number(process.env.PAYGRADE_BENCH_RUNS || 10);
if (!base || !distDir) throw new Error('run through `cargo xtask bench`');

const VIEW = '?location=united-kingdom/london-england';
const ROLE = process.env.PAYGRADE_BENCH_ROLE || 'roles/vp-strategy-developer-relations/';
const browser = await launch();

// Records the first animation frame in which a band is visible (a pre-rendered page may hold one hidden
// while a deep link's figures arrive), from navigation start; with `currency`, only a band in it counts.
const FIRST_BAND = (currency) => {
  window.__firstBand = new Promise((resolve) => {
    const frame = (now) => {
      const band = document.querySelector('.pg-band');
      if (band && band.checkVisibility({ visibilityProperty: true })
        && (!currency || band.dataset.currency === currency)) {
        // This frame paints it; the next frame starts once that paint is done.
        requestAnimationFrame((painted) => resolve(painted));
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
};

async function freshPage(currency) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(FIRST_BAND, currency);
  return { context, page };
}

/// Waits for the first band and, on a pre-rendered page, for the live explorer to take it over.
async function ready(page) {
  await page.evaluate(() => window.__firstBand);
  await page.locator('#paygrade:not([data-pg-prerendered]), #paygrade[data-pg-live]').waitFor({ state: 'attached' });
}

/// One cold load on the mobile profile: ms to the first visible band (in `currency`) and the bytes that
/// crossed the wire (encoded, headers included) before it.
async function mobileLoad(url, currency) {
  const { context, page } = await mobileContext(browser);
  await page.addInitScript(FIRST_BAND, currency);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate(() => window.__firstBand);
  const bytes = await page.evaluate((until) => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return entries.filter((e) => e.responseEnd <= until).reduce((sum, e) => sum + e.transferSize, 0);
  }, ms);
  const encodings = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.wasm')).map((e) => e.encodedBodySize < e.decodedBodySize));
  await context.close();
  // At most one wasm request: the preload is the response `init` compiles, not a second download.
  return { ms, bytes, compressedWasm: encodings.length <= 1 && encodings.every(Boolean) };
}

// Records the first animation frame in which the band's section names `place` (from navigation start).
const BAND_AT = (place) => {
  window.__bandAt = new Promise((resolve) => {
    const frame = () => {
      const band = document.querySelector('.pg-band');
      const title = document.getElementById('pg-pay-title');
      if (band && title && title.textContent.includes(place) && band.checkVisibility({ visibilityProperty: true })) {
        requestAnimationFrame((painted) => resolve(painted));
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
};

/// One cold load on the mobile profile: ms from navigation start until a location chosen in the picker the
/// moment a live one exists (the static copy's picker is inert until the wasm takes over) is in the band.
async function pickerResponse(url) {
  const { context, page } = await mobileContext(browser);
  await page.addInitScript(BAND_AT, 'Tokyo');
  await page.goto(url, { waitUntil: 'commit' });
  const picker = page.locator('#paygrade:not([data-pg-prerendered]), #paygrade[data-pg-live]')
    .getByRole('combobox', { name: 'Location', exact: true });
  await picker.fill('tokyo', { timeout: 60000 });
  await picker.press('Enter');
  const ms = await page.evaluate(() => window.__bandAt);
  await context.close();
  return ms;
}

/// `pickerResponse` for each of `paths`, taken in turn `count` times; stats per path.
async function pickerResponses(paths, count) {
  const times = paths.map(() => []);
  for (let i = 0; i < count; i += 1) {
    for (const [n, path] of paths.entries()) times[n].push(await pickerResponse(base + path));
  }
  return times.map(stats);
}

/// A static copy of what `path` shows once live: the same DOM with no script, saved beside it (so its
/// relative links resolve) with the .br and .gz copies a build writes.
async function saveStaticCopy(path, name) {
  const { context, page } = await freshPage();
  await page.goto(base + path);
  await ready(page);
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((node) => node.remove());
    copy.removeAttribute('class');
    return '<!doctype html>\n' + copy.outerHTML;
  });
  const folder = path.split('?')[0].replace(/[^/]*$/, '');
  const file = `${distDir}/${folder}${name}`;
  writeFileSync(file, html);
  writeFileSync(`${file}.br`, brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${file}.gz`, gzipSync(html, { level: 9 }));
  await context.close();
  return folder + name;
}

/// Paired cold loads on the mobile profile, the app's page then its static copy, alternating which goes
/// first; medians and the ratio of medians.
async function pairedMobile(path, staticPath, currency, count) {
  const app = [];
  const copy = [];
  for (let i = 0; i < count; i += 1) {
    const pair = i % 2 === 0
      ? [await mobileLoad(base + path, currency), await mobileLoad(base + staticPath, currency)]
      : [await mobileLoad(base + staticPath, currency), await mobileLoad(base + path, currency)].reverse();
    app.push(pair[0]);
    copy.push(pair[1]);
  }
  const appMs = stats(app.map((r) => r.ms));
  const staticMs = stats(copy.map((r) => r.ms));
  return {
    app_ms: appMs,
    static_ms: staticMs,
    ratio: appMs.median / staticMs.median,
    app_bytes_before_band: stats(app.map((r) => r.bytes)),
    static_bytes_before_band: stats(copy.map((r) => r.bytes)),
    wasm_compressed: app.every((r) => r.compressedWasm),
  };
}


async function memoryAfterLoad(url) {
  const { context, page } = await freshPage();
  await page.goto(url);
  await ready(page);
  const bytes = await page.evaluate(async () => (await import('/pkg/paygrade.js')).wasmMemoryBytes());
  await context.close();
  return bytes;
}


/// Each figure with its anchor's, and the ratio their budget reads: p95 over p95, from the same run.
function paired(app, anchor) {
  const appStats = stats(app);
  const anchorStats = stats(anchor);
  return { app: appStats, anchor: anchorStats, ratio_p95: appStats.p95 / anchorStats.p95 };
}

// From a real key press to the band's figures changing, each change paired with the anchor choosing the
// same place over the same table (the shipped locations) and rendering a table page of 50 rows.
async function locationChanges(count) {
  const { context, page } = await freshPage();
  await page.goto(base + ROLE + VIEW);
  await ready(page);
  await installAnchor(page, `${base}data/locations.csv`, 50);
  const input = page.getByRole('combobox', { name: 'Location', exact: true });
  const anchorInput = page.locator('#bench-anchor-input');
  const places = ['berlin', 'tokyo', 'london', 'toronto'];
  const app = [];
  const anchor = [];
  const timeApp = async (place) => {
    await input.fill(place);
    await armKeyTimer(page, '.pg-band', { attributes: true, attributeFilter: ['data-mid'] });
    await input.press('Enter');
    app.push(await page.evaluate(() => window.__keyToChange));
  };
  const timeAnchor = async (place) => {
    await anchorInput.fill(place);
    await armKeyTimer(page, '#bench-anchor-band', { childList: true, subtree: true });
    await anchorInput.press('Enter');
    anchor.push(await page.evaluate(() => window.__keyToChange));
  };
  for (let i = 0; i < count; i += 1) {
    const place = places[i % places.length];
    if (i % 2 === 0) {
      await timeApp(place);
      await timeAnchor(place);
    } else {
      await timeAnchor(place);
      await timeApp(place);
    }
  }
  await context.close();
  return paired(app, anchor);
}

// From a key press in the table filter to the row count changing, over 10,000 locations, each press paired
// with the same press in the anchor over the same file. Each letter is typed into an empty filter and then
// deleted, so every key press changes the count.
async function filterKeystrokes(url, letters) {
  const { context, page } = await freshPage();
  await page.goto(url);
  await ready(page);
  await installAnchor(page, `${base}bench-data/locations.csv`, 50);
  const [app, anchor] = await pairedKeystrokes(page, [
    { input: '#pg-table-filter', changed: '.pg-row-count' },
    { input: '#bench-anchor-input', changed: '#bench-anchor-count' },
  ], letters);
  await context.close();
  return paired(app, anchor);
}

// The root shows the role directory; a role in the link opens its page over the 10,000-row folder.
const big = base + 'index.html?data=bench-data/&role=vp-strategy-developer-relations';
const pairs = Number(process.env.PAYGRADE_BENCH_PAIRS || Math.max(7, runs));
const ownStatic = await saveStaticCopy(ROLE, 'bench-static.html');
const deepStatic = await saveStaticCopy(ROLE + VIEW, 'bench-static-deep.html');
const mobileOwn = await pairedMobile(ROLE, ownStatic, 'USD', pairs);
const mobileDeep = await pairedMobile(ROLE + VIEW, deepStatic, 'GBP', pairs);
// A link bands.json cannot answer (another grade): its band stays hidden until the wasm has it, which is
// what hiding every deep link's band until the wasm would cost.
const WASM_ONLY = `?grade=10&location=united-kingdom/london-england`;
const wasmOnlyStatic = await saveStaticCopy(ROLE + WASM_ONLY, 'bench-static-wasm-only.html');
const mobileWasmOnly = await pairedMobile(ROLE + WASM_ONLY, wasmOnlyStatic, 'GBP', pairs);
const bigLoad = [];
for (let i = 0; i < runs; i += 1) {
  const { context, page } = await freshPage();
  await page.goto(big);
  bigLoad.push(await page.evaluate(() => window.__firstBand));
  await context.close();
}
const [pickerRolePage, pickerWasmOnly] = await pickerResponses([ROLE, ROLE + WASM_ONLY], pairs);
const result = {
  mobile_role_page: mobileOwn,
  mobile_deep_link: mobileDeep,
  mobile_deep_link_wasm_only: mobileWasmOnly,
  mobile_picker_responds_role_page_ms: pickerRolePage,
  mobile_picker_responds_wasm_only_ms: pickerWasmOnly,
  location_change: await locationChanges(Math.max(40, runs * 4)),
  keystroke_filter_10k: await filterKeystrokes(big, 'kmvtrsdlpgznbcfhjwy'),
  load_validate_10k_ms: stats(bigLoad),
  memory_shipped_bytes: await memoryAfterLoad(base + ROLE + VIEW),
  memory_10k_bytes: await memoryAfterLoad(big),
};
await browser.close();
console.log(JSON.stringify(result));
