import { expect, test as base } from '@playwright/test';

export { expect };
export { expectNoAxeViolations, screenshots } from './checks';
export { mailTo, waitForMail } from './mailbox';

/** The demo accounts' password (README "Demo accounts"). */
export const DEMO_PASSWORD = 'Lifelong@2026';

/**
 * Playwright's `test` with one guard on every page: the browser reports no Content-Security-Policy
 * violation and no uncaught error (the api's CSP stays strict; the app must live with it).
 */
export const test = base.extend<{ browserProblems: string[] }>({
  browserProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
          problems.push(`CSP: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await use(problems);
      expect(problems, 'problems the browser reported').toEqual([]);
    },
    { auto: true },
  ],
});
