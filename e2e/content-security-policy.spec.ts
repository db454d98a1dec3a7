import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';

/**
 * The nonce-based Content Security Policy in Chromium itself (issue 13, point 12): the production
 * build's pages hydrate — every inline script Remix writes carries the response's nonce, including
 * pages visited twice — and the browser reports no violation.
 */
test('pages hydrate under the nonce policy, each response with its own nonce', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  await loginAs(page, 'superclient@atlas-logistique.dz', 'Super-demo-2026');
  for (const path of ['/', '/', '/services', '/portal/dashboard', '/portal/dashboard']) {
    await page.goto(path);
    // Remix's router exists only once the page's module scripts ran.
    await expect.poll(() => page.evaluate(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter)).toBe('object');
  }
  // A client-side navigation works: the hydrated app handles the link, no full page load.
  await page.goto('/');
  await page.getByRole('link', { name: 'FAQ' }).first().click();
  await expect(page).toHaveURL(/\/faq$/);
  expect(violations).toEqual([]);
});
