// Issue 15: widgets at handbook scale. One load per data folder however many widgets use it, a `level`
// option, sync groups that follow one reader's choice, and destroy() that frees what the widgets held.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EmbeddedWidget } from './fixtures/handbook-page.mjs';

const LEVELS = 'examples/levels.html';
const MINI = fileURLToPath(new URL('../fixtures/mini/', import.meta.url));

/// Serves /second-data/ from tests/fixtures/mini and answers 404 for everything under /broken-data/.
async function serveOtherFolders(page) {
  await page.route('**/second-data/**', async (route) => {
    const file = new URL(route.request().url()).pathname.split('/second-data/')[1];
    try {
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: await readFile(MINI + file) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.route('**/broken-data/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
}

/// Every request for a data file, by path, counted.
function countDataRequests(page) {
  const counts = {};
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/(data|second-data|broken-data)\//.test(path)) counts[path] = (counts[path] || 0) + 1;
  });
  return counts;
}

test('level widgets show each level, and a synced group follows a choice made in any member', async ({ page }) => {
  await page.goto(LEVELS);
  const widget = (id) => new EmbeddedWidget(page.locator(`#widget-${id}`));
  const [intermediate, senior, staff, alone] = ['intermediate', 'senior', 'staff', 'alone'].map(widget);
  await expect(intermediate.band).toHaveAttribute('data-grade', '6');
  await expect(senior.band).toHaveAttribute('data-grade', '7');
  await expect(staff.band).toHaveAttribute('data-grade', '8');
  await expect(alone.band).toHaveAttribute('data-grade', '7');
  await expect(page.locator('#widget-senior')).toContainText('Senior Backend Engineer');
  const before = await page.evaluate(() => ({ href: location.href, history: history.length }));

  await senior.chooseLocation('Berlin', 'Berlin');
  for (const member of [intermediate, senior, staff]) {
    await expect(member.location).toHaveValue('Berlin (Germany)');
    await expect(member.band).toHaveAttribute('data-currency', 'EUR');
  }
  await expect(alone.location).not.toHaveValue('Berlin (Germany)');

  // A choice in another member moves the group again, currency included; the unsynced widget stays.
  await staff.chooseLocation('Tokyo', 'Tokyo');
  await expect(intermediate.location).toHaveValue('Tokyo (Japan)');
  await expect(senior.band).toHaveAttribute('data-currency', 'JPY');
  await alone.chooseLocation('Paris', 'Paris');
  await expect(senior.location).toHaveValue('Tokyo (Japan)');

  // Nothing of it reached the host's URL, history or storage.
  expect(await page.evaluate(() => ({ href: location.href, history: history.length }))).toEqual(before);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

test('an unknown level falls back to the first, with a notice inside the widget', async ({ page }) => {
  await page.goto(LEVELS);
  await expect(page.locator('#widget-senior .pg-band')).toBeVisible();
  await page.evaluate(async () => {
    const { mount } = await import('/widget.js');
    const host = document.createElement('div');
    host.id = 'widget-unknown';
    document.querySelector('main').append(host);
    window.__unknown = mount(host, { role: 'engineering/backend-engineer', level: 'principal' });
  });
  const unknown = page.locator('#widget-unknown');
  await expect(unknown.locator('.pg-band')).toHaveAttribute('data-grade', '6');
  await expect(unknown).toContainText('The link asked for the level "principal"');
  // update({ level }) moves it, like any other option.
  await page.evaluate(() => window.__unknown.update({ level: 'staff-backend-engineer' }));
  await expect(unknown.locator('.pg-band')).toHaveAttribute('data-grade', '8');
});

test('20 widgets over two folders make one request per file per folder; a failing folder affects only its own', async ({ page, baseURL }) => {
  await serveOtherFolders(page);
  await page.goto(LEVELS);
  await expect(page.locator('#widget-staff .pg-band')).toBeVisible();
  const counts = countDataRequests(page);
  const before = await page.evaluate(async () => (await import('/pkg/paygrade.js')).loadStats('').fetches);

  await page.evaluate(async () => {
    const { mount } = await import('/widget.js');
    window.__many = [];
    // The mini fixture has no JPY rate, so its widgets are placed where it has bands.
    const places = ['united-kingdom/london-england', 'france/all'];
    for (let i = 0; i < 20; i += 1) {
      const host = document.createElement('div');
      host.className = 'many';
      host.dataset.folder = i % 2 ? 'second' : 'shipped';
      document.querySelector('main').append(host);
      const options = i % 2
        ? { data: '/second-data/', role: 'engineer', location: places[Math.floor(i / 2) % 2] }
        : { role: 'engineering/backend-engineer', level: String((i % 3) + 1) };
      window.__many.push(mount(host, options));
    }
    const broken = document.createElement('div');
    broken.id = 'broken';
    document.querySelector('main').append(broken);
    window.__many.push(mount(broken, { data: '/broken-data/', role: 'x' }));
  });
  await expect(page.locator('.many .pg-band')).toHaveCount(20);
  await expect(page.locator('#broken')).toContainText('could not be fetched');
  await expect(page.locator('#widget-staff .pg-band')).toBeVisible();

  // The shipped folder was loaded already by the page's own widgets: the 10 new ones fetched nothing of it.
  const shipped = Object.keys(counts).filter((path) => path.startsWith('/data/'));
  expect(shipped).toEqual([]);
  const second = Object.entries(counts).filter(([path]) => path.startsWith('/second-data/'));
  expect(second.map(([path]) => path).sort()).toEqual(
    ['paygrade.json', 'grades.csv', 'locations.csv', 'currencies.csv', 'roles/engineer.md', 'roles/ungraded.md', 'roles/off-ladder.md', 'roles/missing.md']
      .map((file) => `/second-data/${file}`)
      .sort(),
  );
  for (const [path, count] of Object.entries(counts)) expect(count, path).toBe(1);
  const after = await page.evaluate(async () => (await import('/pkg/paygrade.js')).loadStats('').fetches);
  expect(after - before).toBe(second.length + 1);
});

test('destroy() of every widget leaves no sync group and frees the dataset; mounting again does not grow memory', async ({ page, baseURL }) => {
  await page.goto(LEVELS);
  await expect(page.locator('#widget-staff .pg-band')).toBeVisible();
  const base = new URL('data/', baseURL).href;
  const stats = () => page.evaluate(async (base) => (await import('/pkg/paygrade.js')).loadStats(base), base);
  expect(await stats()).toMatchObject({ cached: true, syncGroups: 1 });

  const mountTwenty = () =>
    page.evaluate(async () => {
      const { mount, widgets } = await import('/widget.js');
      window.__all = window.__all || [...widgets];
      for (let i = 0; i < 20; i += 1) {
        const host = document.createElement('div');
        host.className = 'again';
        document.querySelector('main').append(host);
        window.__all.push(mount(host, { role: 'engineering/backend-engineer', level: String((i % 3) + 1), sync: 'many' }));
      }
    });
  const destroyAll = () =>
    page.evaluate(() => {
      for (const handle of window.__all) handle.destroy();
      window.__all = [];
      document.querySelectorAll('.again').forEach((host) => host.remove());
    });
  const memory = () => page.evaluate(async () => (await import('/pkg/paygrade.js')).wasmMemoryBytes());

  await mountTwenty();
  await expect(page.locator('.again .pg-band')).toHaveCount(20);
  const peak = await memory();
  await destroyAll();
  await expect.poll(stats).toMatchObject({ cached: false, syncGroups: 0 });
  await expect(page.locator('.pg-band')).toHaveCount(0);

  await mountTwenty();
  await expect(page.locator('.again .pg-band')).toHaveCount(20);
  expect(await memory()).toBeLessThanOrEqual(peak);
});
