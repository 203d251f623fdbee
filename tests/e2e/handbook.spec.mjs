// Issue 12 on the shipped data: the role directory, levels in the URL, and one role page fetched per role.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DirectoryPage } from './fixtures/directory-page.mjs';
import { ExplorerPage } from './fixtures/explorer-page.mjs';
import { ManagerPage } from './fixtures/manager-page.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/gen_handbook.py', import.meta.url));

const BACKEND = 'engineering/backend-engineer';

test('the site opens on a directory grouped by department, and search filters as you type', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await directory.open();
  await expect(directory.department('Engineering').getByRole('link', { name: 'Backend Engineer' })).toBeVisible();
  await expect(directory.department('Sales').getByRole('link', { name: 'Account Executive' })).toBeVisible();
  await expect(directory.department('Other roles')).toContainText('Vice President');
  await expect(directory.department('Engineering')).toContainText('Staff Backend Engineer');
  await expect(directory.department('Engineering')).toContainText('Grade 8');
  expect(await directory.listedTitles()).toHaveLength(3);

  // By keyboard only: focus the box, type a level's word, tab to the one match and open it.
  await directory.search.focus();
  await page.keyboard.type('staff');
  await expect(directory.roleLinks).toHaveCount(1);
  await expect(directory.count).toHaveText('1 of 3 job families match "staff".');
  await expect(page).toHaveURL(/[?&]q=staff/);
  await page.keyboard.press('Tab');
  await expect(directory.roleLinks.first()).toBeFocused();
  await page.keyboard.press('Enter');
  const explorer = new ExplorerPage(page);
  await expect(explorer.title).toHaveText('Backend Engineer');
  await expect(page).toHaveURL(new RegExp(`[?&]role=${BACKEND}`));

  // Back returns to the directory with the search kept.
  await page.goBack();
  await expect(directory.search).toHaveValue('staff');
  await directory.search.fill('nothing like this');
  await expect(page.getByText('No job family matches.')).toBeVisible();
});

test('the level is chosen on the page, kept in the URL, and survives a reload', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await page.goto(`./?role=${BACKEND}`);
  await expect(explorer.title).toHaveText('Backend Engineer');
  const levels = page.getByRole('group', { name: 'Level' });
  await expect(levels.getByRole('radio')).toHaveCount(3);
  await expect(explorer.band).toHaveAttribute('data-grade', '6');
  await levels.getByRole('radio', { name: /Senior Backend Engineer/ }).check();
  await expect(explorer.band).toHaveAttribute('data-grade', '7');
  await expect(page).toHaveURL(/[?&]level=senior-backend-engineer/);
  await expect(explorer.payHeading).toHaveText(/^Pay for grade 7 in/);
  await expect(page.getByRole('region', { name: 'For a job ad' })).toContainText('Senior Backend Engineer');
  await page.reload();
  await expect(explorer.band).toHaveAttribute('data-grade', '7');
  await expect(levels.getByRole('radio', { name: /Senior Backend Engineer/ })).toBeChecked();

  // By position too, as a handbook might link it.
  await page.goto(`./?role=${BACKEND}&level=3`);
  await expect(explorer.band).toHaveAttribute('data-grade', '8');
});

test('opening one role fetches the tables, the index, that role page and the maintained rules only', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/data/')) fetched.push(path.slice('/data/'.length));
    if (path.startsWith('/rules/')) fetched.push(path.slice(1));
  });
  const explorer = new ExplorerPage(page);
  await page.goto(`./?role=${BACKEND}&level=2`);
  await expect(explorer.role).toBeVisible();
  expect(fetched.sort()).toEqual(
    ['currencies.csv', 'grades.csv', 'index.json', 'locations.csv', 'paygrade.json', `roles/${BACKEND}.md`,
      'equity.csv', 'benefits.csv', 'hiring.csv', 'payments.csv', 'rules/pay-rules.csv'].sort(),
  );
});

test('an old ?role=slug link still opens the role it named', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await page.goto('./?role=backend-engineer');
  await expect(explorer.title).toHaveText('Backend Engineer');
  await expect(explorer.notices).toHaveCount(0);
});

test('the directory has no axe violations', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await directory.open('?q=engineer');
  await expect(directory.roleLinks).toHaveCount(1);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test.describe('a whole handbook folder of the reader\'s own', () => {
  let folder;

  test.beforeAll(async () => {
    // 300 generated job families and 10,000 locations (several MB), listed by folder with no index, plus a
    // page saved in Latin-1 that must be reported, not silently changed.
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'paygrade-handbook-'));
    execFileSync('python3', [SCRIPT, folder, '--families', '300', '--locations', '10000']);
    const manifest = JSON.parse(await fs.readFile(path.join(folder, 'paygrade.json'), 'utf8'));
    delete manifest.index;
    await fs.writeFile(path.join(folder, 'paygrade.json'), JSON.stringify(manifest, null, 2));
    await fs.mkdir(path.join(folder, 'roles', 'legacy'), { recursive: true });
    await fs.writeFile(
      path.join(folder, 'roles', 'legacy', 'latin1.md'),
      Buffer.from('---\ntitle: Caf\xe9 Manager\ngrade: 6\n---\n', 'latin1'),
    );
  });

  test.afterAll(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('opens as a directory of every page, reports the non-UTF-8 file, and survives a reload', async ({ page }) => {
    const manager = new ManagerPage(page);
    const directory = new DirectoryPage(page);
    await directory.open();
    await manager.openFolder.setInputFiles(folder);
    await expect(manager.whoseData).toHaveText('Showing your own data folder, read from your disk; nothing was uploaded.');
    await expect(directory.count).toHaveText('300 job families.');
    await expect(manager.problems.getByRole('listitem')).toHaveText([/^roles\/legacy\/latin1\.md line 2: is not valid UTF-8 text/]);

    await page.reload();
    await expect(manager.whoseData).toHaveText('Showing your own data folder, read from your disk; nothing was uploaded.');
    await expect(directory.count).toHaveText('300 job families.');
    await expect(manager.problems.getByRole('listitem')).toHaveText([/latin1\.md line 2: is not valid UTF-8 text/]);
    await manager.forget.click();
    await expect(directory.count).toHaveText('3 job families.');
  });
});

test('a missing index is reported by name, and the roles the manifest names one by one still open', async ({ page }) => {
  await page.route('**/data/index.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const explorer = new ExplorerPage(page);
  await page.goto(`./?role=${BACKEND}`);
  await expect(explorer.title).toHaveText('Backend Engineer');
  await expect(page.getByRole('status').filter({ hasText: /in the data/ })).toContainText('index.json');
  await expect(page.getByText('this data folder lists no roles', { exact: false })).toHaveCount(0);
});

test('"Report this figure" links to the data\'s tracker pre-filled with the place, its factor, file, line and date', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open('?location=united-kingdom/london-england');
  const link = page.getByRole('link', { name: 'Report this figure' });
  const href = new URL(await link.getAttribute('href'));
  expect(href.origin + href.pathname).toBe('https://example.com/handbook/issues/new');
  expect(href.searchParams.get('title')).toBe('Pay figure for grade 12 in London, England (United Kingdom)');
  const body = href.searchParams.get('description');
  expect(body).toContain('Factor: 0.78 (locations.csv line ');
  expect(body).toContain('Data as of: 2026-11-01');
  // Each row of the every-location table has its own.
  await page.getByRole('searchbox', { name: 'Filter by country, area or zone' }).fill('london');
  const row = page.getByRole('link', { name: 'Report the figures for London, England' });
  expect(new URL(await row.getAttribute('href')).searchParams.get('title')).toBe('Pay figure for grade 12 in London, England (United Kingdom)');
});
