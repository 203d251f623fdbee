// Browser timings for whole handbooks and widgets at scale (`cargo xtask bench`): the first band of one role
// among 400 job families against among one, the directory's keystroke filter over 400 families, 1 against
// 20 widgets on a page (requests, time to every live band, wasm memory), and on the mobile profile a
// widget's first band (the build's figures, before the wasm) against the standalone page's. Prints one JSON
// object.
import { writeFileSync } from 'node:fs';
import { keystrokesToChange, launch, mobileContext, stats } from './common.mjs';

const base = process.env.PAYGRADE_URL;
const distDir = process.env.PAYGRADE_DIST;
const runs = Number(process.env.PAYGRADE_BENCH_RUNS || 10);
const manyRole = process.env.PAYGRADE_BENCH_ROLE;
const oneRole = process.env.PAYGRADE_BENCH_ONE_ROLE;
if (!base || !distDir || !manyRole || !oneRole) throw new Error('run through `cargo xtask bench`');

const browser = await launch();


// Resolves window.__bands with the time (from navigation start) at which `count` visible bands are painted,
// looking inside widgets' shadow roots too: the wasm's alone (`live`), or a widget's stand-in too.
const WAIT_FOR_BANDS = ([count, live]) => {
  window.__bands = new Promise((resolve) => {
    const inWidget = live ? '.pg-widget-root:not([data-pg-standin]) .pg-band' : '.pg-band';
    const visible = (root, selector) => [...root.querySelectorAll(selector)]
      .filter((band) => band.checkVisibility()).length;
    const seen = () => {
      let found = visible(document, '.pg-band');
      for (const host of document.querySelectorAll('[data-paygrade-role], paygrade-band')) {
        found += host.shadowRoot ? visible(host.shadowRoot, inWidget) : 0;
      }
      return found;
    };
    const tick = () => {
      if (seen() >= count) requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(tick);
    };
    tick();
  });
};

async function freshPage(bands) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(WAIT_FOR_BANDS, [bands, true]);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  return { context, page, requests };
}

/// Navigation to `count` bands painted, in ms, and the data files fetched.
async function timeToBands(url, count) {
  const { context, page, requests } = await freshPage(count);
  await page.goto(url);
  const ms = await page.evaluate(() => window.__bands);
  const memory = await page.evaluate(async () => (await import('/pkg/paygrade.js')).wasmMemoryBytes());
  await context.close();
  // The wasm's data files apart from the build's figures (a widget's stand-in reads its grade's file, one
  // per grade on the page); no file may be fetched twice either way.
  const data = requests.filter((path) => !/\.(js|wasm|css|html)$/.test(path) && path !== '/');
  const figures = data.filter((path) => path.includes('/figures/'));
  return {
    ms,
    memory,
    dataRequests: data.length - figures.length,
    figuresRequests: figures.length,
    repeatedRequests: data.length - new Set(data).size,
  };
}

// The first band of one role: in a folder of 400 job families, and in a folder of one, taken in turns.
const many = [];
const one = [];
let requests400 = 0;
let requests1 = 0;
for (let i = 0; i < runs; i += 1) {
  const a = await timeToBands(`${base}index.html?data=bench-handbook/&role=${manyRole}`, 1);
  const b = await timeToBands(`${base}index.html?data=bench-handbook-one/&role=${oneRole}`, 1);
  many.push(a.ms);
  one.push(b.ms);
  requests400 = a.dataRequests;
  requests1 = b.dataRequests;
}

// The directory's search over 400 job families: key press to the count line changing.
async function directoryKeystrokes(letters) {
  const { context, page } = await freshPage(0);
  await page.goto(`${base}index.html?data=bench-handbook/`);
  const search = page.getByRole('searchbox', { name: 'Search roles, levels and departments' });
  await search.waitFor();
  await search.focus();
  const times = await keystrokesToChange(page, '#pg-directory-count', letters);
  await context.close();
  return times;
}

// A host page with `n` widgets over the shipped data, at different places and levels.
function widgetPage(n) {
  const places = ['united-kingdom/london-england', 'germany/berlin', 'japan/tokyo', 'france/paris', 'canada/toronto-ontario'];
  const hosts = Array.from({ length: n }, (_, i) =>
    `<div data-paygrade-role="engineering/backend-engineer" data-paygrade-level="${(i % 3) + 1}" data-paygrade-location="${places[i % places.length]}"></div>`);
  const file = `bench-widgets-${n}.html`;
  writeFileSync(`${distDir}/${file}`, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${n} widgets</title>
<script type="module" src="widget.js"></script></head><body>\n${hosts.join('\n')}\n</body></html>\n`);
  return `${base}${file}`;
}

const widgets = {};
for (const n of [1, 20]) {
  const url = widgetPage(n);
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push(await timeToBands(url, n));
  widgets[n] = {
    all_bands_ms: stats(samples.map((s) => s.ms)),
    data_requests: samples[samples.length - 1].dataRequests,
    figures_requests: samples[samples.length - 1].figuresRequests,
    repeated_requests: Math.max(...samples.map((sample) => sample.repeatedRequests)),
    memory_bytes: stats(samples.map((s) => s.memory)).median,
  };
}

/// One cold load on the mobile profile: ms from navigation to the first visible band, a widget's stand-in
/// included (`live` false) or the wasm's alone.
async function mobileFirstBand(url, live) {
  const { context, page } = await mobileContext(browser);
  await page.addInitScript(WAIT_FOR_BANDS, [1, live]);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate(() => window.__bands);
  await context.close();
  return ms;
}

// One widget for a role's level on a handbook page, against that level's pre-rendered page, in turns (which
// goes first alternates); and the same widget's live band (the wasm's), for what the stand-in saves.
const WIDGET_ROLE = 'engineering/backend-engineer';
const WIDGET_LEVEL = 'senior-backend-engineer';
const mobileWidgetFile = 'bench-widget-mobile.html';
writeFileSync(`${distDir}/${mobileWidgetFile}`, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A handbook page</title>
<script type="module" src="widget.js"></script></head><body><h1>Senior Backend Engineer</h1>
<paygrade-band job="${WIDGET_ROLE}" level="${WIDGET_LEVEL}"></paygrade-band></body></html>\n`);
const widgetFirst = [];
const standaloneFirst = [];
const widgetLive = [];
for (let i = 0; i < Math.max(3, Math.round(runs / 2)); i += 1) {
  const widget = () => mobileFirstBand(`${base}${mobileWidgetFile}`, false);
  const standalone = () => mobileFirstBand(`${base}roles/${WIDGET_ROLE}/${WIDGET_LEVEL}/`, false);
  if (i % 2 === 0) {
    widgetFirst.push(await widget());
    standaloneFirst.push(await standalone());
  } else {
    standaloneFirst.push(await standalone());
    widgetFirst.push(await widget());
  }
  widgetLive.push(await mobileFirstBand(`${base}${mobileWidgetFile}`, true));
}

const result = {
  mobile_widget_first_band_ms: stats(widgetFirst),
  mobile_standalone_first_band_ms: stats(standaloneFirst),
  mobile_widget_live_band_ms: stats(widgetLive),
  mobile_widget_vs_standalone_ratio: stats(widgetFirst).median / Math.max(0.001, stats(standaloneFirst).median),
  first_band_400_families_ms: stats(many),
  first_band_1_family_ms: stats(one),
  first_band_400_vs_1_ratio: stats(many).median / Math.max(0.001, stats(one).median),
  data_requests_400_families: requests400,
  data_requests_1_family: requests1,
  directory_keystroke_400_ms: stats(await directoryKeystrokes('sqemtrladivn')),
  widgets_1: widgets[1],
  widgets_20: widgets[20],
};
await browser.close();
console.log(JSON.stringify(result));
