import { expect, test, type Page } from '@playwright/test';
import { e2eBaseUrl } from './support/e2e-env';
import { linkMailedTo, loginAs } from './support/login';
import { eventually } from './support/eventually';

// Issue 18: the demo super-client (Atlas's manager) invites a member, who sets a password, logs in,
// opens a ticket and sees only their own tickets, while the manager sees every ticket of Atlas.
const manager = { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026' };

async function invite(page: Page, person: { firstName: string; lastName: string; email: string; role: string }) {
  await page.getByRole('textbox', { name: /^Prénom/ }).fill(person.firstName);
  await page.getByRole('textbox', { name: /^Nom/ }).fill(person.lastName);
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(person.email);
  await page.getByLabel('Rôle', { exact: true }).selectOption(person.role);
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
}

test.describe.configure({ mode: 'serial' });

test('a manager invites a member, who opens a ticket and sees only theirs; the manager sees both', async ({ page, browser }) => {
  const email = `membre.${Date.now()}@atlas-logistique.dz`;
  const password = 'Bienvenue-chez-atlas';
  await loginAs(page, manager.email, manager.password);
  await page.goto('/portal');
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mon équipe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon équipe' })).toBeVisible();
  await invite(page, { firstName: 'Lina', lastName: 'Brahimi', email, role: 'member' });
  await expect(page.getByRole('status')).toHaveText(`Invitation envoyée à ${email}.`);
  await expect(page.getByTestId(`person-${email}`)).toContainText('Collaborateur');
  await expect(page.getByTestId(`person-${email}`)).toContainText('Invitation en attente');

  const link = await linkMailedTo(page, email, '/invitation/');
  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto(link);
  await expect(member.getByRole('heading', { level: 1, name: 'Bienvenue chez Y-tech' })).toBeVisible();
  await member.getByLabel('Nouveau mot de passe').fill(password);
  await member.getByRole('button', { name: 'Choisir mon mot de passe' }).click();
  await expect(member).toHaveURL(/\/login\?reset=1$/);
  await loginAs(member, email, password);

  // A member's menu: tickets and the park, no documents, no dashboard, no team.
  await member.goto('/portal');
  const menu = member.getByRole('navigation', { name: 'Menu principal' });
  await expect(menu.getByRole('link', { name: 'Tickets' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Mes documents' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Mon équipe' })).toHaveCount(0);
  await member.goto('/portal/team');
  await expect(member).toHaveURL(/\/portal$/);

  const title = `Souris cassée ${Date.now()}`;
  await member.goto('/portal/tickets/new');
  await member.getByLabel('Titre').fill(title);
  await member.getByLabel('Type').selectOption('incident');
  await member.getByLabel('Urgence').selectOption('3');
  await member.getByLabel('Description').fill('La souris du poste 3 ne répond plus.');
  await member.getByRole('button', { name: 'Envoyer au support' }).click();
  await expect(member.getByRole('status')).toContainText('Votre ticket est enregistré');

  // Delivered as the member (their GLPI account, made when they were invited) and synced back.
  await member.goto('/portal/tickets');
  await eventually(
    member,
    async () => {
      await expect(member.getByTestId('ticket-table').getByRole('link', { name: title })).toBeVisible({ timeout: 1_000 });
    },
    90_000,
  );
  await expect(member.getByTestId('ticket-table').locator('tbody tr')).toHaveCount(1);

  await page.goto('/portal/tickets');
  await expect(page.getByTestId('ticket-table').getByRole('link', { name: title })).toBeVisible();
  expect(await page.getByTestId('ticket-table').locator('tbody tr').count()).toBeGreaterThan(1);
  await context.close();
});

test("clear refusals: inviting oneself, inviting another company's user, a member calling a manager's procedure", async ({
  page,
  browser,
}) => {
  await loginAs(page, manager.email, manager.password);
  await page.goto('/portal/team');
  const rows = await page.getByTestId('company-team').locator('tbody tr').count();

  await invite(page, { firstName: 'Rachid', lastName: 'Khelifi', email: manager.email, role: 'member' });
  const form = page.getByRole('region', { name: 'Inviter une personne' });
  // Said on the e-mail field itself (and above the table).
  await expect(form.getByRole('alert')).toContainText('Vous ne pouvez ni vous inviter');
  await expect(form.getByRole('textbox', { name: /^Adresse e-mail/ })).toHaveAttribute('aria-invalid', 'true');
  // What was typed stays.
  await expect(page.getByRole('textbox', { name: /^Prénom/ })).toHaveValue('Rachid');

  await invite(page, { firstName: 'Nadia', lastName: 'Bouzid', email: 'client@pharmacie-elamel.dz', role: 'billing' });
  await expect(form.getByRole('alert')).toContainText('Cette adresse a déjà un compte Y-tech');
  await page.goto('/portal/team');
  await expect(page.getByTestId('company-team').locator('tbody tr')).toHaveCount(rows);

  const context = await browser.newContext();
  const member = await context.newPage();
  await loginAs(member, 'membre@atlas-logistique.dz', 'Membre-demo-2026');
  const refused = await member.request.post('/api/trpc/company.users.invite', {
    headers: { origin: e2eBaseUrl, 'content-type': 'application/json' },
    data: { json: { firstName: 'Intrus', lastName: 'Test', email: `intrus.${Date.now()}@example.dz`, companyRole: 'manager' } },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('errors.companyRoleRequired');
  await member.goto('/portal/documents');
  await expect(member.getByRole('heading', { level: 1 })).toHaveText("Vous n'avez pas accès à cette page.");
  await context.close();
  await page.goto('/portal/team');
  await expect(page.getByTestId('company-team').locator('tbody tr')).toHaveCount(rows);
});

test("a commercial sees Atlas's people with their roles and invites its new accountant from the back office", async ({ page }) => {
  await loginAs(page, 'commercial@ytech.dz', 'Commercial-demo-2026');
  await page.goto('/backoffice/companies');
  await page.getByRole('link', { name: 'Atlas Logistique SARL' }).first().click();
  await page.getByRole('link', { name: 'Personnes de l’entreprise' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personnes de l’entreprise' })).toBeVisible();
  await expect(page.getByTestId('person-membre@atlas-logistique.dz')).toContainText('Collaborateur');
  await expect(page.getByTestId('person-compta@atlas-logistique.dz')).toContainText('Comptabilité');
  await expect(page.getByTestId('person-superclient@atlas-logistique.dz')).toContainText('Responsable');

  const email = `comptable.${Date.now()}@atlas-logistique.dz`;
  await invite(page, { firstName: 'Amel', lastName: 'Kaci', email, role: 'billing' });
  await expect(page.getByRole('status')).toHaveText(`Invitation envoyée à ${email}.`);
  await expect(page.getByTestId(`person-${email}`)).toContainText('Comptabilité');
  await expect(page.getByTestId(`person-${email}`)).toContainText('Invitation en attente');
});
