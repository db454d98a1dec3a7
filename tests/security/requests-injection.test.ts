import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordAudit } from '../../server/audit/record-audit';
import { config } from '../../server/config';
import { EmailLogEntry, Faq, QuoteRequest, Service, User } from '../../server/db/models';
import { renderMail } from '../../server/mail/render-mail';
import type { MailTemplateName } from '../../server/mail/mail-templates';
import { makeQuote } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser, giveActiveSubscription } from '../support/fixtures';
import { testClient } from '../support/trpc-caller';
import { createQuote, issueFromDraft, purchaseOrderPdf } from '../integration/billing-support';
import { insertAsset, insertFollowup, insertTicket } from '../integration/portal-support';
import { startBuiltApp, type BuiltApp } from './built-app';
import { buildWorld, sessionFor, type World } from './security-world';

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/ytech-security-injection-${process.pid}/uploads`;
});

/** What an attacker types in every text field: a script, an event handler, a javascript: link. */
const payload = '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">lien</a>';
const escapedScript = '&lt;script&gt;alert(1)&lt;/script&gt;';
/** What a technician's (or an attacker's) HTML in GLPI may hold. */
const glpiHtml = `<p>Bonjour depuis GLPI</p>${payload}<iframe src="https://evil.example"></iframe><svg onload=alert(1)></svg><p style="position:fixed">x</p>`;

/** Every tag of a page with its attributes (React escapes `<` and `>` inside values, so a tag ends at the first `>`). */
function tagsOf(html: string) {
  return [...html.matchAll(/<([a-z][a-z0-9-]*)([^>]*)>/gi)].map(([, name, rest]) => ({
    name: name!.toLowerCase(),
    attributes: [...rest!.matchAll(/([^\s=/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g)].map(([, attr, value]) => ({
      name: attr!.toLowerCase(),
      value: (value ?? '').replace(/^["']|["']$/g, '').trim(),
    })),
  }));
}

/** No markup that runs: no script with our code, no on* handler on any tag, no javascript: URL, no frame or SVG. */
function executableMarkup(html: string): string[] {
  const found: string[] = [];
  if (/<script[^>]*>\s*alert\(1\)/i.test(html)) found.push('script');
  for (const tag of tagsOf(html)) {
    if (['iframe', 'svg', 'object', 'embed'].includes(tag.name)) found.push(`<${tag.name}>`);
    for (const attr of tag.attributes) {
      if (attr.name.startsWith('on')) found.push(`<${tag.name} ${attr.name}=…>`);
      if (['href', 'src', 'action', 'formaction'].includes(attr.name) && /^javascript:/i.test(attr.value))
        found.push(`<${tag.name} ${attr.name}="javascript:…">`);
    }
  }
  return found;
}

let app: BuiltApp;
let world: World;
const tag = `Zq${process.pid}x${Date.now() % 1_000_000}`;
const metas = ["'", '"', '%', '_', '\\', '--', ';'];
const named = { targets: metas.map((m) => `${tag} 1${m}2`), decoys: [`${tag} 1Z2`, `${tag} 1ZZZ2`, `${tag} 12`] };
const allNames = [...named.targets, ...named.decoys];
const faqIds: number[] = [];
let xss: Record<string, number>;
let xssUsers: { client: User; employee: User };

beforeAll(async () => {
  world = await buildWorld();
  const staff = await sessionFor(world.people.commercial);

  // A company and people whose every text field carries the payload, and documents around them.
  const company = await createCompany({ name: `XSS ${tag} ${payload}`, address: payload });
  await giveActiveSubscription(company.id);
  const client = await createUser('client', company.id);
  await client.update({ firstName: payload, lastName: payload });
  const asClient = await sessionFor(client);
  const quote = await createQuote(client);
  await QuoteRequest.update({ description: payload }, { where: { id: quote.id } });
  await staff.run((api) => api.quotes.logCall({ quoteId: quote.id, outcome: 'reached', note: payload }));
  const refused = await issueFromDraft(staff, quote.id);
  await asClient.run((api) => api.proformas.refuse({ proformaId: refused.id, reason: payload }));
  const accepted = await issueFromDraft(staff, (await createQuote(client)).id);
  await asClient.run((api) => api.proformas.accept({ proformaId: accepted.id, paymentMethod: 'purchase_order' }));
  const order = await asClient.run(async (api) =>
    api.purchaseOrders.upload({ proformaId: accepted.id, fileName: `${payload}.pdf`, bytes: await purchaseOrderPdf() }),
  );
  await staff.run((api) => api.purchaseOrders.review({ purchaseOrderId: order.id, decision: 'refuse', reason: payload }));
  const ticket = await insertTicket(
    { companyId: company.id, entityId: 880_000 + (process.pid % 1000) },
    { name: payload, content: glpiHtml },
  );
  await insertFollowup(ticket, { content: glpiHtml });
  const outbox = await asClient.run((api) => api.portal.tickets.create({ title: payload, content: payload, urgency: 3, type: 'incident' }));
  const employee = await createUser('commercial');
  await employee.update({ firstName: payload, lastName: payload });
  await recordAudit({ actorUserId: employee.id, action: 'test.xss', recordType: 'user', recordId: employee.id, ip: null });
  const faq = await Faq.create({
    questionFr: `${tag} ${payload}`,
    answerFr: payload,
    questionEn: `${tag} ${payload}`,
    answerEn: payload,
    published: true,
    position: 99_000,
  });
  faqIds.push(faq.id);
  await testClient().run((api) => api.contact.submit({ name: payload, email: 'visiteur@example.dz', company: payload, message: payload }));
  xss = {
    companyId: company.id,
    quoteId: quote.id,
    refusedId: refused.id,
    acceptedId: accepted.id,
    glpiId: ticket.glpiId,
    outboxId: outbox.outboxId,
  };
  xssUsers = { client, employee };

  // Search targets: each name holds one SQL metacharacter; the decoys are what a wildcard would add.
  const service = await Service.findOne({ where: { code: 'support' }, rejectOnEmpty: true });
  for (const name of allNames) {
    await makeQuote(await createCompany({ name }), client, service.id);
    faqIds.push(
      (await Faq.create({ questionFr: name, answerFr: 'R', questionEn: name, answerEn: 'A', published: true, position: 99_001 })).id,
    );
    const actor = await createUser('commercial');
    await actor.update({ lastName: name });
    await recordAudit({ actorUserId: actor.id, action: 'test.search', recordType: 'user', recordId: actor.id, ip: null });
    await insertAsset({ companyId: world.companyA.id, entityId: world.entityA }, { name });
    await insertTicket({ companyId: world.companyA.id, entityId: world.entityA }, { name });
  }
  app = await startBuiltApp();
}, 180_000);

afterAll(async () => {
  await Faq.destroy({ where: { id: { [Op.in]: faqIds } } });
  await app.close();
  if (config.UPLOAD_DIR.startsWith('/tmp/ytech-security-injection-'))
    await rm(path.dirname(config.UPLOAD_DIR), { recursive: true, force: true });
  await closeTestResources();
});

describe('script and event-handler payloads are rendered inert', () => {
  it('in every server-rendered page that shows a text field, which shows it as text', async () => {
    const { commercial, admin } = world.people;
    const pages: [string, User | null, boolean][] = [
      // Both lists search with `q` (with `search`, the record showed only while it was on page 1 of everything).
      [`/backoffice/quotes?q=${encodeURIComponent(`XSS ${tag}`)}`, commercial, true],
      [`/backoffice/quotes/${xss.quoteId}`, commercial, true],
      [`/backoffice/proformas/${xss.refusedId}`, commercial, true],
      [`/backoffice/proformas/${xss.acceptedId}`, commercial, true],
      [`/backoffice/companies?q=${encodeURIComponent(`XSS ${tag}`)}`, commercial, true],
      [`/backoffice/companies/${xss.companyId}`, commercial, true],
      ['/backoffice', commercial, false],
      ['/backoffice/admin/employees', admin, true],
      [`/backoffice/admin/audit?person=${encodeURIComponent(xssUsers.employee.email)}`, admin, true],
      ['/account', xssUsers.client, true],
      ['/portal', xssUsers.client, false],
      ['/portal/documents', xssUsers.client, false],
      [`/portal/proformas/${xss.acceptedId}`, xssUsers.client, true],
      [`/portal/proformas/${xss.refusedId}`, xssUsers.client, true],
      ['/portal/notifications', xssUsers.client, false],
      ['/portal/tickets', xssUsers.client, true],
      [`/portal/tickets/${xss.glpiId}`, xssUsers.client, true],
      [`/portal/tickets/outbox-${xss.outboxId}`, xssUsers.client, true],
      ['/faq', null, true],
    ];
    const problems: string[] = [];
    for (const [url, who, shows] of pages) {
      const res = await app.request(url, who);
      const html = await res.text();
      if (res.status !== 200) problems.push(`${url}: ${res.status}`);
      for (const found of executableMarkup(html)) problems.push(`${url}: ${found}`);
      if (shows && !html.includes(escapedScript)) problems.push(`${url}: the field is not shown as text`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps GLPI's formatting but drops scripts, handlers, frames and styles from ticket content", async () => {
    const html = await (await app.request(`/portal/tickets/${xss.glpiId}`, xssUsers.client)).text();
    expect(html).toContain('<p>Bonjour depuis GLPI</p>');
    expect(html).not.toContain('position:fixed');
    expect(executableMarkup(html)).toEqual([]);
  });

  it('in every e-mail built from the payload (contact message, refusals, welcome)', async () => {
    const recent = await EmailLogEntry.findAll({ order: [['id', 'DESC']], limit: 500 });
    const entries = recent.filter((e) => JSON.stringify(e.params).includes('alert(1)'));
    const templates = new Set(entries.map((e) => e.template));
    for (const template of ['contact-message', 'proforma-refused', 'purchase-order-refused']) expect(templates).toContain(template);
    for (const entry of entries) {
      const mail = await renderMail(entry.template as MailTemplateName, entry.locale === 'en' ? 'en' : 'fr', entry.params);
      expect([entry.template, executableMarkup(mail.html)]).toEqual([entry.template, []]);
      expect(mail.html).toContain(escapedScript);
    }
    const welcome = await renderMail('welcome', 'fr', { name: payload, portalUrl: 'http://localhost:3000/portal' });
    expect(executableMarkup(welcome.html)).toEqual([]);
  });
});

describe('SQL metacharacters in every search box', () => {
  /** Which of our names a result mentions (a name as JSON would write it). */
  const mentioned = (result: unknown) => {
    const json = JSON.stringify(result);
    return allNames.filter((name) => json.includes(JSON.stringify(name).slice(1, -1)));
  };

  it('answer normally and find exactly the name typed, never what a wildcard would add', async () => {
    const staff = await sessionFor(world.people.admin);
    const superClient = await sessionFor(world.people.superClientA);
    const searches: [string, (term: string) => Promise<unknown>][] = [
      ['quotes list', (q) => staff.run((api) => api.quotes.list({ search: q, pageSize: 100 }))],
      ['companies list', (q) => staff.run((api) => api.backoffice.companies.list({ search: q, pageSize: 100 }))],
      ['FAQ', (q) => testClient().run((api) => api.catalog.faq({ q }))],
      ['audit', (q) => staff.run((api) => api.admin.audit.search({ person: q }))],
      ['park list', (q) => superClient.run((api) => api.portal.park.list({ type: 'computers', q, pageSize: 200 }))],
      ['tickets', (q) => superClient.run((api) => api.portal.tickets.list({ q, pageSize: 100 }))],
    ];
    const wrong: string[] = [];
    for (const [box, search] of searches) {
      for (const term of named.targets) {
        const result = await search(term).catch((error: unknown) => ({ failed: String(error) }));
        const found = mentioned(result);
        if (JSON.stringify(found) !== JSON.stringify([term]))
          wrong.push(`${box} "${term}": ${JSON.stringify(found)} ${JSON.stringify(result).slice(0, 200)}`);
      }
      // A bare wildcard or quote is a letter to look for, never "everything" nor an error.
      for (const term of ['%', '_', "'", '\\', "' OR '1'='1", '"; DROP TABLE users; --']) {
        const result = await search(term).catch((error: unknown) => ({ failed: String(error) }));
        if ('failed' in (result as object)) wrong.push(`${box} "${term}": ${JSON.stringify(result)}`);
        else if (mentioned(result).some((name) => named.decoys.includes(name))) wrong.push(`${box} "${term}": widened to a decoy`);
      }
    }
    expect(wrong).toEqual([]);
    // The "DROP TABLE" was a string to look for.
    expect(await User.count()).toBeGreaterThan(0);
  });

  it('answer 200 from the pages with a search box', async () => {
    const term = encodeURIComponent('1%_\'"\\--;');
    const pages: [string, User | null][] = [
      [`/backoffice/quotes?search=${term}`, world.people.commercial],
      [`/backoffice/companies?search=${term}`, world.people.commercial],
      [`/faq?q=${term}`, null],
      [`/backoffice/admin/audit?person=${term}`, world.people.admin],
      [`/portal/park/computers?q=${term}`, world.people.superClientA],
      [`/portal/tickets?q=${term}`, world.people.superClientA],
    ];
    for (const [url, who] of pages) expect([url, (await app.request(url, who)).status]).toEqual([url, 200]);
  });
});
