import { defineConfig } from '@playwright/test';
import { webTestBaseUrl } from './apps/web/e2e/support/platform-settings';

// Browser journeys (web.md "Tests in a real browser"): Debian's Chromium against the real api and
// worker that the global setup starts from the built dist/ (`npm run build` first).
export default defineConfig({
  testDir: 'apps/web/e2e',
  testMatch: '*.spec.ts',
  globalSetup: './apps/web/e2e/support/global-setup.ts',
  // One api, one worker, one database, two cores: journeys run one after the other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '.reports/playwright',
  reporter: [['list'], ['json', { outputFile: '.reports/playwright-results.json' }]],
  use: {
    baseURL: webTestBaseUrl(),
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
