import { expect, test, type Page } from '@playwright/test';
import { Queue } from 'bullmq';
import { e2eEnv, e2eMailApi } from './support/e2e-env';
import { loginAs, mailsTo } from './support/login';

const admin = { email: 'admin@ytech.dz', password: 'Admin-e2e-2026' };

/**
 * The e2e database is fresh at every run but its Redis prefix is not: finished jobs of earlier
 * runs keep their ids (`mail-<email_log id>`), and BullMQ ignores an add whose id it still holds,
 * so a new mail with a reused id would never be sent. Forgetting finished jobs (never waiting or
 * running ones) frees those ids.
 */
test.beforeAll(async () => {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const mail = new Queue('mail', {
    connection: { host: url.hostname, port: Number(url.port || 6379) },
    prefix: `{${e2eEnv.REDIS_PREFIX}}`,
  });
  await mail.clean(0, 100_000, 'completed');
  await mail.clean(0, 100_000, 'failed');
  await mail.close();
});

/** The invitation link of the newest mail to this address, read from the stack's mail catcher. */
async function invitationLink(page: Page, email: string): Promise<string> {
  await expect.poll(async () => (await mailsTo(page, email)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const [newest] = await mailsTo(page, email);
  const message = (await (await page.request.get(`${e2eMailApi}/${newest!.id}`)).json()) as { subject: string; html: string };
  expect(message.subject).toBe('Votre compte Y-tech vous attend');
  const href = /href="([^"]*\/invitation\/[A-Za-z0-9_-]+)"/.exec(message.html)?.[1];
  expect(href).toBeTruthy();
  return href!;
}

test('an admin creates a commercial, who sets a password from the invitation e-mail and logs in', async ({ page, browser }) => {
  const email = `commercial.${Date.now()}@ytech.dz`;
  const password = 'Bienvenue-chez-ytech';
  await loginAs(page, admin.email, admin.password);
  await page.goto('/backoffice');
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page).toHaveURL(/\/backoffice\/admin$/);
  await page.getByRole('navigation', { name: 'Menu de l’administration' }).getByRole('link', { name: 'Employés' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Employés' })).toBeVisible();

  await page.getByRole('textbox', { name: /^Prénom/ }).fill('Karim');
  await page.getByRole('textbox', { name: /^Nom/ }).fill('Benali');
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(email);
  await page.getByLabel('Rôle', { exact: true }).selectOption('commercial');
  await page.getByRole('button', { name: 'Créer et inviter' }).click();
  await expect(page.getByRole('status')).toHaveText(`Compte créé : l’invitation est envoyée à ${email}.`);
  await expect(page.getByTestId(`employee-${email}`)).toContainText('Invitation en attente');

  const link = await invitationLink(page, email);
  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(link);
  await expect(invited.getByRole('heading', { level: 1, name: 'Bienvenue chez Y-tech' })).toBeVisible();
  await invited.getByLabel('Nouveau mot de passe').fill(password);
  await invited.getByRole('button', { name: 'Choisir mon mot de passe' }).click();
  await expect(invited).toHaveURL(/\/login\?reset=1$/);

  await loginAs(invited, email, password);
  await invited.goto('/backoffice');
  await expect(invited).toHaveURL(/\/backoffice$/);
  await expect(invited.getByRole('link', { name: 'Back-office' })).toBeVisible();
  await expect(invited.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await context.close();

  await page.reload();
  await expect(page.getByTestId(`employee-${email}`)).not.toContainText('Invitation en attente');
});

test('an admin publishes a FAQ entry that a visitor then finds by search', async ({ page, browser }) => {
  const word = `Teleportation${Date.now()}`;
  const question = `Comment fonctionne la ${word} des imprimantes ?`;
  await loginAs(page, admin.email, admin.password);
  await page.goto('/backoffice/admin/faq');
  await page.getByRole('textbox', { name: /^Question \(français\)/ }).fill(question);
  await page.getByRole('textbox', { name: /^Réponse \(français\)/ }).fill('Par le réseau, grâce à nos techniciens.');
  await page.getByRole('textbox', { name: /^Question \(anglais\)/ }).fill(`How does printer ${word} work?`);
  await page.getByRole('textbox', { name: /^Réponse \(anglais\)/ }).fill('Through the network, thanks to our technicians.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const row = page.getByRole('row', { name: new RegExp(word) });
  await expect(row).toContainText('Masquée');

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto('/faq');
  await visitor.getByRole('searchbox', { name: 'Rechercher dans la FAQ' }).fill(word);
  await visitor.getByRole('button', { name: 'Rechercher dans la FAQ' }).click();
  await expect(visitor.getByText('Aucune question ne correspond à votre recherche.')).toBeVisible();

  await row.getByRole('button', { name: 'Publier' }).click();
  await expect(row).toContainText('Publiée');

  await visitor.reload();
  await expect(visitor.getByText(question)).toBeVisible();
  await visitor.getByText(question).click();
  await expect(visitor.getByText('Par le réseau, grâce à nos techniciens.')).toBeVisible();
  await context.close();
});

test('the admin dashboard draws its charts in the browser, each beside its data table', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await loginAs(page, admin.email, admin.password);
  await page.goto('/backoffice/admin/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  const charts = page.getByRole('img', { name: /^Graphique :/ });
  await expect(charts).toHaveCount(2);
  // chart.js has drawn: the canvas got its pixel size from the chart, not the 300×150 default.
  await expect.poll(() => charts.first().evaluate((c) => (c as HTMLCanvasElement).width)).not.toBe(300);
  await expect(page.getByRole('table', { name: 'Tunnel des devis (demandes des 12 derniers mois)' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Facturé et encaissé par mois (TTC, 12 mois)' }).getByRole('row')).toHaveCount(13);
  await page.screenshot({ path: 'test-results/e2e/screenshots/admin-dashboard.png', fullPage: true });
  expect(errors).toEqual([]);
});
