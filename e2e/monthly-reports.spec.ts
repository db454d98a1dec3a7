import { expect, test } from '@playwright/test';
import { loginAs, mailsTo } from './support/login';
import { eventually } from './support/eventually';

// The monthly report as its readers meet it: the worker makes last month's at start-up (it
// catches up the run of the 1st), the manager finds it in the portal and downloads it, has it by
// mail, and the staff make it again from the company's page.
const superClient = { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026' };
const commercial = { email: 'commercial@ytech.dz', password: 'Commercial-demo-2026' };

test.describe.configure({ mode: 'serial' });

test('the manager finds last month’s report in the portal, downloads it and has it by mail', async ({ page }) => {
  await loginAs(page, superClient.email, superClient.password);
  await page.goto('/portal');
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Rapports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapports mensuels' })).toBeVisible();
  await eventually(page, async () => {
    await expect(page.getByTestId('reports').locator('tbody tr')).toHaveCount(1, { timeout: 1_000 });
  });
  const link = page.getByTestId('reports').getByRole('link', { name: /Télécharger le rapport de/ });
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect
    .poll(async () => (await mailsTo(page, superClient.email)).some((m) => m.subject.startsWith('Votre rapport mensuel Y-tech')), {
      timeout: 30_000,
    })
    .toBe(true);
});

test('the staff download the report and have it made again from the company’s page', async ({ page }) => {
  await loginAs(page, commercial.email, commercial.password);
  await page.goto('/backoffice/companies');
  await page
    .getByRole('link', { name: /Atlas Logistique/ })
    .first()
    .click();
  const reports = page.getByTestId('company-reports');
  await expect(reports.locator('tbody tr')).toHaveCount(1);
  const href = (await reports.getByRole('link').first().getAttribute('href'))!;
  expect((await page.request.get(href)).headers()['content-type']).toBe('application/pdf');
  await page.getByRole('button', { name: 'Établir de nouveau' }).click();
  await expect(page.getByRole('status')).toContainText('est en cours d’établissement');
});
