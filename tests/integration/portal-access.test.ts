import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { queueTicket } from '../../server/glpi-outbox/queue-outbox';
import type { listAssets } from '../../server/portal/list-assets';
import { sanitizeGlpiHtml } from '../../server/portal/sanitize-glpi-html';
import { closeTestResources } from '../support/close-resources';
import { expectRefused, insertAsset, insertFollowup, insertTicket, subscribe, subscribedClient } from './portal-support';

// Who sees what: another company's records are "not found"; no subscription, no portal data.
beforeAll(seedCatalog);
afterAll(closeTestResources);

const hostile = [
  '<p onclick="steal()" style="position:fixed">Bonjour <strong>client</strong></p>',
  '<script>alert(document.cookie)</script>',
  '<a href="javascript:alert(1)">ici</a> <a href="JaVaScRiPt&#58;alert(2)">là</a> <a href="https://ytech.dz/aide">aide</a>',
  '<img src="https://glpi.example/pic.png" onerror="alert(3)" alt="capture"><img src="data:image/svg+xml;base64,PHN2Zz4=">',
  '<iframe src="https://evil.example"></iframe><svg onload="alert(4)"></svg><form action="https://evil.example"><input name="p"></form>',
].join('');

describe('GLPI HTML sanitization', () => {
  it('removes scripts, event handlers, javascript: links, frames and styles, keeps formatting, links and https images', () => {
    const clean = sanitizeGlpiHtml(hostile);
    for (const forbidden of [
      '<script',
      'onclick',
      'onerror',
      'onload',
      'javascript',
      'JaVaScRiPt',
      'style=',
      '<iframe',
      '<svg',
      '<form',
      '<input',
      'image/svg',
      'alert(',
    ]) {
      expect(clean).not.toContain(forbidden);
    }
    expect(clean).toContain('<p>Bonjour <strong>client</strong></p>');
    expect(clean).toContain('<a href="https://ytech.dz/aide" rel="noopener noreferrer nofollow" target="_blank">aide</a>');
    expect(clean).toContain('<img src="https://glpi.example/pic.png" alt="capture" />');
  });

  it('is applied to the ticket and its follow-ups in the conversation; private follow-ups never show', async () => {
    const client = await subscribedClient();
    const ticket = await insertTicket({ companyId: client.company.id, entityId: client.entityId }, { content: hostile });
    await insertFollowup(ticket, { content: `<p>Réponse</p>${hostile}`, postedAt: new Date(Date.now() - 60_000) });
    await insertFollowup(ticket, { content: '<p>Note interne du technicien</p>', isPrivate: true });
    await insertFollowup(ticket, { content: '<p>Plus tard</p>', postedAt: new Date() });
    const conversation = await client.browser.run((api) => api.portal.tickets.conversation({ glpiId: ticket.glpiId }));
    const html = [conversation.html, ...conversation.followups.map((f) => f.html)].join('');
    for (const forbidden of ['<script', 'onclick', 'onerror', 'javascript', 'style=', '<iframe']) expect(html).not.toContain(forbidden);
    expect(conversation.followups.map((f) => f.html.split('</p>')[0])).toEqual(['<p>Réponse', '<p>Plus tard']);
    expect(html).not.toContain('Note interne');
  });
});

describe('cross-company reads', () => {
  it('answers "not found" for another company’s ticket, asset, outbox ticket, reply target and CSV rows', async () => {
    const owner = await subscribedClient();
    const intruder = await subscribedClient();
    const target = { companyId: owner.company.id, entityId: owner.entityId };
    const ticket = await insertTicket(target, { name: 'Secret du voisin' });
    const asset = await insertAsset(target, { name: 'PC-VOISIN' });
    const outbox = await queueTicket({
      companyId: owner.company.id,
      userId: owner.user.id,
      title: 'En attente',
      content: 'x',
      urgency: 3,
      type: 'incident',
    });

    await expectRefused(
      intruder.browser.run((api) => api.portal.tickets.conversation({ glpiId: ticket.glpiId })),
      'NOT_FOUND',
      'errors.notFound',
    );
    await expectRefused(
      intruder.browser.run((api) => api.portal.tickets.conversation({ outboxId: outbox.id })),
      'NOT_FOUND',
    );
    await expectRefused(
      intruder.browser.run((api) => api.portal.tickets.reply({ glpiId: ticket.glpiId, content: 'intrus' })),
      'NOT_FOUND',
    );
    await expectRefused(
      intruder.browser.run((api) => api.portal.tickets.reply({ outboxId: outbox.id, content: 'intrus' })),
      'NOT_FOUND',
    );
    await expectRefused(
      intruder.browser.run((api) => api.portal.park.detail({ type: 'computers', glpiId: asset.glpiId })),
      'NOT_FOUND',
    );

    const tickets = await intruder.browser.run((api) => api.portal.tickets.list({ q: 'Secret' }));
    expect([tickets.total, tickets.waiting.length]).toEqual([0, 0]);
    const park = await intruder.browser.run((api) => api.portal.park.list({ type: 'computers', q: 'VOISIN' }));
    expect(park.total).toBe(0);
    const csv = await intruder.browser.run((api) => api.portal.park.csv({ type: 'computers' }));
    expect(csv.body).not.toContain('PC-VOISIN');

    // The owner sees them.
    expect((await owner.browser.run((api) => api.portal.park.detail({ type: 'computers', glpiId: asset.glpiId }))).name).toBe('PC-VOISIN');
    expect((await owner.browser.run((api) => api.portal.tickets.conversation({ glpiId: ticket.glpiId }))).name).toBe('Secret du voisin');
  });
});

describe('subscription required', () => {
  it('refuses every portal procedure to a client without an active subscription, and says when it ended', async () => {
    const client = await subscribedClient({ subscribed: false });
    const day = 86_400_000;
    await subscribe(client.company.id, 'support', 10, { start: new Date(Date.now() - 40 * day), end: new Date(Date.now() - 10 * day) });
    const calls = [
      () => client.browser.run((api) => api.portal.dashboard.get()),
      () => client.browser.run((api) => api.portal.park.list({ type: 'computers' })),
      () => client.browser.run((api) => api.portal.park.csv({ type: 'computers' })),
      () => client.browser.run((api) => api.portal.park.detail({ type: 'computers', glpiId: 1 })),
      () => client.browser.run((api) => api.portal.tickets.list({})),
      () => client.browser.run((api) => api.portal.tickets.conversation({ glpiId: 1 })),
      () => client.browser.run((api) => api.portal.tickets.create({ title: 't', content: 'c', urgency: 3, type: 'request' })),
      () => client.browser.run((api) => api.portal.tickets.reply({ glpiId: 1, content: 'c' })),
    ];
    for (const call of calls) await expectRefused(call(), 'FORBIDDEN', 'errors.subscriptionRequired');
    const access = await client.browser.run((api) => api.portal.access());
    expect(access).toMatchObject({ superClient: false, renewUrl: '/quote' });
    expect(access.endedAt).toBeInstanceOf(Date);
  });
});

describe('IT park lists', () => {
  it('searches, filters by state and location, sorts any column, pages, and exports the filtered list as French CSV with a BOM', async () => {
    const client = await subscribedClient();
    const target = { companyId: client.company.id, entityId: client.entityId };
    await insertAsset(target, { name: 'PC-Été-01', state: 'En service', location: 'Alger', manufacturer: 'Dell', serial: 'B2' });
    await insertAsset(target, { name: 'PC-02', state: 'En panne', location: 'Oran', manufacturer: 'HP', serial: 'A1' });
    await insertAsset(target, { name: 'PC-03', state: 'En service', location: 'Oran', manufacturer: '=cmd|calc', serial: 'C3; "x"' });
    await insertAsset(target, { name: 'ECRAN-01', itemtype: 'Monitor', state: 'En service' });
    await insertAsset(target, { name: 'PC-MODELE', isTemplate: true });
    await insertAsset(target, { name: 'PC-SUPPRIME', deletedAt: new Date() });
    type ListInput = Omit<Parameters<typeof listAssets>[1], 'type'>;
    const list = (input: ListInput) => client.browser.run((api) => api.portal.park.list({ type: 'computers', ...input }));
    const names = async (input: ListInput) => (await list(input)).rows.map((row) => row.values.name);

    expect(await names({})).toEqual(['PC-02', 'PC-03', 'PC-Été-01']);
    expect(await names({ state: 'En service' })).toEqual(['PC-03', 'PC-Été-01']);
    expect(await names({ state: 'En service', location: 'Oran' })).toEqual(['PC-03']);
    expect(await names({ q: 'été' })).toEqual(['PC-Été-01']);
    expect(await names({ sort: 'serial', dir: 'desc' })).toEqual(['PC-03', 'PC-Été-01', 'PC-02']);
    const page = await list({ pageSize: 5, page: 1, sort: 'manufacturer' });
    expect(page).toMatchObject({ total: 3, pageCount: 1, states: ['En panne', 'En service'], locations: ['Alger', 'Oran'] });
    expect(page.columns).toContain('operatingSystem');

    const csv = await client.browser.run((api) => api.portal.park.csv({ type: 'computers', location: 'Oran', sort: 'name' }));
    expect(
      csv.body.startsWith(
        "\uFEFFID GLPI;Nom;Numéro de série;Numéro d'inventaire;Fabricant;Modèle;Système d'exploitation;Statut;Lieu;Utilisateur;Fin de garantie\r\n",
      ),
    ).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/;PC-02;A1;;HP;;;En panne;Oran;;$/);
    // Quotes and separators escaped; a would-be formula stays text.
    expect(lines[2]).toMatch(/;PC-03;"C3; ""x""";;'=cmd\|calc;;;En service;Oran;;$/);
    expect(csv.filename).toBe('parc-computers.csv');
  });
});
