import { expect, test } from '@playwright/test';
import { linkMailedTo, loginAs } from './support/login';

test('a visitor requests a quote, registering inside the wizard; a commercial calls and marks it contacted', async ({ page, browser }) => {
  const stamp = Date.now();
  const email = `devis.${stamp}@example.dz`;
  const companyName = `Pharmacie Essai ${stamp}`;

  await page.goto('/');
  await page.getByRole('link', { name: 'Demander un devis' }).first().click();
  await expect(page).toHaveURL(/\/quote$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Demander un devis' })).toBeVisible();

  // Account step: a bad phone number is refused beside the field and what was typed stays.
  await page.getByLabel('Prénom').fill('Nadia');
  await page.getByLabel('Nom', { exact: false }).nth(1).fill('Kaci');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Téléphone').fill('12345');
  await page.getByLabel('Mot de passe').fill('mot-de-passe-solide');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByText('Numéro de téléphone algérien invalide')).toBeVisible();
  await expect(page.getByLabel('Téléphone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
  await expect(page.getByLabel('Prénom')).toHaveValue('Nadia');
  await page.getByLabel('Téléphone').fill('+213 661 23 45 67');
  await page.getByLabel('Mot de passe').fill('mot-de-passe-solide');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('status')).toContainText(email);
  // The link in the mail activates the account and comes back to the wizard.
  await page.goto(await linkMailedTo(page, email, '/register/confirm/'));
  await page.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(page).toHaveURL(/\/quote$/);

  // Company step, now logged in (the header says so).
  await expect(page.getByRole('heading', { level: 2, name: /Entreprise/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await page.getByLabel('Raison sociale').fill(companyName);
  await page.getByLabel("Secteur d'activité").selectOption('Santé');
  await page.getByLabel("Nombre d'employés").selectOption('6-10');
  await page.getByLabel('Adresse', { exact: false }).first().fill('12 rue Larbi Ben M’hidi, Oran');
  await page.getByLabel('Téléphone de l’entreprise').fill('0550 12 34 56');
  await page.getByRole('button', { name: 'Continuer' }).click();

  // Service, then details with the live estimate.
  await expect(page.getByRole('heading', { level: 2, name: /Service/ })).toBeVisible();
  await page.getByLabel(/Support informatique/).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Besoins/ })).toBeVisible();
  const estimate = page.getByTestId('quote-estimate');
  await page.getByLabel('Nombre de tickets par mois').fill('15');
  await expect(estimate).toHaveText(/120\s000 DA HT \/ mois/);
  await page.getByLabel('Nombre de tickets par mois').fill('60');
  await expect(estimate).toHaveText('Au-delà du dernier palier : le prix est fixé avec votre commercial.');

  // Out of range: the message sits beside the field and the values stay.
  await page.getByLabel('Nombre de tickets par mois').fill('10001');
  await page.getByLabel('Décrivez votre besoin').fill('Imprimantes en panne, messagerie lente.');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Saisissez un nombre entre 0 et 10 000.')).toBeVisible();
  await expect(page.getByLabel('Nombre de tickets par mois')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Nombre de tickets par mois')).toHaveValue('10001');
  await expect(page.getByLabel('Décrivez votre besoin')).toHaveValue('Imprimantes en panne, messagerie lente.');
  await page.getByLabel('Nombre de tickets par mois').fill('15');
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 2, name: /Durée/ })).toBeVisible();
  await page.getByLabel('6 mois').check();
  await page.getByRole('button', { name: 'Continuer' }).click();

  // Review: everything typed since the first step is still there, and the estimate too.
  await expect(page.getByRole('heading', { level: 2, name: /Récapitulatif/ })).toBeVisible();
  await expect(page.getByText(companyName)).toBeVisible();
  await expect(page.getByText('Imprimantes en panne, messagerie lente.')).toBeVisible();
  await expect(estimate).toHaveText(/120\s000 DA HT \/ mois/);
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();

  await expect(page).toHaveURL(/\/quote\/sent\?id=\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Demande envoyée' })).toBeVisible();
  const reference = (await page.getByRole('status').textContent())!.match(/DV-\d+/)![0];

  // The commercial finds it, calls, and marks it contacted.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await loginAs(staff, 'commercial@ytech.dz', 'Commercial-demo-2026');
  await staff.goto('/backoffice');
  await expect(staff.getByRole('link', { name: reference })).toBeVisible();
  await staff.goto('/backoffice/quotes');
  await staff.getByLabel('Rechercher une entreprise').fill(companyName);
  await staff.getByRole('button', { name: 'Rechercher' }).click();
  await expect(staff.getByRole('row')).toHaveCount(2);
  await staff.getByRole('link', { name: reference }).click();

  await expect(staff.getByRole('heading', { level: 1, name: `Demande ${reference}` })).toBeVisible();
  await expect(staff.getByRole('link', { name: '+213550123456' })).toHaveAttribute('href', 'tel:+213550123456');
  await expect(staff.getByRole('link', { name: 'Établir une pro-forma' }).first()).toHaveAttribute(
    'href',
    /\/backoffice\/quotes\/\d+\/proforma$/,
  );
  await staff.getByLabel("Résultat de l'appel").selectOption('reached');
  await staff.getByLabel('Note').fill('Besoin confirmé, envoyer une pro forma.');
  await staff.getByRole('button', { name: "Enregistrer l'appel" }).click();
  await expect(staff.getByText('Appel enregistré.', { exact: true })).toBeVisible();
  await expect(staff.getByText('Besoin confirmé, envoyer une pro forma.')).toBeVisible();

  await staff.getByRole('button', { name: 'Marquer comme contactée' }).click();
  await expect(staff.getByText('La demande est marquée comme contactée.')).toBeVisible();
  await expect(staff.getByText('Contactée', { exact: true }).first()).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Marquer comme contactée' })).toHaveCount(0);
  await expect(staff.getByRole('region', { name: 'Historique' }).getByText('Marquée comme contactée')).toBeVisible();
  await staffContext.close();
});
