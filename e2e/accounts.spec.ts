import { expect, test } from '@playwright/test';
import { linkMailedTo } from './support/login';

// The one test that goes through the log-in form on purpose (others log in through a fixture).
test('register, log out, log in, see the client home — in French, then in English', async ({ page }) => {
  const email = `e2e.${Date.now()}@example.dz`;
  const password = 'mot-de-passe-solide';

  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // A bad phone number: the error is shown beside the field and the typed values stay.
  await page.getByLabel('Prénom').fill('Lina');
  await page.getByLabel('Nom', { exact: false }).nth(1).fill('Saadi');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Téléphone').fill('12345');
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByText('Numéro de téléphone algérien invalide')).toBeVisible();
  await expect(page.getByLabel('Téléphone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
  await expect(page.getByLabel('Prénom')).toHaveValue('Lina');

  await page.getByLabel('Téléphone').fill('0551 23 45 67');
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  // The account exists once the address is confirmed: the page says so whether or not it had one.
  await expect(page.getByRole('status')).toContainText(`nous avons envoyé un e-mail à ${email}`);
  await page.goto(await linkMailedTo(page, email, '/register/confirm/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Activer votre compte' })).toBeVisible();
  await page.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Lina' })).toBeVisible();
  await expect(page.getByText("Vous n'avez pas encore d'abonnement actif.")).toBeVisible();
  await expect(page.getByText('Bienvenue chez Y-tech, Lina !')).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await page.goto('/portal');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fportal/);

  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);

  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Lina' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/client-home-fr.png', fullPage: true });

  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Lina' })).toBeVisible();
  await expect(page.getByText('You have no active subscription yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/client-home-en.png', fullPage: true });
});
