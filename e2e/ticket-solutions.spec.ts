import { expect, test } from '@playwright/test';
import { e2ePorts } from './support/e2e-env';
import { loginAs } from './support/login';
import { eventually } from './support/eventually';

// A ticket opened from an asset's page with a category, solved by a technician in GLPI (the
// simulator), refused with a reason, solved again and approved: the client's side in Chromium.
const superClient = { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026' };
const simControl = `http://127.0.0.1:${e2ePorts.glpi}/_control`;

test('a ticket about an asset, with a category; its solution refused with a reason, then the next one approved', async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, superClient.email, superClient.password);
  await page.goto('/portal/park/computers');
  await eventually(page, async () => {
    await expect(page.getByTestId('asset-table').locator('tbody a').first()).toBeVisible({ timeout: 1_000 });
  });
  const assetLink = page.getByTestId('asset-table').locator('tbody a').first();
  const assetName = (await assetLink.textContent())!.trim();
  await assetLink.click();
  await page.getByRole('link', { name: 'Ouvrir un ticket sur cet équipement' }).click();

  // The asset is chosen already; a category from those GLPI offers self-service.
  await expect(page.getByLabel('Équipement concerné').locator('option:checked')).toContainText(assetName);
  const category = page.getByLabel('Catégorie');
  const firstCategory = await category.locator('option').nth(1).getAttribute('value');
  await category.selectOption(firstCategory!);
  const title = `Imprimante muette ${Date.now()}`;
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Plus rien ne sort depuis ce matin.');
  await page.getByRole('button', { name: 'Envoyer au support' }).click();
  await expect(page.getByRole('status')).toContainText('Votre ticket est enregistré');
  await expect(page.getByTestId('ticket-asset')).toHaveText(assetName);

  // GLPI numbers it (the page moves to its number).
  await eventually(page, async () => {
    expect(page.url()).toMatch(/\/portal\/tickets\/\d+/);
  });
  const number = Number(/\/portal\/tickets\/(\d+)/.exec(page.url())![1]);
  const solve = (content: string) => page.request.post(`${simControl}/tickets/${number}/solutions`, { data: { content } });

  // A technician links a monitor too, in GLPI: the ticket lists both, and the monitor's page the ticket.
  await page.goto('/portal/park/monitors');
  const monitorLink = page.getByTestId('asset-table').locator('tbody a').first();
  const monitorName = (await monitorLink.textContent())!.trim();
  const monitorId = Number(/\/(\d+)$/.exec((await monitorLink.getAttribute('href'))!)![1]);
  expect(
    (await page.request.post(`${simControl}/tickets/${number}/items`, { data: { itemtype: 'Monitor', items_id: monitorId } })).ok(),
  ).toBe(true);
  await page.goto(`/portal/tickets/${number}`);
  await eventually(page, async () => {
    await expect(page.getByTestId('ticket-asset')).toHaveText([assetName, monitorName], { timeout: 1_000 });
  });
  await page.getByTestId('ticket-asset').getByRole('link', { name: monitorName }).click();
  await expect(page.getByTestId('asset-ticket')).toContainText(`#${number} ${title}`);
  await page.goto(`/portal/tickets/${number}`);

  expect((await solve('<p>Pilote réinstallé.</p>')).ok()).toBe(true);
  await eventually(page, async () => {
    await expect(page.getByTestId('solution-state')).toHaveText('En attente de votre validation', { timeout: 1_000 });
    await expect(page.getByTestId('ticket-status')).toHaveText('Résolu', { timeout: 1_000 });
  });
  await expect(page.getByTestId('ticket-solution')).toContainText('Pilote réinstallé.');

  // Refusing needs a reason: a clear message, nothing sent.
  await page.getByRole('button', { name: 'Refuser et rouvrir le ticket' }).click();
  await expect(page.getByLabel('Commentaire', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Commentaire', { exact: true }).fill('Toujours rien à l’impression.');
  await page.getByRole('button', { name: 'Refuser et rouvrir le ticket' }).click();
  await expect(page.getByRole('status')).toContainText('Votre réponse est enregistrée');
  await eventually(page, async () => {
    await expect(page.getByTestId('solution-state')).toHaveText('Refusée', { timeout: 1_000 });
    await expect(page.getByTestId('ticket-status')).not.toHaveText('Résolu', { timeout: 1_000 });
  });
  await expect(page.getByRole('button', { name: 'Accepter la solution' })).toHaveCount(0);
  // The refusal's comment joins the conversation once the worker has delivered it and read the ticket back.
  await eventually(page, async () => {
    await expect(page.getByTestId('client-reply')).toContainText('Toujours rien à l’impression.', { timeout: 1_000 });
  });

  expect((await solve('<p>Câble USB remplacé.</p>')).ok()).toBe(true);
  await eventually(page, async () => {
    await expect(page.getByRole('button', { name: 'Accepter la solution' })).toBeVisible({ timeout: 1_000 });
  });
  await page.getByRole('button', { name: 'Accepter la solution' }).click();
  await eventually(page, async () => {
    await expect(page.getByTestId('ticket-status')).toHaveText('Clos', { timeout: 1_000 });
  });
  await expect(page.getByTestId('solution-state')).toHaveText(['Refusée', 'Acceptée']);
});
