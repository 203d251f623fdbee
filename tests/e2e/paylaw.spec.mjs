// Issue 14: job ads against pay-transparency rules, with the shipped sample rules (summaries, not legal advice).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { JobAdPage, TORONTO, DENVER, NEW_YORK, BERLIN, LONDON } from './fixtures/job-ad-page.mjs';

const ONTARIO = 'Ontario Employment Standards Act: pay in job postings';
const COLORADO = 'Colorado Equal Pay for Equal Work Act';
const NYC = 'New York City salary transparency law';
const NYS = 'New York State pay transparency law';
const EU = 'EU Pay Transparency Directive';
const SEATTLE = 'united-states/seattle-washington';

/// axe's findings as short lines, so a failure says what and where.
function summary(results) {
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary}`),
  );
}

test('Toronto: a grade 7 band wider than CA$50,000 breaks the cap, and a centred range inside it is offered', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${TORONTO}&grade=7`);
  await expect(ad.ruleSets).toHaveText([ONTARIO]);
  await expect(ad.verdict).toHaveText('The band as posted does not meet every rule set that applies; see below.');
  await expect(ad.finding(ONTARIO, 'Width at most 50,000 CAD')).toHaveText(
    'Does not meet: Width at most 50,000 CAD. The range is 64,400 CAD wide, more than the cap of 50,000 CAD.',
  );
  const [low, high] = [await ad.money(136000, 'CAD'), await ad.money(186000, 'CAD')];
  await expect(ad.offeredRange).toHaveText(`${low} to ${high}`);
  await expect(ad.offered).toContainText('Centred on the midpoint (161,000) and as wide as the narrowest cap allows (50,000 CAD');
  await expect(ad.offered).toContainText('It covers the Growing and Thriving compa groups in full.');
  // The ad text uses the offered range, and the JSON-LD agrees.
  await expect(ad.adText.first()).toHaveText(`The base salary for this role in Toronto, Ontario is ${low} to ${high} a year.`);
  const json = await ad.json();
  expect(json.baseSalary.value).toEqual({ '@type': 'QuantitativeValue', minValue: 136000, maxValue: 186000, unitText: 'YEAR' });
  // The every-location table says so at a glance.
  await expect(await ad.tableCell('toronto', 'Toronto, Ontario')).toContainText('Does not comply');
});

test('Denver: Colorado wants benefits described, and the ad carries the benefits text', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${DENVER}&grade=8`);
  await expect(ad.ruleSets).toHaveText([COLORADO]);
  await expect(ad.finding(COLORADO, 'A description of benefits')).toHaveText(
    'Meets: A description of benefits. The ad includes the benefits text from paygrade.json.',
  );
  await expect(ad.finding(COLORADO, 'Base pay with variable pay')).toContainText('Meets');
  await expect(ad.adText.filter({ hasText: /^Benefits and other compensation: / })).toHaveText(
    /^Benefits and other compensation: Medical, dental and vision cover;/,
  );
  await expect(ad.adText.filter({ hasText: /target variable pay of/ })).toHaveCount(1);
  const json = await ad.json();
  expect(json.jobBenefits).toMatch(/^Medical, dental and vision cover;/);
  expect(json.incentiveCompensation).toMatch(/^Target variable pay of /);
  await expect(await ad.tableCell('denver', 'Denver, Colorado')).toContainText('Complies');
});

test('New York: city and state both apply, need a minimum and a maximum, and cover a remote posting', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${NEW_YORK}`);
  await expect(ad.ruleSets).toHaveText([NYC, NYS]);
  await expect(ad.finding(NYC, 'A minimum and a maximum')).toHaveText(/^Meets: A minimum and a maximum\. The ad states /);
  await expect(ad.finding(NYS, 'A minimum and a maximum, or one figure')).toContainText('Meets');
  await expect(ad.verdict).toHaveText('The band as posted meets every rule set that applies.');

  await ad.remote.check();
  await expect.poll(() => ad.params().get('remote')).toBe('yes');
  await expect(ad.finding(NYC, 'Remote roles that could be done here')).toContainText(
    'The posting is remote and open to applicants in New York, New York (United States), which this rule covers.',
  );
  await expect(ad.adText.nth(0)).toHaveText(/^The base salary for this remote role is /);
  await expect(ad.adText.nth(1)).toHaveText('This is a remote role, open to applicants in New York, New York.');
  let json = await ad.json();
  expect(json.jobLocationType).toBe('TELECOMMUTE');
  expect(json.applicantLocationRequirements).toEqual([{ '@type': 'AdministrativeArea', name: 'New York, New York, United States' }]);
  expect(json.jobLocation).toBeUndefined();

  // Open to Toronto too: Ontario's summary does not cover remote roles, so it is named and left out.
  await ad.alsoOpen('toronto', 'Toronto, Ontario');
  await expect.poll(() => ad.params().get('open')).toBe(TORONTO);
  await expect(ad.section).toContainText(
    `Toronto, Ontario (Canada): ${ONTARIO} does not cover remote roles in this summary`,
  );
  await expect(ad.ruleSets).toHaveText([NYC, NYS]);
  json = await ad.json();
  expect(json.applicantLocationRequirements.map((area) => area.name)).toEqual([
    'New York, New York, United States',
    'Toronto, Ontario, Canada',
  ]);
  // Denver as well: Colorado covers remote work that could be done there.
  await ad.alsoOpen('denver', 'Denver, Colorado');
  await expect(ad.ruleSets).toHaveText([COLORADO, NYC, NYS]);
  // Not remote any more: Ontario joins, the strictest combination of all four.
  await ad.remote.uncheck();
  await expect(ad.ruleSets).toHaveText([COLORADO, NYC, NYS, ONTARIO]);
  await expect(
    ad.adText.filter({ hasText: 'The role can be based in New York, New York, Toronto, Ontario or Denver, Colorado.' }),
  ).toHaveCount(1);
});

test('Berlin: the EU directive wants gross annual pay with the matching hourly figure', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${BERLIN}`);
  await expect(ad.ruleSets).toHaveText([EU]);
  await expect(ad.finding(EU, 'Gross annual and gross hourly pay')).toHaveText(
    'Meets: Gross annual and gross hourly pay. The ad states the annual range and 97.26 EUR to 145.91 EUR an hour (at 2,080 hours a year).',
  );
  await expect(ad.finding(EU, 'No questions about pay history')).toHaveText(
    'Note: No questions about pay history. Do not ask applicants what they were paid before.',
  );
  const [min, max] = [await ad.money(202300, 'EUR'), await ad.money(303500, 'EUR')];
  const [hourMin, hourMax] = [await ad.money(97.26, 'EUR', true), await ad.money(145.91, 'EUR', true)];
  await expect(ad.adText.first()).toHaveText(
    `The base salary for this role in Berlin is ${min} to ${max} a year gross, or ${hourMin} to ${hourMax} an hour gross (based on 2,080 hours a year).`,
  );
  await expect(ad.adText.filter({ hasText: /^We do not ask about your pay history\./ })).toHaveCount(1);
});

test('London: no rule covers it, the page says so, and the ad is the plain sentence', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${LONDON}`);
  await expect(ad.section).toContainText(
    'No pay-transparency rule in this data covers London, England (United Kingdom), so there is nothing to check.',
  );
  await expect(ad.rules).toHaveCount(0);
  await expect(ad.adText).toHaveCount(1);
  await expect(await ad.tableCell('london', 'London, England')).toHaveText('No rule');
});

test('a posting open to Toronto and Berlin gets the strictest combination: the cap and the hourly figure', async ({ page }) => {
  const ad = new JobAdPage(page);
  await ad.open(`?location=${TORONTO}&grade=7&open=${BERLIN}`);
  await expect(ad.ruleSets).toHaveText([EU, ONTARIO]);
  await expect(ad.finding(ONTARIO, 'Width at most 50,000 CAD')).toContainText('Does not meet');
  await expect(ad.finding(EU, 'Gross annual and gross hourly pay')).toContainText('Meets');
  await expect(ad.offeredRange).toBeVisible();
  await expect(ad.adText.first()).toContainText('an hour gross (based on 2,080 hours a year)');
  await expect(ad.adText.filter({ hasText: 'The role can be based in Toronto, Ontario or Berlin.' })).toHaveCount(1);
});

for (const colorScheme of ['light', 'dark']) {
  test(`the job-ad section has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const ad = new JobAdPage(page);
    // A break with an offered range, a remote posting with places left out, and a place with no rule.
    await ad.open(`?location=${TORONTO}&grade=7&open=${LONDON},${SEATTLE}&remote=yes`);
    await expect(ad.verdict).toHaveText('No rule set for these places covers a remote posting, so there is nothing to check.');
    await ad.remote.uncheck();
    await expect(ad.offeredRange).toBeVisible();
    await expect(ad.section).toContainText('No rule in this data for London, England (United Kingdom).');
    expect(summary(await new AxeBuilder({ page }).include('#pg-job-ad').analyze())).toEqual([]);
    await ad.remote.check();
    await expect(ad.section).toContainText('does not cover remote roles in this summary');
    expect(summary(await new AxeBuilder({ page }).include('#pg-job-ad').analyze())).toEqual([]);
  });
}
