import { expect, type Page } from '@playwright/test';
import { extractPdfText } from '../../server/documents/pdf-text';
import { linkMailedTo } from './login';

/** The billing journeys' shared steps, as a new client and a commercial go through them. */

export async function requestQuoteThroughWizard(page: Page, email: string, companyName: string): Promise<number> {
  await page.goto('/quote');
  await page.getByLabel('Prénom').fill('Samir');
  await page.getByLabel('Nom', { exact: false }).nth(1).fill('Haddad');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Téléphone').fill('0551 98 76 54');
  await page.getByLabel('Mot de passe').fill('mot-de-passe-solide');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  // The mailed link activates the account and brings the visitor back to the wizard, logged in.
  await expect(page.getByRole('status')).toContainText(email);
  await page.goto(await linkMailedTo(page, email, '/register/confirm/'));
  await page.getByRole('button', { name: 'Activer mon compte' }).click();

  await expect(page.getByRole('heading', { level: 2, name: /Entreprise/ })).toBeVisible();
  await page.getByLabel('Raison sociale').fill(companyName);
  await page.getByLabel("Secteur d'activité").selectOption('Commerce');
  await page.getByLabel("Nombre d'employés").selectOption('11-20');
  await page.getByLabel('Adresse', { exact: false }).first().fill('3 rue Ben Boulaïd, Sétif');
  await page.getByLabel('Téléphone de l’entreprise').fill('0550 11 22 33');
  // The legal ids an invoice needs.
  await page.getByLabel('Registre du commerce (RC)').fill('19/00-1234567B20');
  await page.getByLabel("Numéro d'identification fiscale (NIF)").fill('001919123456789');
  await page.getByLabel("Numéro d'identification statistique (NIS)").fill('001919123456789');
  await page.getByLabel("Article d'imposition (AI)").fill('19123456789');
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 2, name: /Service/ })).toBeVisible();
  await page.getByLabel(/Support informatique/).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Besoins/ })).toBeVisible();
  await page.getByLabel('Nombre de tickets par mois').fill('15');
  await page.getByLabel('Décrivez votre besoin').fill('Support de nos 14 postes et de la messagerie.');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Durée/ })).toBeVisible();
  await page.getByLabel('3 mois').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page).toHaveURL(/\/quote\/sent\?id=\d+$/);
  return Number(new URL(page.url()).searchParams.get('id'));
}

/** Today in Algiers, as a date input takes it. */
export const algiersToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date());

/** The commercial types what the client's purchase order says, and sees every check pass. */
export async function reviewPurchaseOrder(
  staff: Page,
  order: { poNumber: string; proformaNumber: string; exclTaxDa: string; inclTaxDa: string },
) {
  await staff.getByLabel('N° du bon de commande du client').fill(order.poNumber);
  await staff.getByLabel('N° de pro forma cité sur le bon').fill(order.proformaNumber);
  await staff.getByLabel('Date du bon de commande').fill(algiersToday());
  await staff.getByLabel('Montant du bon (DA HT)').fill(order.exclTaxDa);
  await staff.getByLabel('Montant du bon (DA TTC)').fill(order.inclTaxDa);
  await expect(staff.getByText('Le montant correspond au total de la pro forma.')).toBeVisible();
}

/** A PDF the logged-in page may download, as text (runs of spaces collapsed). */
export async function pdfText(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  return (await extractPdfText(await response.body())).replace(/\s+/g, ' ');
}
