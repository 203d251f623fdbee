// The pages run under a strict Content-Security-Policy with no violation, and talk to no other host.
import { test, expect } from '@playwright/test';

const RECORD_VIOLATIONS = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
};

async function watch(page) {
  const problems = [];
  const requests = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(RECORD_VIOLATIONS);
  return { problems, requests };
}

async function violations(page) {
  return page.evaluate(() => window.__cspViolations);
}

test('the explorer sends a strict CSP and every section runs under it', async ({ page, baseURL }) => {
  const { problems, requests } = await watch(page);
  const response = await page.goto('./?role=vp-strategy-developer-relations&location=united-kingdom/london-england&offer=250000&compare=germany/berlin');
  const header = response.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain("style-src 'self'");
  expect(header).toContain("object-src 'none'");
  expect(header).toContain("frame-ancestors 'self'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'/);

  await expect(page.locator('.pg-band')).toHaveAttribute('data-currency', 'GBP');
  await page.getByRole('button', { name: 'Maximum' }).click();
  await page.getByLabel('Filter by country, area or zone').fill('japan');
  await page.getByRole('button', { name: /Reference/ }).click();
  await expect(page.locator('.pg-band')).toHaveAttribute('data-currency', 'USD');

  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
  const origin = new URL(baseURL).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
});

test('the handbook example with two widgets and an iframe runs under the CSP', async ({ page, baseURL }) => {
  const { problems, requests } = await watch(page);
  await page.goto('./examples/handbook.html');
  await expect(page.locator('#widget-london .pg-band')).toHaveAttribute('data-currency', 'GBP');
  await expect(page.locator('#widget-berlin .pg-band')).toHaveAttribute('data-currency', 'USD');
  const frame = page.frameLocator('#frame-tokyo');
  await expect(frame.locator('.pg-band')).toHaveAttribute('data-currency', 'JPY');
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
  const origin = new URL(baseURL).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
});

test('only the iframe route may be framed by other sites', async ({ request }) => {
  const embed = await request.get('./embed.html');
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  const page = await request.get('./');
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
});
