// Playwright drives Debian's Chromium against the dist/ that `cargo xtask test` built and serves on loopback.
import { defineConfig } from '@playwright/test';

const baseURL = process.env.PAYGRADE_URL;
if (!baseURL) {
  throw new Error('PAYGRADE_URL is not set: run the end-to-end tests through `cargo xtask test`.');
}

export default defineConfig({
  testDir: '.',
  outputDir: './output/results',
  timeout: 30_000,
  workers: 2,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE || './output/report.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
