import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import mysql from 'mysql2/promise';
import { e2eEnv, e2ePorts } from './support/e2e-env';
import { linkMailedTo, loginAs } from './support/login';
import { eventually } from './support/eventually';

// A ticket solved by a technician in GLPI (the simulator) mails its satisfaction survey; the link
// works in a browser that never logged in, once, and not after it expired. Bad input and a forged
// link say what is wrong and store nothing.
const superClient = { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026' };
const simControl = `http://127.0.0.1:${e2ePorts.glpi}/_control`;

/** The survey's expiry moved as time would move it: the e2e database, never the code under test. */
async function setSurveyExpiry(ticketId: number, daysFromNow: number): Promise<void> {
  const db = await mysql.createConnection(e2eEnv.DATABASE_URL);
  try {
    await db.execute('UPDATE ticket_surveys SET expires_at = DATE_ADD(UTC_TIMESTAMP(), INTERVAL ? DAY) WHERE glpi_ticket_id = ?', [
      daysFromNow,
      ticketId,
    ]);
  } finally {
    await db.end();
  }
}

async function answersOf(ticketId: number): Promise<number> {
  const db = await mysql.createConnection(e2eEnv.DATABASE_URL);
  try {
    const [rows] = await db.query("SELECT COUNT(*) AS n FROM glpi_outbox WHERE kind = 'satisfaction' AND glpi_ticket_id = ?", [ticketId]);
    return Number((rows as Array<{ n: number }>)[0]!.n);
  } finally {
    await db.end();
  }
}

async function surveyInGlpi(ticketId: number) {
  const response = await fetch(`${simControl}/items/TicketSatisfaction`);
  const rows = (await response.json()) as Array<{ tickets_id: number; satisfaction: number | null; comment: string | null }>;
  return rows.find((row) => row.tickets_id === ticketId) ?? null;
}

test('the satisfaction link works without a session, once, until it expires; bad input and forged links are refused', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await loginAs(page, superClient.email, superClient.password);
  await page.goto('/portal/tickets/new');
  const title = `Scanner hors service ${Date.now()}`;
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Le scanner du 2e étage ne répond plus.');
  await page.getByRole('button', { name: 'Envoyer au support' }).click();
  await eventually(page, async () => {
    expect(page.url()).toMatch(/\/portal\/tickets\/\d+/);
  });
  const number = Number(/\/portal\/tickets\/(\d+)/.exec(page.url())![1]);
  // The cache holds it unsolved first: the sync then sees it solved (a ticket first seen solved is no event).
  await eventually(page, async () => {
    await expect(page.getByTestId('ticket-status')).toHaveText(/Nouveau|En cours/, { timeout: 1_000 });
  });
  expect(
    (await page.request.post(`${simControl}/tickets/${number}/solutions`, { data: { content: '<p>Pilote mis à jour.</p>' } })).ok(),
  ).toBe(true);
  let link = '';
  await eventually(
    page,
    async () => {
      link = await linkMailedTo(page, superClient.email, '/satisfaction/');
      expect(link).toContain('/satisfaction/');
    },
    90_000,
  );

  // A browser that never logged in.
  const visitor = await (await browser.newContext()).newPage();
  const path = new URL(link).pathname;

  // Expired: refused with a clear message.
  await setSurveyExpiry(number, -1);
  await visitor.goto(path);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Ce lien d’enquête ne peut pas être utilisé');
  await expect(visitor.getByRole('alert')).toContainText('a expiré');
  await setSurveyExpiry(number, 30);

  const opened = await visitor.goto(path);
  expect(opened?.status(), (await visitor.locator('main').textContent()) ?? '').toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Votre avis sur le ticket #${number}`);
  // No star chosen: the message says so and the comment typed stays.
  await visitor.getByLabel('Commentaire (facultatif)').fill('Intervention rapide.');
  await visitor.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(visitor.getByRole('alert')).toContainText('Choisissez une note de 1 à 5 étoiles.');
  await expect(visitor.getByLabel('Commentaire (facultatif)')).toHaveValue('Intervention rapide.');
  // A star out of range (a tampered form): refused the same way, nothing stored.
  // Checked first: React puts a radio's value back when it changes, so the tampering comes after.
  await visitor.getByTestId('rating-5').check();
  await visitor.getByTestId('rating-5').evaluate((input) => {
    (input as HTMLInputElement).value = '9';
  });
  await visitor.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(visitor.getByRole('alert')).toContainText('Choisissez une note de 1 à 5 étoiles.');
  await expect(visitor.getByLabel('Commentaire (facultatif)')).toHaveValue('Intervention rapide.');
  expect(await answersOf(number)).toBe(0);

  await visitor.getByTestId('rating-4').check();
  await visitor.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(visitor.getByRole('status')).toContainText('Merci');
  expect(await answersOf(number)).toBe(1);
  // The worker writes it to GLPI (here the simulator) as the ticket's requester.
  await expect.poll(() => surveyInGlpi(number), { timeout: 60_000 }).toMatchObject({ satisfaction: 4, comment: 'Intervention rapide.' });

  // Used a second time: refused.
  await visitor.goto(path);
  await expect(visitor.getByRole('alert')).toContainText('déjà reçu une réponse');
  // A forged link: refused, says so.
  await visitor.goto(`/satisfaction/${randomBytes(32).toString('base64url')}`);
  await expect(visitor.getByRole('alert')).toContainText('n’est pas valide');
  expect(await answersOf(number)).toBe(1);

  // The client sees their answer on the ticket's page.
  await page.goto(`/portal/tickets/${number}`);
  await expect(page.getByTestId('satisfaction-answer')).toContainText('4 sur 5');
});
