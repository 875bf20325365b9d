import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const SCREENSHOTS = resolve(__dirname, '../../../../.reports/screenshots');

/** The sizes every main page is looked at: a small phone and a common laptop. */
export const SCREEN_SIZES = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1366, height: 768 },
] as const;

// @axe-core/playwright types its page from the hoisted playwright-core (a newer release than the
// one @playwright/test 1.56.1 carries); it only evaluates scripts in the page, which both share.
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

/**
 * axe with the WCAG 2.1 A/AA rules finds nothing on the page once it has settled. A dialog or a
 * toast that is still fading in or out has half its contrast for a moment; axe caught such a
 * frame now and then. So the check is repeated for up to five seconds: a transition passes
 * within a few hundred milliseconds, a real violation stays and fails.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await expect(async () => {
    const results = await new AxeBuilder({ page: page as unknown as AxePage })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const found = results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
    expect(found, `axe on ${page.url()}`).toEqual([]);
  }).toPass({ timeout: 5_000, intervals: [250, 500, 1_000] });
}

/**
 * Full-page screenshots at 360×740 and 1366×768 into .reports/screenshots/<name>-<size>.png,
 * for a person to look at; the page is left at its original size. At either size the page must
 * fit its width: a page that scrolls sideways (a long name that will not wrap, a table wider
 * than the screen outside its own scrolling box) fails here, whatever the screenshot shows.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  const overflowing: string[] = [];
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // Let Mantine's responsive layout settle (media queries, the header's burger).
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.name}.png`), fullPage: true });
    // A string: the e2e files are type-checked without the DOM's types.
    const wider = Number(
      await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    );
    if (wider > 0) overflowing.push(`${size.name}: ${wider}px wider than the screen`);
  }
  if (original) await page.setViewportSize(original);
  expect(overflowing, `${name} at its screen sizes`).toEqual([]);
}
