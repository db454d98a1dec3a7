import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';

const commercial = { email: 'commercial@ytech.dz', password: 'Commercial-demo-2026' };

test('the demo commercial sees the work of the day, finds Atlas Logistique among the clients and opens its page', async ({ page }) => {
  await loginAs(page, commercial.email, commercial.password);
  await page.goto('/backoffice');

  // The demo data's pipeline: a request nobody called, a purchase order to review, a subscription ending soon.
  const toCall = page.getByTestId('bo-to-call');
  await expect(toCall.getByRole('heading', { level: 2, name: /Demandes de devis à appeler/ })).toBeVisible();
  await expect(toCall.getByRole('link', { name: /Sahara Transports/ })).toBeVisible();
  await expect(page.getByTestId('bo-orders').getByRole('link', { name: /Numidia Conseil/ })).toBeVisible();
  await expect(page.getByTestId('bo-ending').getByRole('link', { name: /Ouarsenis BTP/ })).toBeVisible();
  for (const block of ['bo-expiring', 'bo-overdue', 'bo-over'])
    await expect(page.getByTestId(block).getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.getByTestId('bo-orders').locator('.badge')).toHaveText('1');

  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page).toHaveURL(/\/backoffice\/companies$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await page.getByLabel('Rechercher une entreprise').fill('Atlas');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/q=Atlas/);
  const row = page.getByRole('row', { name: /Atlas Logistique SARL/ });
  await expect(row).toContainText('Actif');
  await expect(row).toContainText('Pack complet');
  await row.getByRole('link', { name: 'Atlas Logistique SARL' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Atlas Logistique SARL' })).toBeVisible();
  await expect(page.getByTestId('company-current')).toContainText(/Pack complet .* payé jusqu’au/);
  const subscriptions = page.getByTestId('company-subscriptions');
  await expect(subscriptions.getByRole('row', { name: /Pack complet/ })).toContainText('Actif');
  const documents = page.getByTestId('company-documents');
  await expect(documents.getByRole('link', { name: /^PF-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(documents.getByRole('link', { name: /^FA-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(documents.getByRole('table', { name: 'Factures' })).toContainText('Payée');
  await expect(page.getByRole('table', { name: 'Comptes de l’entreprise' })).toContainText('superclient@atlas-logistique.dz');
  await expect(page.getByRole('link', { name: 'Provisionnement GLPI' })).toHaveAttribute('href', /\/backoffice\/companies\/\d+\/glpi$/);
  // What the sync costs GLPI, cycle by cycle (the worker syncs the demo's entity every few seconds in this stack).
  await expect(async () => {
    await page.reload();
    const cycles = page.getByRole('table', { name: /Derniers cycles de synchronisation/ });
    await expect(cycles.getByRole('columnheader', { name: 'Requêtes GLPI' })).toBeVisible({ timeout: 1_000 });
    await expect(cycles.getByRole('row').nth(1)).toContainText(/Terminé|Interrompu|En échec/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // A document link leads to its back-office page.
  await documents.getByRole('link', { name: /^FA-\d{4}-\d{4}$/ }).click();
  await expect(page).toHaveURL(/\/backoffice\/invoices\/\d+$/);
});
