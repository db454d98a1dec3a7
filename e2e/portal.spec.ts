import { expect, test, type Page } from '@playwright/test';
import { e2ePorts } from './support/e2e-env';
import { loginAs } from './support/login';
import { eventually } from './support/eventually';

// The demo super-client's journey: charts from the cache, the park list and its export, a ticket
// through the outbox to the simulator, and a technician's answer coming back through the sync.
const superClient = { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026' };
const simControl = `http://127.0.0.1:${e2ePorts.glpi}/_control`;

const knobs = (page: Page, values: { down?: false | 'bad-gateway'; latencyMs?: number }) =>
  page.request.post(`${simControl}/knobs`, { data: values });

test.describe.configure({ mode: 'serial' });

// A test that stops half-way must not leave GLPI down for the next ones.
test.afterEach(async ({ page }) => {
  await knobs(page, { down: false, latencyMs: 0 });
});

test('the super-client sees populated charts, filters the computer list and exports it', async ({ page }) => {
  await loginAs(page, superClient.email, superClient.password);
  await page.goto('/portal/dashboard');
  await eventually(page, async () => {
    // The first full sync of the demo company runs right after the stack starts: park, then tickets.
    await expect(page.getByTestId('card-park').getByText(/Données synchronisées le/)).toBeVisible({ timeout: 1_000 });
    await expect(page.getByTestId('card-support').getByText(/Données synchronisées le/)).toBeVisible({ timeout: 1_000 });
    await expect(page.getByTestId('chart-tickets-status').locator('canvas')).toBeVisible({ timeout: 1_000 });
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  for (const chart of ['assets-type', 'assets-state', 'computers-maker', 'tickets-status', 'tickets-urgency', 'tickets-months']) {
    const figure = page.getByTestId(`chart-${chart}`);
    await expect(figure.locator('canvas')).toBeVisible();
    // chart.js drew something: the canvas has non-blank pixels.
    await expect
      .poll(() =>
        figure.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
          const context = canvas.getContext('2d');
          if (!context || canvas.width === 0) return false;
          return context.getImageData(0, 0, canvas.width, canvas.height).data.some((value) => value !== 0);
        }),
      )
      .toBe(true);
  }
  // The accessible alternative holds the numbers.
  const typeTable = page.getByTestId('chart-assets-type').locator('table');
  await page.getByTestId('chart-assets-type').getByText('Les données du graphique').click();
  await expect(typeTable.getByRole('rowheader', { name: 'Ordinateurs' })).toBeVisible();
  await expect(page.getByTestId('card-subscription')).toContainText('Pack complet');
  await expect(page.getByTestId('card-plan').locator('figure')).toHaveCount(2);

  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Parc' }).click();
  await expect(page).toHaveURL(/\/portal\/park\/computers$/);
  const rows = page.getByTestId('asset-table').locator('tbody tr');
  // The URL changes as the navigation commits; the new page's rows render right after.
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();
  expect(total).toBeGreaterThan(1);
  await page.getByLabel('Statut', { exact: true }).selectOption('En service');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/state=En\+service/);
  // The URL changes before the filtered list is drawn: wait for it rather than count the old one.
  const stateCells = page.getByTestId('asset-table').locator('tbody tr td:nth-child(7)');
  await expect
    .poll(async () => {
      const cells = await stateCells.allTextContents();
      return cells.length > 0 && cells.every((cell) => cell === 'En service');
    })
    .toBe(true);
  const filtered = await rows.count();
  expect(filtered).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Trier par Numéro de série' }).click();
  await expect(page.getByRole('columnheader', { name: /Numéro de série/ })).toHaveAttribute('aria-sort', 'ascending');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('parc-computers.csv');
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(csv.startsWith('\uFEFFID GLPI;Nom;Numéro de série')).toBe(true);
  const lines = csv.trim().split('\r\n').slice(1);
  expect(lines).toHaveLength(filtered);
  for (const line of lines) expect(line).toContain(';En service;');
});

test('a ticket waits for the worker, gets its GLPI number, and the technician’s answer comes back with a notification', async ({
  page,
}) => {
  await loginAs(page, superClient.email, superClient.password);
  const title = `Écran noir ${Date.now()}`;
  // GLPI is down until the waiting ticket has been seen: the outbox keeps it, whatever the machine's speed.
  expect((await knobs(page, { down: 'bad-gateway' })).ok()).toBe(true);
  await page.goto('/portal/tickets/new');
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Type').selectOption('incident');
  await page.getByLabel('Urgence').selectOption('4');
  await page.getByLabel('Description').fill('Le poste de l’accueil ne démarre plus.\n\nMerci !');
  await page.getByRole('button', { name: 'Envoyer au support' }).click();
  await expect(page.getByRole('status')).toContainText('Votre ticket est enregistré');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);

  await expect(page.getByTestId('ticket-status')).toContainText(/En attente d’envoi au support|Envoi en cours/);
  await page.goto('/portal/tickets');
  await expect(page.getByTestId('waiting-tickets').locator('li', { hasText: title }).getByTestId('outbox-state')).toHaveText(
    /En attente d’envoi au support|Envoi en cours/,
  );
  expect((await knobs(page, { down: false })).ok()).toBe(true);
  await eventually(page, async () => {
    await expect(page.getByTestId('ticket-table').getByRole('link', { name: title })).toBeVisible({ timeout: 1_000 });
  });
  const row = page.getByTestId('ticket-table').locator('tr', { hasText: title });
  const number = Number((await row.locator('td').first().textContent())?.trim());
  expect(number).toBeGreaterThan(0);

  // The technician answers in GLPI (the simulator's control endpoint).
  const answer = await page.request.post(`${simControl}/tickets/${number}/followups`, {
    data: { content: '<p>Nous passons <b>cet après-midi</b>.</p><script>alert(1)</script>', is_private: false },
  });
  expect(answer.ok()).toBe(true);
  await page.goto(`/portal/tickets/${number}`);
  await eventually(page, async () => {
    await expect(page.getByTestId('support-answer')).toContainText('Nous passons cet après-midi.', { timeout: 1_000 });
  });
  await expect(page.getByTestId('support-answer')).toContainText('Support Y-tech');
  await expect(page.locator('.portal-message script')).toHaveCount(0);
  await eventually(page, async () => {
    await expect(page.getByTestId('header-unread')).toBeVisible({ timeout: 1_000 });
  });
  await page.getByTestId('header-notifications').click();
  await expect(page.getByTestId('notification-list')).toContainText(`Un technicien a répondu à votre ticket n° ${number}`);
});
