import { expect, type Page } from '@playwright/test';

/**
 * Reloads the page until the check passes: the worker provisions, delivers and syncs on its own
 * schedule, and a page shows what was there when it was rendered.
 */
export async function eventually(page: Page, check: () => Promise<void>, timeout = 60_000): Promise<void> {
  let first = true;
  await expect(async () => {
    if (!first) await page.reload();
    first = false;
    await check();
  }).toPass({ timeout, intervals: [1_000] });
}
