import { reviewPurchaseOrder } from './support/billing-journey';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { e2ePorts } from './support/e2e-env';
import { linkMailedTo, loginAs, mailsTo } from './support/login';
import { eventually } from './support/eventually';

/**
 * The whole product in one story, through the pages only: a visitor becomes a client, the sales
 * pipeline runs to an active subscription (a refusal and a refused purchase order on the way),
 * GLPI gets the client, the sync fills the dashboards, a ticket goes to GLPI and its answer comes
 * back by page and by e-mail, and an admin deactivates an employee. Its own company and people,
 * so it does not depend on the other specs.
 */
const stamp = Date.now();
const client = { email: `journey.${stamp}@example.dz`, password: 'parcours-complet-2026' };
const companyName = `Journey Transports ${stamp}`;
const commercial = { email: 'commercial@ytech.dz', password: 'Commercial-demo-2026' };
const admin = { email: 'admin@ytech.dz', password: 'Admin-e2e-2026' };
const simControl = `http://127.0.0.1:${e2ePorts.glpi}/_control`;
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/e2e/screenshots/journey-${name}.png`, fullPage: true });

/** The client's signed purchase order, as their accounting software would print it. */
function purchaseOrderPdf(reference: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text(`Bon de commande ${reference}`);
    doc.end();
  });
}

test.describe.configure({ mode: 'serial' });

let clientContext: BrowserContext;
let staffContext: BrowserContext;
let visitor: Page;
let staff: Page;
const state = { quoteIds: [] as number[], proformaNumbers: [] as string[], proformaUrls: [] as string[], entityId: 0, ticketNumber: 0 };

test.beforeAll(async ({ browser }) => {
  clientContext = await browser.newContext();
  staffContext = await browser.newContext();
  visitor = await clientContext.newPage();
  staff = await staffContext.newPage();
});

test.afterAll(async () => {
  await clientContext.close();
  await staffContext.close();
});

/** The commercial issues the tier-priced pro-forma of a quote and returns to its page. */
async function issueProforma(quoteId: number) {
  await staff.goto(`/backoffice/quotes/${quoteId}/proforma`);
  await expect(staff.getByRole('heading', { level: 1, name: 'Émettre une facture pro forma' })).toBeVisible();
  await expect(staff.getByLabel('Prix unitaire HT (DA / mois)')).toHaveValue('120000');
  await staff.getByRole('button', { name: 'Émettre et envoyer au client' }).click();
  await expect(staff).toHaveURL(/\/backoffice\/proformas\/\d+\?issued=1$/);
  state.proformaUrls.push(new URL(staff.url()).pathname);
  // The URL changes before the new page is drawn: wait for its heading rather than read the old one.
  const heading = staff.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/PF-\d{4}-\d{4}/);
  state.proformaNumbers.push((await heading.textContent())!.match(/PF-\d{4}-\d{4}/)![0]);
}

async function uploadPurchaseOrder(reference: string) {
  await visitor
    .getByLabel('Fichier du bon de commande')
    .setInputFiles({ name: `${reference}.pdf`, mimeType: 'application/pdf', buffer: await purchaseOrderPdf(reference) });
  await visitor.getByRole('button', { name: 'Envoyer le bon de commande' }).click();
  await expect(visitor.getByText('Bon de commande envoyé. Votre commercial va l’examiner.')).toBeVisible();
}

test('a visitor reads the services and requests a quote, registering inside the wizard', async () => {
  await visitor.goto('/');
  await visitor.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Services et tarifs' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Services et tarifs' })).toBeVisible();
  await expect(visitor.getByRole('table').first()).toContainText('DA');
  await shot(visitor, 'services');

  await visitor.goto('/quote');
  await visitor.getByLabel('Prénom').fill('Lydia');
  await visitor.getByLabel('Nom', { exact: false }).nth(1).fill('Mansouri');
  await visitor.getByLabel('Adresse e-mail').fill(client.email);
  await visitor.getByLabel('Téléphone').fill('0552 40 50 60');
  await visitor.getByLabel('Mot de passe').fill(client.password);
  await visitor.getByRole('button', { name: 'Créer mon compte' }).click();
  // The mailed link confirms the address, creates the account and brings the visitor back, logged in.
  await expect(visitor.getByRole('status')).toContainText(client.email);
  await visitor.goto(await linkMailedTo(visitor, client.email, '/register/confirm/'));
  await visitor.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(visitor).toHaveURL(/\/quote$/);

  await expect(visitor.getByRole('heading', { level: 2, name: /Entreprise/ })).toBeVisible();
  await visitor.getByLabel('Raison sociale').fill(companyName);
  await visitor.getByLabel("Secteur d'activité").selectOption('Commerce');
  await visitor.getByLabel("Nombre d'employés").selectOption('11-20');
  await visitor.getByLabel('Adresse', { exact: false }).first().fill('8 boulevard Zighoud Youcef, Constantine');
  await visitor.getByLabel('Téléphone de l’entreprise').fill('0550 44 55 66');
  await visitor.getByLabel('Registre du commerce (RC)').fill('25/00-7654321B22');
  await visitor.getByLabel("Numéro d'identification fiscale (NIF)").fill('002525765432198');
  await visitor.getByLabel("Numéro d'identification statistique (NIS)").fill('002525765432198');
  await visitor.getByLabel("Article d'imposition (AI)").fill('25765432198');
  await visitor.getByRole('button', { name: 'Continuer' }).click();
  await expect(visitor.getByRole('heading', { level: 2, name: /Service/ })).toBeVisible();
  await visitor.getByLabel(/Support informatique/).check();
  await visitor.getByRole('button', { name: 'Continuer' }).click();
  await expect(visitor.getByRole('heading', { level: 2, name: /Besoins/ })).toBeVisible();
  await visitor.getByLabel('Nombre de tickets par mois').fill('15');
  await visitor.getByLabel('Décrivez votre besoin').fill('Support des postes du siège et de deux agences.');
  await visitor.getByRole('button', { name: 'Continuer' }).click();
  await expect(visitor.getByRole('heading', { level: 2, name: /Durée/ })).toBeVisible();
  await visitor.getByLabel('3 mois').check();
  await visitor.getByRole('button', { name: 'Continuer' }).click();
  await expect(visitor.getByRole('heading', { level: 2, name: /Récapitulatif/ })).toBeVisible();
  await visitor.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(visitor).toHaveURL(/\/quote\/sent\?id=\d+$/);
  state.quoteIds.push(Number(new URL(visitor.url()).searchParams.get('id')));
  await shot(visitor, 'quote-sent');
});

test('a commercial calls the client (call log) and issues a pro-forma', async () => {
  await loginAs(staff, commercial.email, commercial.password);
  await staff.goto(`/backoffice/quotes/${state.quoteIds[0]}`);
  await expect(staff.getByText(companyName).first()).toBeVisible();
  await staff.getByLabel("Résultat de l'appel").selectOption('reached');
  await staff.getByLabel('Note').fill('Besoin confirmé : 15 tickets par mois, trois mois pour commencer.');
  await staff.getByRole('button', { name: "Enregistrer l'appel" }).click();
  await expect(staff.getByText('Appel enregistré.', { exact: true })).toBeVisible();
  await shot(staff, 'call-log');
  await issueProforma(state.quoteIds[0]!);
  await shot(staff, 'proforma-issued');
});

test('the client refuses it and requests again from their portal', async () => {
  await visitor.goto('/portal/documents');
  await visitor.getByRole('link', { name: state.proformaNumbers[0]!, exact: true }).click();
  await visitor.getByLabel('Motif (facultatif)').fill('Nous préférons commencer par douze mois.');
  await visitor.getByRole('button', { name: 'Refuser la pro forma' }).click();
  await expect(visitor.getByText('Pro forma refusée. Votre commercial en est informé.')).toBeVisible();

  await visitor.goto('/portal');
  await visitor.getByRole('link', { name: 'Demander un nouveau devis' }).click();
  await expect(visitor).toHaveURL(/\/quote\?from=\d+$/);
  // Every step comes pre-filled from the refused request: continue to the summary.
  for (const heading of [/Entreprise/, /Service/, /Besoins/, /Durée/]) {
    await expect(visitor.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await visitor.getByRole('button', { name: 'Continuer' }).click();
  }
  await expect(visitor.getByRole('heading', { level: 2, name: /Récapitulatif/ })).toBeVisible();
  await expect(visitor.getByText(companyName)).toBeVisible();
  await visitor.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(visitor).toHaveURL(/\/quote\/sent\?id=\d+$/);
  state.quoteIds.push(Number(new URL(visitor.url()).searchParams.get('id')));
  expect(state.quoteIds[1]).not.toBe(state.quoteIds[0]);
});

test('the commercial issues a second pro-forma; the client accepts it and uploads a purchase order', async () => {
  await issueProforma(state.quoteIds[1]!);
  await visitor.goto('/portal/documents');
  await visitor.getByRole('link', { name: state.proformaNumbers[1]!, exact: true }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: `Facture pro forma ${state.proformaNumbers[1]}` })).toBeVisible();
  await visitor.getByLabel('Bon de commande').check();
  await visitor.getByRole('button', { name: 'Accepter la pro forma' }).click();
  await expect(visitor.getByText('Pro forma acceptée. Merci !')).toBeVisible();
  await uploadPurchaseOrder('BC-JOURNEY-1');
  await shot(visitor, 'purchase-order-sent');
});

test('the commercial refuses the first upload; the client uploads again; the commercial accepts it', async () => {
  await staff.goto(state.proformaUrls[1]!);
  await staff.getByLabel('Motif du refus').fill('Le bon n’est pas signé.');
  await staff.getByRole('button', { name: 'Refuser (le client est invité à envoyer un document corrigé)' }).click();
  await expect(staff.getByText('Bon de commande examiné.')).toBeVisible();

  await visitor.reload();
  await expect(visitor.getByText('Le bon n’est pas signé.')).toBeVisible();
  await uploadPurchaseOrder('BC-JOURNEY-2');
  const total = (await visitor.getByTestId('proforma-total').textContent())!.replace(/\D/g, '');

  await staff.reload();
  await expect(staff.getByRole('link', { name: /Ouvrir le fichier — BC-JOURNEY-2\.pdf/ })).toBeVisible();
  // VAT is 19 % of a whole-dinar total here: the HT amount is the TTC one divided by 1.19.
  await reviewPurchaseOrder(staff, {
    poNumber: 'BC-JOURNEY-2',
    proformaNumber: state.proformaNumbers[1]!,
    exclTaxDa: String(Math.round((Number(total) * 100) / 119)),
    inclTaxDa: total,
  });
  await shot(staff, 'purchase-order-review');
  await staff.getByRole('button', { name: 'Accepter le bon de commande' }).click();
  await expect(staff.getByText('Bon de commande examiné.')).toBeVisible();
});

test('the commercial issues the invoice and activates the subscription', async () => {
  await staff.getByRole('button', { name: 'Émettre la facture' }).click();
  await expect(staff.getByText(/Facture FA-\d{4}-\d{4} émise/)).toBeVisible();
  await staff.getByRole('link', { name: /^FA-\d{4}-\d{4}$/ }).click();
  await staff.getByRole('button', { name: 'Activer l’abonnement' }).click();
  await expect(staff.getByText(/Abonnement activé du/)).toBeVisible();
  await shot(staff, 'subscription-activated');

  await visitor.goto('/portal');
  await expect(visitor.getByTestId('subscription-active')).toHaveText('Votre abonnement est actif.');
});

test('provisioning creates the entity and the user in GLPI', async ({ request }) => {
  await expect
    .poll(
      async () => {
        const entities = (await (await request.get(`${simControl}/entities`)).json()) as { id: number; name: string }[];
        state.entityId = entities.find((e) => e.name === companyName)?.id ?? 0;
        return state.entityId;
      },
      { timeout: 45_000 },
    )
    .toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const users = (await (await request.get(`${simControl}/users`)).json()) as {
          name: string;
          entities_id: number;
          emails: { email: string }[];
        }[];
        return users.some((u) => u.emails.some((e) => e.email === client.email));
      },
      { timeout: 45_000 },
    )
    .toBe(true);
});

test('the first sync fills the super-client’s dashboard', async ({ request }) => {
  test.setTimeout(120_000);
  // The technicians inventory the client's park in GLPI.
  for (const [name, serial] of [
    ['PC-ACCUEIL', 'JRN-001'],
    ['PC-COMPTA', 'JRN-002'],
    ['PC-DIRECTION', 'JRN-003'],
  ]) {
    expect((await request.post(`${simControl}/items/Computer`, { data: { entities_id: state.entityId, name, serial } })).ok()).toBe(true);
  }
  await visitor.goto('/portal/dashboard');
  await eventually(
    visitor,
    async () => {
      await expect(visitor.getByTestId('card-park').getByText(/Données synchronisées le/)).toBeVisible({ timeout: 1_000 });
      await expect(visitor.getByTestId('chart-assets-type').locator('canvas')).toBeVisible({ timeout: 1_000 });
    },
    90_000,
  );
  await expect
    .poll(() =>
      visitor
        .getByTestId('chart-assets-type')
        .locator('canvas')
        .evaluate((canvas: HTMLCanvasElement) => {
          const context = canvas.getContext('2d');
          return !!context && canvas.width > 0 && context.getImageData(0, 0, canvas.width, canvas.height).data.some((v) => v !== 0);
        }),
    )
    .toBe(true);
  await shot(visitor, 'dashboard');
});

test('the super-client opens a ticket, the technician answers in GLPI, the client reads it and gets the e-mail', async ({ request }) => {
  test.setTimeout(120_000);
  const title = `Imprimante du siège hors ligne ${stamp}`;
  await visitor.goto('/portal/tickets/new');
  await visitor.getByLabel('Titre').fill(title);
  await visitor.getByLabel('Type').selectOption('incident');
  await visitor.getByLabel('Urgence').selectOption('3');
  await visitor.getByLabel('Description').fill('L’imprimante du premier étage n’imprime plus depuis ce matin.');
  await visitor.getByRole('button', { name: 'Envoyer au support' }).click();
  await expect(visitor.getByRole('status')).toContainText('Votre ticket est enregistré');

  await visitor.goto('/portal/tickets');
  await eventually(visitor, async () => {
    await expect(visitor.getByTestId('ticket-table').getByRole('link', { name: title })).toBeVisible({ timeout: 1_000 });
  });
  state.ticketNumber = Number(
    (await visitor.getByTestId('ticket-table').locator('tr', { hasText: title }).locator('td').first().textContent())?.trim(),
  );
  expect(state.ticketNumber).toBeGreaterThan(0);

  const answer = await request.post(`${simControl}/tickets/${state.ticketNumber}/followups`, {
    data: { content: '<p>Le technicien passe <b>à 14 h</b> changer le tambour.</p>', is_private: false },
  });
  expect(answer.ok()).toBe(true);
  await visitor.goto(`/portal/tickets/${state.ticketNumber}`);
  await eventually(visitor, async () => {
    await expect(visitor.getByTestId('support-answer')).toContainText('Le technicien passe à 14 h changer le tambour.', { timeout: 1_000 });
  });
  await shot(visitor, 'ticket-answer');
  await expect
    .poll(
      async () =>
        (await mailsTo(visitor, client.email)).some((m) => m.subject.includes(`Nouvelle réponse sur le ticket n° ${state.ticketNumber}`)),
      { timeout: 30_000 },
    )
    .toBe(true);
});

test('an admin deactivates an employee', async ({ page }) => {
  const email = `employe.${stamp}@ytech.dz`;
  await loginAs(page, admin.email, admin.password);
  await page.goto('/backoffice/admin/employees');
  await page.getByRole('textbox', { name: /^Prénom/ }).fill('Yacine');
  await page.getByRole('textbox', { name: /^Nom/ }).fill('Ouali');
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(email);
  await page.getByLabel('Rôle', { exact: true }).selectOption('commercial');
  await page.getByRole('button', { name: 'Créer et inviter' }).click();
  await expect(page.getByRole('status')).toHaveText(`Compte créé : l’invitation est envoyée à ${email}.`);

  const row = page.getByTestId(`employee-${email}`);
  await row.getByRole('button', { name: /^Désactiver/ }).click();
  await expect(page.getByText('Compte désactivé : ses sessions sont fermées.')).toBeVisible();
  await expect(page.getByTestId(`employee-${email}`)).toContainText('Désactivé');
  await shot(page, 'employee-deactivated');
});
