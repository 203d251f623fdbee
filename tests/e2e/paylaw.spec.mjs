// Issue 17: job ads against the maintained pay-transparency laws, by place, posting date, company size and
// remote scope (summaries, not legal advice).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  JobAdPage, TORONTO, DENVER, NEW_YORK, BERLIN, LONDON, SEATTLE, VIENNA, SAN_FRANCISCO,
} from './fixtures/job-ad-page.mjs';

const ONTARIO = 'Ontario Employment Standards Act, 2000: job posting rules (Working for Workers Four and Five Acts, 2024)';
const COLORADO = 'Colorado Equal Pay for Equal Work Act, Part 2 (pay transparency), as amended by SB23-105';
const WASHINGTON = 'Washington Equal Pay and Opportunities Act – wage disclosure in job postings';

/// axe's findings as short lines, so a failure says what and where.
function summary(results) {
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary}`),
  );
}

test('a Canadian province: Ontario applies, the band breaks its CA$50,000 cap, and a centred range is offered', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${TORONTO}&grade=7&posted=2026-12-02`);
  expect(await ad.ruleIds()).toEqual(['ca-ontario']);
  await expect(ad.law('ca-ontario')).toHaveAttribute('data-rule-status', 'applies');
  await expect(ad.law('ca-ontario')).toContainText('Last checked against its sources 2026-12-02.');
  await expect(ad.law('ca-ontario').getByRole('link', { name: 'Source', exact: true })).toHaveAttribute('href', /^https:\/\/www\.ontario\.ca\//);
  await expect(ad.verdict).toHaveText('The band as posted does not meet every law that applies; see below.');
  await expect(ad.finding(ONTARIO, 'A range at most 50,000 CAD wide')).toHaveText(
    'Does not meet: A range at most 50,000 CAD wide. The range is 64,400 CAD wide, more than the cap of 50,000 CAD.',
  );
  // Ontario also asks whether AI screens applicants and whether the vacancy exists: the data's statements.
  await expect(ad.finding(ONTARIO, 'Whether artificial intelligence')).toContainText('Meets');
  await expect(ad.finding(ONTARIO, 'existing vacancy')).toContainText('Meets');
  const [low, high] = [await ad.money(136000, 'CAD'), await ad.money(186000, 'CAD')];
  await expect(ad.offeredRange).toHaveText(`${low} to ${high}`);
  await expect(ad.adText.first()).toHaveText(`The base salary for this role in Toronto, Ontario is ${low} to ${high} a year.`);
  await expect(ad.adText.filter({ hasText: 'This posting is for an existing vacancy.' })).toHaveCount(1);
  const json = await ad.json();
  expect(json.baseSalary.value).toEqual({ '@type': 'QuantitativeValue', minValue: 136000, maxValue: 186000, unitText: 'YEAR' });
  await expect(await ad.tableCell('toronto', 'Toronto, Ontario')).toContainText('Does not comply');
});

test('a US state: Colorado wants benefits described and the application deadline, which only the manager knows', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${DENVER}&grade=8`);
  expect(await ad.ruleIds()).toEqual(['us-colorado']);
  await expect(ad.finding(COLORADO, 'A description of benefits')).toHaveText(
    'Meets: A description of benefits, or a link to it. The ad includes the benefits text from paygrade.json.',
  );
  await expect(ad.finding(COLORADO, 'Base pay with other compensation')).toContainText('Meets');
  await expect(ad.finding(COLORADO, 'The date applications close')).toContainText(
    'Cannot tell: The date applications close, or that they are taken on a rolling basis. paygrade does not write this',
  );
  await expect(ad.verdict).toHaveText('Some of what the laws ask cannot be checked by paygrade; see below.');
  await expect(ad.adText.filter({ hasText: /^Benefits and other compensation: / })).toHaveText(
    /^Benefits and other compensation: Medical, dental and vision cover;/,
  );
});

test('a city: New York City and New York State both apply, on site and for a remote posting based there', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${NEW_YORK}`);
  expect(await ad.ruleIds()).toEqual(['us-new-york', 'us-ny-new-york-city']);
  for (const id of ['us-new-york', 'us-ny-new-york-city']) {
    await expect(ad.law(id)).toHaveAttribute('data-rule-status', 'applies');
  }
  await ad.remote.check();
  await expect.poll(() => ad.params().get('remote')).toBe('yes');
  expect(await ad.ruleIds()).toEqual(['us-new-york', 'us-ny-new-york-city']);
  await expect(ad.adText.nth(1)).toHaveText('This is a remote role, open to applicants in New York, New York.');
  const json = await ad.json();
  expect(json.jobLocationType).toBe('TELECOMMUTE');
});

test('a remote role based in a covered state keeps its state law and the benefits it wants', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${SEATTLE}&remote=yes`);
  expect(await ad.ruleIds()).toEqual(['us-washington']);
  await expect(ad.law('us-washington')).toHaveAttribute('data-rule-status', 'applies');
  await expect(ad.finding(WASHINGTON, 'Remote roles')).toContainText('Meets');
  await expect(ad.adText.filter({ hasText: /^Benefits and other compensation: / })).toHaveCount(1);
});

test('an EU state with its own act: Austria asks for the minimum pay, and the Directive is context only', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${VIENNA}`);
  expect(await ad.ruleIds()).toEqual(['at-equal-treatment-act-9-2']);
  await expect(ad.law('at-equal-treatment-act-9-2')).toHaveAttribute('data-rule-status', 'applies');
  await expect(ad.law('at-equal-treatment-act-9-2')).toContainText('In force from 2011-03-01, enforced from 2012-01-01.');
  await expect(ad.directive).toHaveAttribute('data-directive', 'Austria');
  await expect(ad.directive).toContainText('It binds member states, not employers');
});

test('an EU state without an act in force: Berlin gets the Directive as a notice and no check', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${BERLIN}`);
  await expect(ad.rules).toHaveCount(0);
  await expect(ad.section).toContainText("No pay-transparency law in paygrade's rules takes in Berlin (Germany)");
  await expect(ad.directive).toHaveAttribute('data-directive', 'Germany');
  await expect(ad.directive).toContainText('asks nothing of this ad');
  // No hourly figure and no fixed sentence: the Directive asks neither of an employer.
  await expect(ad.adText).toHaveCount(1);
  await expect(ad.adText.first()).not.toContainText('an hour');
});

test('a law that starts later: a posting date before it lists Ontario as upcoming, and the date input moves it', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${TORONTO}&grade=7&posted=2025-12-15`);
  await expect(ad.law('ca-ontario')).toHaveAttribute('data-rule-status', 'upcoming');
  await expect(ad.law('ca-ontario')).toContainText('Not yet in force: it applies to ads posted from 2026-01-01.');
  await expect(ad.findings(ONTARIO)).toHaveCount(0);
  await expect(ad.offeredRange).toHaveCount(0);
  await ad.posted.fill('2026-01-01');
  await ad.posted.dispatchEvent('change');
  await expect.poll(() => ad.params().get('posted')).toBe('2026-01-01');
  await expect(ad.law('ca-ontario')).toHaveAttribute('data-rule-status', 'applies');
  await expect(ad.offeredRange).toBeVisible();
});

test('a small company: below California’s 15 employees the law is listed as not binding it', async ({ page }) => {
  await page.route('**/data/paygrade.json', async (route) => {
    const response = await route.fetch();
    const manifest = await response.json();
    manifest.job_ads.employees = 12;
    manifest.job_ads.employees_in = {};
    await route.fulfill({ response, json: manifest });
  });
  const ad = new JobAdPage(page);
  await ad.open(`?location=${SAN_FRANCISCO}`);
  await expect(ad.law('us-california')).toHaveAttribute('data-rule-status', 'below-threshold');
  await expect(ad.law('us-california')).toContainText(
    'Does not apply: it covers employers with 15 or more employees, and this company has 12.',
  );
  await expect(ad.verdict).toHaveText(
    'None of the laws below applies to this posting on its date for this company; they are listed so nothing is missed.',
  );
});

test('London: no law takes it in, the page says so, and the ad is the plain sentence', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${LONDON}`);
  await expect(ad.section).toContainText(
    "No pay-transparency law in paygrade's rules takes in London, England (United Kingdom), so there is nothing to check.",
  );
  await expect(ad.rules).toHaveCount(0);
  await expect(ad.adText).toHaveCount(1);
  await expect(await ad.tableCell('london', 'London, England')).toHaveText('No rule');
});

for (const colorScheme of ['light', 'dark']) {
  test(`the job-ad section has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const ad = new JobAdPage(page);
    // A break with an offered range, a place with no law, a Directive notice, and a remote posting.
    await ad.open(`?location=${TORONTO}&grade=7&open=${LONDON},${BERLIN}`);
    await expect(ad.offeredRange).toBeVisible();
    await expect(ad.directive).toBeVisible();
    await expect(ad.section).toContainText("No law in paygrade's rules takes in London, England (United Kingdom) or Berlin (Germany).");
    expect(summary(await new AxeBuilder({ page }).include('#pg-job-ad').analyze())).toEqual([]);
    await ad.remote.check();
    await expect.poll(() => ad.params().get('remote')).toBe('yes');
    expect(summary(await new AxeBuilder({ page }).include('#pg-job-ad').analyze())).toEqual([]);
  });
}

test('a company that chooses to states the equity grant in the ad, with its vesting and yearly value', async ({ page }) => {
  await page.route('**/data/paygrade.json', async (route) => {
    const response = await route.fetch();
    const manifest = await response.json();
    manifest.job_ads.state_equity = true;
    await route.fulfill({ response, json: manifest });
  });
  const ad = new JobAdPage(page);
  await ad.open(`?location=${BERLIN}`);
  await expect(ad.adText.filter({ hasText: /^The role includes an equity grant of 15,000 restricted stock units/ })).toContainText(
    'Vests over 4 years: nothing before 12 months (the cliff)',
  );
});
