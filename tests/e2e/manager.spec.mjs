// Issue 5, for hiring managers: the every-location table, its CSV export, the job-ad snippets, and the
// reader's own data read from disk (never uploaded), against the shipped data.
import { test, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManagerPage } from './fixtures/manager-page.mjs';

const LONDON = 'united-kingdom/london-england';
const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
const CSV_HEADER = 'id,country,area,zone,hiring,factor,currency,min,mid,max,variable,equity_year,benefits_year,total_year,pay_rules,as_posted,ad_needs,ad_problem';
// Variable 61,500, equity 15,000 units × 24 USD × 0.75 GBP ÷ 4 = 67,500, benefits 7,200, total 381,900 (core_table.rs works it out).
const LONDON_ROW = 'united-kingdom/london-england,United Kingdom,"London, England",EMEA,yes,0.78,GBP,196600,245700,294900,61500,67500,7200,381900,,no rule,,';
const LOCATIONS_HEADER = 'country,area,factor,currency,zone,hiring';

/// A locations.csv as an in-memory file for an <input type=file>.
function csvFile(name, lines) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}

/// Every request the page makes from now on.
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test.describe('every location', () => {
  test('sorting by Maximum puts the highest-paid place first and marks the column', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open();
    await expect(manager.columnHeader('Country')).toHaveAttribute('aria-sort', 'ascending');
    await expect(manager.columnHeader('Maximum')).toHaveAttribute('aria-sort', 'none');
    await expect(manager.bodyRows.first()).toContainText('Argentina');

    await manager.sortButton('Maximum').click();
    await expect(manager.columnHeader('Maximum')).toHaveAttribute('aria-sort', 'ascending');
    await expect(manager.columnHeader('Country')).toHaveAttribute('aria-sort', 'none');
    await manager.sortButton('Maximum').click();
    await expect(manager.columnHeader('Maximum')).toHaveAttribute('aria-sort', 'descending');
    expect(manager.params().get('sort')).toBe('max-desc');
    // Francs, dollars and pounds mix in this column: it sorts by pay in the reference currency, so Zurich
    // (the highest factor, 1.04) leads, and the factors never rise down the page.
    await expect(manager.bodyRows.first().getByRole('cell').nth(1)).toHaveText('Zurich');
    const headers = await manager.table.getByRole('columnheader').allTextContents();
    const factorColumn = headers.findIndex((text) => text.startsWith('Factor')) + 1;
    const factors = (await manager.bodyRows.locator(`td:nth-child(${factorColumn})`).allTextContents()).map(Number);
    expect(factors).toHaveLength(50);
    expect(factors).toEqual([...factors].sort((a, b) => b - a));
  });

  test('typing a filter narrows the rows and the count; hiring-only drops China; both survive a reload', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open();
    await expect(manager.rowCount).toHaveText(/^225 of 225 locations/);
    await expect(manager.pager).toContainText('Page 1 of 5');

    await manager.filter.fill('apac');
    const apac = await manager.rowCount.textContent();
    const apacCount = Number(apac.match(/^(\d+) of 225 locations/)[1]);
    expect(apacCount).toBeGreaterThan(4);
    expect(apacCount).toBeLessThan(225);
    await expect(manager.row('Beijing')).toHaveCount(1);
    await expect(manager.row('Zurich')).toHaveCount(0);

    await manager.filter.fill('china');
    await expect(manager.rowCount).toHaveText('4 of 225 locations');
    await expect(manager.bodyRows).toHaveCount(4);
    await expect(manager.pager).toBeHidden();

    await manager.filter.fill('apac');
    await manager.hiringOnly.check();
    await expect(manager.rowCount).toHaveText(`${apacCount - 4} of 225 locations`);
    await expect(manager.bodyRows.filter({ hasText: 'China' })).toHaveCount(0);
    await expect(manager.row('Tokyo')).toHaveCount(1);
    await manager.sortButton('Factor').click();
    await expect(manager.columnHeader('Factor')).toHaveAttribute('aria-sort', 'ascending');

    await expect.poll(() => manager.params().get('filter')).toBe('apac');
    expect(manager.params().get('hiring')).toBe('yes');
    expect(manager.params().get('sort')).toBe('factor');

    await page.reload();
    await expect(manager.filter).toHaveValue('apac');
    await expect(manager.hiringOnly).toBeChecked();
    await expect(manager.columnHeader('Factor')).toHaveAttribute('aria-sort', 'ascending');
    await expect(manager.rowCount).toHaveText(`${apacCount - 4} of 225 locations`);
    await expect(manager.bodyRows.filter({ hasText: 'China' })).toHaveCount(0);

    await manager.hiringOnly.uncheck();
    await expect(manager.rowCount).toHaveText(`${apacCount} of 225 locations`);
    await expect.poll(() => manager.params().has('hiring')).toBe(false);
  });

  test('the pager walks the rows 50 at a time and keeps its page in the link', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open();
    const first = await manager.bodyRows.first().textContent();
    await manager.pager.getByRole('button', { name: 'Next' }).click();
    await expect(manager.pager).toContainText('Page 2 of 5');
    await expect(manager.rowCount).toHaveText(/showing 51–100$/);
    await expect(manager.bodyRows).toHaveCount(50);
    await expect(manager.bodyRows.first()).not.toHaveText(first);
    await expect.poll(() => manager.params().get('page')).toBeTruthy();
    await page.reload();
    await expect(manager.pager).toContainText('Page 2 of 5');
  });
});

test.describe('CSV export', () => {
  test('the download holds the header and each shown row, in the local currency', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open();
    const { name, text } = await manager.downloadTable();
    expect(name).toBe('paygrade-grade-12.csv');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(226);
    expect(lines).toContain(LONDON_ROW);

    // The export is what the table shows: filtered, in the shown order, every page.
    await manager.filter.fill('united kingdom');
    await manager.sortButton('Maximum').click();
    await manager.sortButton('Maximum').click();
    await expect(manager.columnHeader('Maximum')).toHaveAttribute('aria-sort', 'descending');
    const filtered = (await manager.downloadTable()).text.trimEnd().split('\n');
    expect(filtered).toHaveLength(10);
    expect(filtered[1]).toBe(LONDON_ROW);
  });

  test('a formula-like cell from the reader\'s own locations.csv is written escaped', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open();
    await manager.openFiles.setInputFiles(
      csvFile('locations.csv', [
        LOCATIONS_HEADER,
        'United Kingdom,"London, England",0.78,GBP,EMEA,yes',
        'Nowhere,"=HYPERLINK(""http://x"")",0.5,USD,Americas,yes',
        'Nowhere,@cmd,0.5,USD,Americas,no',
        'Nowhere,+1,0.5,USD,Americas,no',
      ]),
    );
    await expect(manager.whoseData).toContainText('your locations.csv in place of Example Co.');
    await expect(manager.rowCount).toHaveText('4 of 4 locations');
    // On screen it is only text.
    await expect(manager.row('=HYPERLINK("http://x")')).toHaveCount(1);

    const lines = (await manager.downloadTable()).text.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toContain(LONDON_ROW);
    const formula = lines.find((line) => line.includes('HYPERLINK'));
    expect(formula.split(',').slice(0, 2)).toEqual(['nowhere/hyperlink-http-x', 'Nowhere']);
    expect(formula).toContain(',"\'=HYPERLINK(""http://x"")",');
    expect(lines.find((line) => line.includes('cmd'))).toContain(',"\'@cmd",');
    expect(lines.find((line) => line.includes('+1'))).toContain(',"\'+1",');
  });
});

test.describe('job ad', () => {
  test('the JSON-LD is a schema.org JobPosting with the band as baseSalary', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open(`?location=${LONDON}`);
    const json = JSON.parse(await manager.jsonLd.textContent());
    expect(json['@context']).toBe('https://schema.org/');
    expect(json['@type']).toBe('JobPosting');
    expect(json.title).toBe('Vice President, Strategy and Developer Relations');
    expect(json.hiringOrganization).toEqual({ '@type': 'Organization', name: 'Example Co.' });
    expect(json.jobLocation.address).toMatchObject({
      '@type': 'PostalAddress',
      addressLocality: 'London, England',
      addressCountry: 'United Kingdom',
    });
    expect(json.baseSalary).toEqual({
      '@type': 'MonetaryAmount',
      currency: 'GBP',
      value: { '@type': 'QuantitativeValue', minValue: 196600, maxValue: 294900, unitText: 'YEAR' },
    });
  });

  test('the sentence names the place and both amounts, and each copy button fills the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const manager = new ManagerPage(page);
    await manager.open(`?location=${LONDON}`);
    const min = await manager.money(196600, 'GBP');
    const max = await manager.money(294900, 'GBP');
    const sentence = `The base salary for this role in London, England is ${min} to ${max} a year.`;
    await expect(manager.sentence).toHaveText(sentence);

    await manager.copySentence.click();
    await expect(manager.copyStatus).toHaveText('Copied the sentence.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sentence);

    await manager.copyJsonLd.click();
    await expect(manager.copyStatus).toHaveText('Copied the JSON-LD.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await manager.jsonLd.textContent());
    expect(JSON.parse(copied).baseSalary.value.maxValue).toBe(294900);
  });
});

test.describe('your own data', () => {
  let folder;

  test.beforeAll(async () => {
    // Playwright sets webkitRelativePath only for a real directory, so the folder is written to disk.
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'paygrade-own-'));
    const manifest = JSON.parse(await fs.readFile(path.join(DATA, 'paygrade.json'), 'utf8'));
    manifest.organisation = 'Mapmakers Ltd';
    manifest.tables = { grades: 'my-grades.csv', locations: 'my-locations.csv', currencies: 'my-currencies.csv' };
    manifest.roles = ['roles/my-cartographer.md'];
    // The reader's folder lists its one page by name, with no role index.
    delete manifest.index;
    await fs.mkdir(path.join(folder, 'roles'));
    await fs.writeFile(path.join(folder, 'paygrade.json'), JSON.stringify(manifest, null, 2));
    await fs.copyFile(path.join(DATA, 'grades.csv'), path.join(folder, 'my-grades.csv'));
    await fs.copyFile(path.join(DATA, 'currencies.csv'), path.join(folder, 'my-currencies.csv'));
    await fs.writeFile(
      path.join(folder, 'my-locations.csv'),
      [
        LOCATIONS_HEADER,
        'United States,"San Francisco, California",1.0,USD,Americas,yes',
        'United Kingdom,"London, England",0.78,GBP,EMEA,yes',
        'Germany,Berlin,abc,EUR,EMEA,yes',
        'Japan,Tokyo,0.66,JPY,APAC,yes',
      ].join('\n') + '\n',
    );
    await fs.writeFile(
      path.join(folder, 'roles', 'my-cartographer.md'),
      [
        '---',
        'title: "Principal Cartographer"',
        'description: "Draws the maps."',
        'slug: principal-cartographer',
        '---',
        '',
        'The Principal Cartographer draws the maps.',
        '',
        '#### Job Grade',
        '',
        'This position sits at grade 12 in the Mapmakers Ltd job framework.',
        '',
      ].join('\n'),
    );
  });

  test.afterAll(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('a data folder with one bad row shows that row\'s error and the rest; it is kept until forgotten', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open();
    const origin = new URL(page.url()).origin;
    const requests = recordRequests(page);
    await expect(manager.whoseData).toHaveText('Showing the data Example Co. publishes.');
    await expect(manager.forget).toBeHidden();

    await manager.openFolder.setInputFiles(folder);
    await expect(manager.whoseData).toHaveText('Showing your own data folder, read from your disk; nothing was uploaded.');
    await expect(manager.title).toHaveText('Principal Cartographer');
    await expect(manager.problems.getByRole('heading')).toHaveText('1 problem in the data; the rest is shown');
    await expect(manager.problems.getByRole('listitem')).toHaveText([/^my-locations\.csv line 4, field "factor": .*abc/]);
    await expect(manager.rowCount).toHaveText('3 of 3 locations');
    await expect(manager.row('Berlin')).toHaveCount(0);
    await expect(manager.row('London, England')).toContainText(await manager.money(294900, 'GBP'));
    expect(requests).toEqual([]);

    await page.goto(`./?location=${LONDON}`);
    await expect(manager.title).toHaveText('Principal Cartographer');
    await expect(manager.whoseData).toHaveText('Showing your own data folder, read from your disk; nothing was uploaded.');
    await expect(manager.problems.getByRole('listitem')).toHaveText([/^my-locations\.csv line 4, field "factor"/]);
    const json = JSON.parse(await manager.jsonLd.textContent());
    expect(json.hiringOrganization.name).toBe('Mapmakers Ltd');
    expect(json.baseSalary.value).toMatchObject({ minValue: 196600, maxValue: 294900 });

    await manager.forget.click();
    await expect(manager.whoseData).toHaveText('Showing the data Example Co. publishes.');
    // The published data has several job families, and this link names none: its directory.
    await expect(manager.title).toHaveText('Job families');
    await page.goto(`./?location=${LONDON}&role=vp-strategy-developer-relations`);
    await expect(manager.title).toHaveText('Vice President, Strategy and Developer Relations');
    await expect(manager.rowCount).toHaveText(/^225 of 225 locations/);
    await expect(manager.problems).toHaveCount(0);
    await page.reload();
    await expect(manager.whoseData).toHaveText('Showing the data Example Co. publishes.');

    // Reloads fetch the published folder, and nothing else: the reader's files never leave the page.
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) {
      expect(new URL(url).origin).toBe(origin);
      expect(url).not.toMatch(/my-|cartographer/);
    }
  });

  test('a single locations.csv replaces the published one; the rest stays published', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open();
    const requests = recordRequests(page);
    await manager.openFiles.setInputFiles(
      csvFile('locations.csv', [
        LOCATIONS_HEADER,
        'United Kingdom,"London, England",0.78,GBP,EMEA,yes',
        'Atlantis,Poseidonia,0.9,EUR,EMEA,yes',
      ]),
    );
    await expect(manager.whoseData).toHaveText(
      "Showing your locations.csv in place of Example Co.'s, read from your disk; nothing was uploaded. The rest is Example Co.'s.",
    );
    await expect(manager.rowCount).toHaveText('2 of 2 locations');
    await expect(manager.row('Poseidonia')).toHaveCount(1);
    await expect(manager.title).toHaveText('Vice President, Strategy and Developer Relations');
    await expect(manager.problems).toHaveCount(0);
    expect(requests).toEqual([]);

    await page.reload();
    await expect(manager.rowCount).toHaveText('2 of 2 locations');
    await expect(manager.whoseData).toContainText('your locations.csv in place of');
    await manager.forget.click();
    await expect(manager.rowCount).toHaveText(/^225 of 225 locations/);
  });

  test('a grades.csv dropped on the drop zone replaces the published grades', async ({ page }) => {
    const manager = new ManagerPage(page);
    await manager.open();
    const requests = recordRequests(page);
    const grades = (await fs.readFile(path.join(DATA, 'grades.csv'), 'utf8')).replace('12,VP,Fellow,420000,', '12,VP,Fellow,500000,');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'grades.csv', { type: 'text/csv' }));
      return transfer;
    }, grades);
    await manager.dropZone.dispatchEvent('drop', { dataTransfer });
    await expect(manager.whoseData).toContainText("Showing your grades.csv in place of Example Co.'s");
    // The default place is San Francisco, the reference market: the band is the midpoint ± 20 %.
    await expect.poll(async () => JSON.parse(await manager.jsonLd.textContent()).baseSalary.value).toMatchObject({
      minValue: 400000,
      maxValue: 600000,
    });
    expect(requests).toEqual([]);
    await manager.forget.click();
    await expect.poll(async () => JSON.parse(await manager.jsonLd.textContent()).baseSalary.value.maxValue).toBe(504000);
  });
});
