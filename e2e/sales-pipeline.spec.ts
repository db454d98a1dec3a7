import { expect, test } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { loginAs, mailsTo } from './support/login';
import { pdfText, requestQuoteThroughWizard, reviewPurchaseOrder } from './support/billing-journey';

/** The client's signed purchase order, as their accounting software would print it. */
function purchaseOrderPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text('Bon de commande BC-E2E-001').moveDown().text('Montant TTC : 406 980,00 DA');
    doc.end();
  });
}

test('quote → pro-forma → accepted with a purchase order → invoice → active subscription on the client home', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const email = `pipeline.${stamp}@example.dz`;
  const companyName = `Setif Négoce ${stamp}`;
  const quoteId = await requestQuoteThroughWizard(page, email, companyName);

  // A commercial issues the pro-forma: 3 months at the tier price (120 000 DA), 5 % off.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await loginAs(staff, 'commercial@ytech.dz', 'Commercial-demo-2026');
  await staff.goto(`/backoffice/quotes/${quoteId}/proforma`);
  await expect(staff.getByRole('heading', { level: 1, name: 'Émettre une facture pro forma' })).toBeVisible();
  await expect(staff.getByLabel('Prix unitaire HT (DA / mois)')).toHaveValue('120000');
  await staff.getByLabel('Remise (%)').fill('5');
  await expect(staff.getByRole('table', { name: 'Totaux (calculés pendant la saisie)' })).toContainText(/406\s980 DA/);
  await staff.screenshot({ path: 'test-results/e2e/screenshots/proforma-issue.png', fullPage: true });
  await staff.getByRole('button', { name: 'Émettre et envoyer au client' }).click();
  await expect(staff).toHaveURL(/\/backoffice\/proformas\/\d+\?issued=1$/);
  const proformaUrl = new URL(staff.url()).pathname;
  // The URL changes before the new page is drawn: wait for its heading rather than read the old one.
  const proformaHeading = staff.getByRole('heading', { level: 1 });
  await expect(proformaHeading).toHaveText(/PF-\d{4}-\d{4}/);
  const proformaNumber = (await proformaHeading.textContent())!.match(/PF-\d{4}-\d{4}/)![0];

  // The client finds it among their documents, accepts it to pay by purchase order, and uploads one.
  await page.goto('/portal/documents');
  await page.getByRole('link', { name: proformaNumber, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Facture pro forma ${proformaNumber}` })).toBeVisible();
  await expect(page.getByTestId('proforma-total')).toHaveText(/406\s980 DA/);
  await page.getByLabel('Bon de commande').check();
  await page.getByRole('button', { name: 'Accepter la pro forma' }).click();
  await expect(page.getByText('Pro forma acceptée. Merci !')).toBeVisible();

  // A file that is not a PDF, even named .pdf, is refused beside the field.
  await page
    .getByLabel('Fichier du bon de commande')
    .setInputFiles({ name: 'bon.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>pas un PDF</html>') });
  await page.getByRole('button', { name: 'Envoyer le bon de commande' }).click();
  await expect(page.getByText('Ce fichier n’est pas un PDF, un PNG ou un JPEG.', { exact: false })).toBeVisible();
  await page
    .getByLabel('Fichier du bon de commande')
    .setInputFiles({ name: 'BC-E2E-001.pdf', mimeType: 'application/pdf', buffer: await purchaseOrderPdf() });
  await page.getByRole('button', { name: 'Envoyer le bon de commande' }).click();
  await expect(page.getByText('Bon de commande envoyé. Votre commercial va l’examiner.')).toBeVisible();

  // The commercial reviews it (the amount matches the total), then issues the invoice.
  await staff.goto(proformaUrl);
  await expect(staff.getByRole('link', { name: /Ouvrir le fichier — BC-E2E-001\.pdf/ })).toBeVisible();
  // The order as typed from the file: every check passes…
  await reviewPurchaseOrder(staff, { poNumber: 'BC-E2E-001', proformaNumber, exclTaxDa: '342000', inclTaxDa: '406980' });
  // …but an order for 1 DA is shown as differing and cannot be accepted without a written reason.
  await staff.getByLabel('Montant du bon (DA TTC)').fill('1');
  await expect(staff.getByTestId('po-check-amountInclTax')).toContainText('≠ différent');
  await staff.getByRole('button', { name: 'Accepter malgré l’écart' }).click();
  await expect(staff.getByText('Le bon de commande ne correspond pas à la pro forma (1 écart(s))', { exact: false })).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Émettre la facture' })).toHaveCount(0);
  await staff.getByLabel('Montant du bon (DA TTC)').fill('406980');
  await expect(staff.getByText('Le montant correspond au total de la pro forma.')).toBeVisible();
  await staff.screenshot({ path: 'test-results/e2e/screenshots/purchase-order-review.png', fullPage: true });
  await staff.getByRole('button', { name: 'Accepter le bon de commande' }).click();
  await expect(staff.getByText('Bon de commande examiné.')).toBeVisible();
  await staff.getByRole('button', { name: 'Émettre la facture' }).click();
  await expect(staff.getByText(/Facture FA-\d{4}-\d{4} émise/)).toBeVisible();
  await staff.getByRole('link', { name: /^FA-\d{4}-\d{4}$/ }).click();

  // …and activates the subscription from the invoice.
  await expect(staff.getByRole('heading', { level: 1, name: /Facture FA-/ })).toBeVisible();
  const invoiceId = Number(new URL(staff.url()).pathname.split('/').pop());
  const invoiceText = await pdfText(staff, `/documents/invoice/${invoiceId}`);
  expect(invoiceText).toContain('Mode de paiement : Bon de commande');
  expect(invoiceText).toContain('342 000,00 DA');
  expect(invoiceText).toContain('406 980,00 DA');
  await staff.getByRole('button', { name: 'Activer l’abonnement' }).click();
  await expect(staff.getByText(/Abonnement activé du/)).toBeVisible();

  // The client's home says the subscription is active, with its service.
  await page.goto('/portal');
  await expect(page.getByTestId('subscription-active')).toHaveText('Votre abonnement est actif.');
  await expect(page.getByText(/Votre abonnement Support informatique est actif/)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/client-home-subscribed.png', fullPage: true });

  // The pro-forma and the invoice reached the client by e-mail, each with its PDF.
  await expect
    .poll(async () => (await mailsTo(page, email)).some((m) => m.subject.includes(proformaNumber)), { timeout: 20_000 })
    .toBe(true);
  await expect
    .poll(async () => (await mailsTo(page, email)).some((m) => /Votre facture FA-/.test(m.subject)), { timeout: 20_000 })
    .toBe(true);
  await staffContext.close();
});
