// A data folder made of the hostile corpus (tests/corpus/): the good rows still give a band, every
// bad file is listed with its line, and nothing in the data runs: no dialog, no script node, no
// event attribute, no javascript: or data: link.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));
const DATA = 'hostile-data/';

/// Every role page the hostile manifest (tests/corpus/dataset/hostile.json) loads, by slug.
const ROLES = [
  'script-tag',
  'onerror-attributes',
  'javascript-links',
  'data-links',
  'svg-payloads',
  'attribute-breakout',
  'svg-onload-alert-1',
];

/// Serves /hostile-data/paygrade.json from the hostile manifest and every other path from the corpus.
async function serveCorpus(page) {
  await page.route(`**/${DATA}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.split(`/${DATA}`)[1];
    const file = path === 'paygrade.json' ? 'dataset/hostile.json' : decodeURIComponent(path);
    if (file.includes('..')) return route.fulfill({ status: 404, body: 'not found' });
    try {
      const body = await readFile(CORPUS + file);
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
}

/// Before any page script: record every script, frame or object node added and every on* attribute set.
const WATCH_THE_DOM = () => {
  window.__hostile = { added: [], attributes: [] };
  // The page's own markup (index.html and its main.js) is parsed before this; watch what comes after.
  let parsed = false;
  document.addEventListener('DOMContentLoaded', () => {
    parsed = true;
  });
  const check = (node) => {
    if (!parsed || node.nodeType !== Node.ELEMENT_NODE) return;
    for (const element of [node, ...node.querySelectorAll('*')]) {
      const name = element.localName;
      if (['script', 'iframe', 'object', 'embed', 'frame', 'base'].includes(name)) {
        window.__hostile.added.push(`<${name}> ${element.getAttribute('src') || ''}`);
      }
      for (const attribute of element.getAttributeNames()) {
        if (attribute.toLowerCase().startsWith('on')) window.__hostile.attributes.push(`${name} ${attribute}`);
      }
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach(check);
      if (record.type === 'attributes' && record.attributeName.toLowerCase().startsWith('on')) {
        window.__hostile.attributes.push(`${record.target.localName} ${record.attributeName}`);
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
};

/// What the DOM holds now: scripts, event attributes and links with a script or data scheme.
async function domProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    // The page's own scripts: the boot script and the module, plus the pre-rendered page's JSON-LD (data,
    // never run).
    const ours = (s) => ['boot.js', 'main.js'].includes(s.getAttribute('src'))
      || (s.type === 'application/ld+json' && !s.hasAttribute('src'));
    const scripts = [...document.querySelectorAll('script')];
    if (!scripts.every(ours) || scripts.filter((s) => s.getAttribute('src') === 'main.js').length !== 1) {
      problems.push(`scripts: ${JSON.stringify(scripts.map((s) => s.outerHTML))}`);
    }
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.toLowerCase().startsWith('on')) problems.push(`${element.localName}[${attribute}]`);
      }
      if (['iframe', 'object', 'embed', 'img', 'frame', 'foreignObject'].includes(element.localName)) {
        problems.push(`<${element.localName}> element`);
      }
      // The page draws its own charts (class pg-…); an svg from the data would have none.
      if (element.localName === 'svg' && !/^pg-/.test(element.getAttribute('class') || '')) {
        problems.push('an <svg> that is not one of ours');
      }
    }
    for (const anchor of document.querySelectorAll('a[href]')) {
      if (!['http:', 'https:', 'mailto:'].includes(anchor.protocol)) problems.push(`a href=${anchor.getAttribute('href')}`);
    }
    problems.push(...window.__hostile.added.map((added) => `added ${added}`));
    problems.push(...window.__hostile.attributes.map((set) => `set ${set}`));
    return problems;
  });
}

test.beforeEach(async ({ page }) => {
  await serveCorpus(page);
  await page.addInitScript(WATCH_THE_DOM);
});

test('a hostile data folder still shows bands, lists each bad file with its line, and runs nothing', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  for (const role of ROLES) {
    await page.goto(`./?data=${DATA}&role=${role}`);
    await expect(page.getByRole('heading', { level: 1 }), role).toBeVisible();

    // The good rows: grade 12, the first location (France) and its EUR rate give a band.
    const band = page.locator('.pg-band');
    await expect(band, role).toHaveAttribute('data-currency', 'EUR');
    expect(Number(await band.getAttribute('data-mid')), role).toBeGreaterThan(0);

    // Every bad file is named with its line, and the markup in the data is shown as text.
    const problems = page.getByRole('status').filter({ hasText: 'problems in the data' });
    await expect(problems, role).toContainText('grades/nan.csv line 2, field "midpoint"');
    await expect(problems, role).toContainText('currencies/one-bad-row.csv line 4, field "per_usd"');
    await expect(problems, role).toContainText('role/not-utf8.md line 7');
    await expect(problems, role).toContainText('role/unclosed-front-matter.md line 1');
    await expect(page.getByRole('region', { name: /^Pay for grade 12 in/ }).getByRole('heading', { level: 2 }), role)
      .toContainText('<img src=x onerror=alert(1)>');

    expect(await domProblems(page), role).toEqual([]);
  }

  // The page's own text from the hostile pages, shown literally.
  await page.goto(`./?data=${DATA}&role=script-tag`);
  await expect(page.getByRole('region', { name: 'The role' }).getByText('<script>alert(1)</script>', { exact: true })).toBeVisible();
  await expect(page.getByText("<img src=x onerror=alert('notice')> Illustrative hostile data.")).toBeVisible();
  await page.goto(`./?data=${DATA}&role=javascript-links`);
  const links = page.getByRole('region', { name: 'The role' }).getByRole('link');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://example.com/safe');
  // A refused link keeps its text and loses its target.
  await expect(page.getByText('plain', { exact: true })).toBeVisible();

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('a data folder whose manifest climbs out with ../ fetches nothing outside it', async ({ page }) => {
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  // The last route registered is tried first.
  await page.route(`**/climb/**`, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.route(`**/climb/paygrade.json`, async (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: await readFile(CORPUS + 'manifest/dotdot.json') }),
  );
  await page.goto('./?data=climb/');
  const problems = page.getByRole('status').or(page.getByRole('alert'));
  await expect(problems.first()).toContainText(`path "../grades.csv" contains a '..' segment`);
  await expect(problems.first()).toContainText(`path "roles/../../secret.md" contains a '..' segment`);
  // `climb/../grades.csv` would be /grades.csv (the page itself preloads /data/grades.csv).
  expect(requested.filter((path) => path === '/grades.csv')).toEqual([]);
  expect(requested.filter((path) => path.includes('secret'))).toEqual([]);
  expect(await domProblems(page)).toEqual([]);
});
