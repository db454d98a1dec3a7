import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { pdfText, requestQuoteThroughWizard } from './support/billing-journey';

/** A 1×1 PNG: the client's scan of a transfer order or cheque. */
const scan = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const modes = [
  { code: 'transfer', label: 'Virement bancaire', printed: 'Virement bancaire', reference: 'VIR-BNA-2026-7781' },
  { code: 'cheque', label: 'Chèque', printed: 'Chèque', reference: 'CHQ 0045871' },
  // The documents print the catalog's name of the mode (its apostrophe is a plain one).
  { code: 'cash', label: 'Espèces (à l’agence)', printed: 'Espèces', reference: 'Caisse 14' },
] as const;

for (const mode of modes) {
  test(`${mode.label}: quote → pro-forma of several lines → accepted → paid as chosen → invoice → active subscription, PDFs checked`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    const stamp = Date.now();
    const email = `${mode.code}.${stamp}@example.dz`;
    // An Arabic company name: it must come out of the PDFs as Arabic.
    const companyName = `مؤسسة النور للتجارة ${stamp % 100000}`;
    const quoteId = await requestQuoteThroughWizard(page, email, companyName);

    // The commercial adds an on-site intervention line to the service line: 3 × 120 000 + 2 × 8 000 = 376 000 DA HT.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await loginAs(staff, 'commercial@ytech.dz', 'Commercial-demo-2026');
    await staff.goto(`/backoffice/quotes/${quoteId}/proforma`);
    await staff.getByLabel('Ligne à ajouter').selectOption('intervention');
    await staff.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await expect(staff.getByLabel('Désignation').nth(1)).toHaveValue('Intervention sur site (déplacement et main-d’œuvre)');
    await staff.getByLabel('Quantité').fill('2');
    await staff.getByLabel('Prix unitaire HT (DA)').fill('8000');
    await expect(staff.getByRole('table', { name: 'Totaux (calculés pendant la saisie)' })).toContainText(/447\s440 DA/);
    await staff.getByRole('button', { name: 'Émettre et envoyer au client' }).click();
    await expect(staff).toHaveURL(/\/backoffice\/proformas\/\d+\?issued=1$/);
    const proformaUrl = new URL(staff.url()).pathname;
    const proformaId = Number(proformaUrl.split('/').pop());
    const heading = staff.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/PF-\d{4}-\d{4}/);
    const proformaNumber = (await heading.textContent())!.match(/PF-\d{4}-\d{4}/)![0];

    // The client accepts, choosing the mode; the page asks for that mode's evidence, never a purchase order.
    await page.goto(`/portal/proformas/${proformaId}`);
    await page.getByLabel(mode.label).check();
    await page.getByRole('button', { name: 'Accepter la pro forma' }).click();
    await expect(page.getByText('Pro forma acceptée. Merci !')).toBeVisible();
    await expect(page.getByTestId('chosen-mode')).toHaveText(`Mode de paiement choisi : ${mode.label}`);
    await expect(page.getByLabel('Fichier du bon de commande')).toHaveCount(0);
    if (mode.code === 'cash') {
      await expect(page.getByText(/en espèces à notre agence/)).toBeVisible();
    } else {
      await page.getByLabel(mode.code === 'cheque' ? 'Numéro du chèque' : 'Référence bancaire du virement').fill(mode.reference);
      await page
        .getByLabel(mode.code === 'cheque' ? 'Copie du chèque (scan)' : 'Ordre de virement (scan)')
        .setInputFiles({ name: 'justificatif.png', mimeType: 'image/png', buffer: scan });
      await page.getByRole('button', { name: 'Envoyer le justificatif' }).click();
      await expect(page.getByText('Justificatif envoyé.', { exact: false })).toBeVisible();
    }
    await page.screenshot({ path: `test-results/e2e/screenshots/payment-${mode.code}-client.png`, fullPage: true });

    // Staff: confirm the proof, or record the cash paid at the office; a receipt follows.
    await staff.goto(proformaUrl);
    await expect(staff.getByTestId('chosen-mode')).toHaveText(`Mode de paiement choisi : ${mode.label}`);
    if (mode.code === 'cash') {
      await staff.getByLabel('Mode de paiement').selectOption('cash');
      await staff.getByLabel('Référence').fill(mode.reference);
      await staff.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    } else {
      await expect(staff.getByText(mode.reference).first()).toBeVisible();
      await staff.getByRole('button', { name: 'Confirmer la réception des fonds' }).click();
    }
    await expect(staff.getByText(/Paiement enregistré, reçu REC-\d{4}-\d{4}\./)).toBeVisible();
    await staff.screenshot({ path: `test-results/e2e/screenshots/payment-${mode.code}-staff.png`, fullPage: true });
    await staff.getByRole('button', { name: 'Émettre la facture' }).click();
    await expect(staff.getByText(/Facture FA-\d{4}-\d{4} émise/)).toBeVisible();
    await staff.getByRole('link', { name: /^FA-\d{4}-\d{4}$/ }).click();
    await expect(staff.getByRole('heading', { level: 1, name: /Facture FA-/ })).toBeVisible();
    const invoiceId = Number(new URL(staff.url()).pathname.split('/').pop());
    await staff.getByRole('button', { name: 'Activer l’abonnement' }).click();
    await expect(staff.getByText(/Abonnement activé du/)).toBeVisible();

    // The documents, as the client downloads them: mode, lines, totals and the Arabic name.
    for (const url of [`/documents/proforma/${proformaId}`, `/documents/invoice/${invoiceId}`]) {
      const text = await pdfText(page, url);
      expect(text).toContain(companyName);
      // The description wraps inside its cell: its first words are enough.
      expect(text).toContain('Intervention sur site (déplacement');
      expect(text).toContain('360 000,00 DA');
      expect(text).toContain('16 000,00 DA');
      expect(text).toContain('376 000,00 DA');
      expect(text).toContain('447 440,00 DA');
      expect(text).toContain(`Mode de paiement${url.includes('invoice') ? '' : ' choisi'} : ${mode.printed}`);
      expect(text).not.toMatch(/choisi : Bon de commande|Mode de paiement : Bon de commande/);
    }

    // The client's account: the receipt, the balance settled; the subscription is active.
    await page.goto('/portal/balance');
    await expect(page.getByTestId('balance-due')).toHaveText(/0,00 DA|0 DA/);
    const receipt = page.getByRole('link', { name: /^REC-\d{4}-\d{4}$/ });
    await expect(receipt).toHaveCount(1);
    const receiptText = await pdfText(page, (await receipt.getAttribute('href'))!);
    expect(receiptText).toContain(companyName);
    expect(receiptText).toContain(mode.printed);
    expect(receiptText).toContain(proformaNumber);
    await page.goto('/portal');
    await expect(page.getByTestId('subscription-active')).toHaveText('Votre abonnement est actif.');
    await staffContext.close();
  });
}
