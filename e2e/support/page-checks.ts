import { expect, type Page } from '@playwright/test';

/** An i18n key left raw ("clientPortal.dashboard.title"), an encoded entity or a GLPI path shows a page was not finished. */
export async function expectNoRawText(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(
    /\b(?:[a-z]+[A-Z]\w*|nav|site|pageTitle|portal|auth|quote|billing|errors|validation)\.[a-zA-Z_]+(?:\.[\w-]+)*\b(?!@)/,
  );
  expect(text).not.toMatch(/&#\d+;|&[a-z]+;|Root entity/);
}
