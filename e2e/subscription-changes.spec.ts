import { expect, test } from '@playwright/test';
import { loginAs, mailsTo } from './support/login';
import { requestQuoteThroughWizard } from './support/billing-journey';

/** The Algiers day `days` from now, as a date input takes it. */
const algiersDayIn = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date(Date.now() + days * 86_400_000));

test('a client changes tier and stops at term from the portal; staff see both on the company page', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const email = `abonnement.${stamp}@example.dz`;
  const companyName = `Transports Tell ${stamp % 100000}`;
  // Support, 15 tickets a month (the tier up to 20), for 3 months.
  const quoteId = await requestQuoteThroughWizard(page, email, companyName);

  // The usual sale, paid in cash at the office: pro-forma, payment, invoice, activation.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await loginAs(staff, 'commercial@ytech.dz', 'Commercial-demo-2026');
  await staff.goto(`/backoffice/quotes/${quoteId}/proforma`);
  await staff.getByRole('button', { name: 'Émettre et envoyer au client' }).click();
  await expect(staff).toHaveURL(/\/backoffice\/proformas\/\d+\?issued=1$/);
  const proformaUrl = new URL(staff.url()).pathname;
  await page.goto(`/portal/proformas/${proformaUrl.split('/').pop()}`);
  await page.getByLabel('Espèces (à l’agence)').check();
  await page.getByRole('button', { name: 'Accepter la pro forma' }).click();
  await expect(page.getByText('Pro forma acceptée. Merci !')).toBeVisible();
  await staff.goto(proformaUrl);
  await staff.getByLabel('Mode de paiement').selectOption('cash');
  await staff.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(staff.getByText(/Paiement enregistré, reçu REC-\d{4}-\d{4}\./)).toBeVisible();
  await staff.getByRole('button', { name: 'Émettre la facture' }).click();
  await staff.getByRole('link', { name: /^FA-\d{4}-\d{4}$/ }).click();
  await staff.getByRole('button', { name: 'Activer l’abonnement' }).click();
  await expect(staff.getByText(/Abonnement activé du/)).toBeVisible();

  // The client upgrades from a chosen day: a prorated pro-forma is issued.
  await page.goto('/portal');
  const changes = page.getByTestId('subscription-changes');
  await expect(changes).toContainText('Palier actuel : jusqu’à 20');
  // A day past the period is refused, with what was chosen kept.
  await changes.getByLabel('Nouveau palier').selectOption('30');
  await changes.getByLabel('À partir du').fill(algiersDayIn(200));
  await changes.getByRole('button', { name: 'Changer de palier' }).click();
  await expect(changes.getByRole('alert')).toHaveText('Choisissez une date entre aujourd’hui et la veille de la fin de la période.');
  await expect(changes.getByLabel('Nouveau palier')).toHaveValue('30');
  await expect(changes.getByLabel('À partir du')).toHaveValue(algiersDayIn(200));
  await expect(changes.getByLabel('À partir du')).toHaveAttribute('aria-invalid', 'true');
  await changes.getByLabel('À partir du').fill(algiersDayIn(10));
  await changes.getByRole('button', { name: 'Changer de palier' }).click();
  await expect(page.getByRole('status')).toContainText(/Facture pro forma PF-\d{4}-\d{4} émise pour le changement de palier/);
  await expect(page.getByTestId('subscription-changes')).toContainText(
    /Changement de palier en attente : facture pro forma PF-\d{4}-\d{4}/,
  );

  // The pro-forma's lines read as quantities, unit prices and discounts, and say what is prorated.
  await page
    .getByRole('link', { name: /Nouvelle facture pro forma PF-\d{4}-\d{4}/ })
    .first()
    .click();
  const lines = page.getByRole('table', { name: 'Lignes' });
  for (const header of ['Désignation', 'Quantité', 'Prix unitaire HT', 'Remise', 'Montant HT'])
    await expect(lines.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  await expect(lines).toContainText(/changement de palier \(jusqu’à 20 → jusqu’à 30\).*au prorata de \d+ jours sur \d+/);
  await page.screenshot({ path: 'test-results/e2e/screenshots/subscription-tier-change-proforma.png', fullPage: true });

  // The client asks to stop at the end of the period.
  await page.goto('/portal');
  await page.getByTestId('subscription-changes').getByLabel('Je confirme l’arrêt de l’abonnement à son échéance').check();
  await page.getByRole('button', { name: 'Arrêter à l’échéance' }).click();
  await expect(page.getByRole('status')).toHaveText('La demande d’arrêt à l’échéance est enregistrée.');
  await expect(page.getByTestId('subscription-cancelled-at-term')).toContainText('Arrêt demandé : l’abonnement s’arrêtera le');
  await expect(page.getByRole('button', { name: 'Arrêter à l’échéance' })).toHaveCount(0);
  await expect(page.getByLabel(/Renouveler automatiquement/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/screenshots/subscription-cancelled-at-term-client.png', fullPage: true });
  await expect
    .poll(async () => (await mailsTo(page, email)).map((m) => m.subject), { timeout: 30_000 })
    .toContain('Votre abonnement Y-tech s’arrêtera à son échéance');

  // Staff: the request is on the company page, with the company's balance.
  await staff.goto(`/backoffice/companies?q=${encodeURIComponent(companyName)}`);
  await staff.getByRole('link', { name: companyName, exact: true }).click();
  await expect(staff.getByRole('table', { name: /Abonnements/ })).toContainText('Arrêt à l’échéance');
  await expect(staff.getByTestId('subscription-cancelled-at-term')).toBeVisible();
  const balance = staff.getByTestId('balance');
  await expect(balance.getByRole('heading', { name: 'Solde du compte' })).toBeVisible();
  await expect(balance.getByTestId('balance-due')).toHaveText(/^0(,00)?\sDA$/);
  await expect(balance.getByTestId('balance-paid')).not.toHaveText(/^0(,00)?\sDA$/);
  await expect(staff.getByRole('link', { name: /^REC-\d{4}-\d{4}$/ })).toHaveCount(1);
  await staff.screenshot({ path: 'test-results/e2e/screenshots/subscription-cancelled-at-term-staff.png', fullPage: true });
  await staffContext.close();
});
