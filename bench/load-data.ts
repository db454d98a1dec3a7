import { Op, QueryTypes } from 'sequelize';
import { generateIdFromEntropySize } from 'lucia';
import { subscribed } from '../db/seeds/seed-demo-pipeline';
import { hashPassword } from '../server/auth/password-hash';
import { Company, GlpiCompanyLink, GlpiSyncState, GlpiTicket, Invoice, Proforma, User } from '../server/db/models';
import { sequelize } from '../server/db/sequelize';
import { getQueue } from '../server/jobs/queues';
import { syncedItemtypes } from '../worker/sync/sync-context';
import type { BenchUser } from './load-generator';

/**
 * The load benchmark's clients: `companies` companies named like the simulator's entities, each
 * taken through the sales pipeline by the same domain functions as the pages (quote, pro-forma,
 * payment, invoice, activation), so each has its documents and PDFs and is provisioned and synced
 * by the real worker. Loaded once the bench's environment points at its own database.
 */
export const benchCompanyName = (index: number) => `Bench Client ${String(index + 1).padStart(3, '0')}`;

const password = 'Bench-load-2026';

/** Companies, their first user (the contact, who creates tickets) and their subscriptions; provisioning is queued. */
export async function createBenchCompanies(count: number): Promise<number[]> {
  const hash = await hashPassword(password);
  const commercial = await User.create({
    email: 'commercial@bench-load.dz',
    passwordHash: hash,
    firstName: 'Bench',
    lastName: 'Commercial',
    phone: '0551000000',
    role: 'commercial',
    companyId: null,
  });
  const ids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const company = await Company.create({
      name: benchCompanyName(index),
      sector: 'Industrie',
      employeeRange: '51-100',
      address: `${index + 1} boulevard Zighout Youcef, Alger`,
      phone: '+21321000000',
      rc: '16/00-1234567B21',
      nif: '000116001234567',
      nis: '000116001234567',
      ai: '16123456789',
    });
    const user = await User.create({
      email: `contact.${index + 1}@bench-load.dz`,
      passwordHash: hash,
      firstName: 'Contact',
      lastName: `Client ${index + 1}`,
      phone: '0551000000',
      role: 'client',
      companyId: company.id,
    });
    // Sizes vary by company, so that no two dashboards or lists are alike.
    await subscribed(
      { company, user },
      { serviceCode: 'full', durationMonths: 12, pcsCount: 20 + (index % 7) * 15, ticketsPerMonth: 30 + (index % 5) * 20 },
      { userId: commercial.id },
      20 + (index % 60),
    );
    ids.push(company.id);
  }
  return ids;
}

/** Until every company is linked to its entity, each item type synced once, and no PDF or mail is left to make. */
export async function waitForWorker(companyIds: number[], timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const linked = await GlpiCompanyLink.count({ where: { companyId: companyIds, provisioningState: 'done' } });
    const synced = await GlpiSyncState.count({
      where: { companyId: companyIds, itemtype: [...syncedItemtypes], lastSuccessAt: { [Op.ne]: null } },
    });
    const pending = await Promise.all(
      ['documents', 'mail', 'provision-client'].map(async (name) => {
        const counts = await getQueue(name as 'documents').getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).reduce((a, b) => a + b, 0);
      }),
    );
    const left = pending.reduce((a, b) => a + b, 0);
    if (linked === companyIds.length && synced >= companyIds.length * syncedItemtypes.length && left === 0) return;
    if (Date.now() > deadline)
      throw new Error(`worker not done after ${timeoutMs / 1000} s (${linked} linked, ${synced} item types synced, ${left} jobs left)`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * `perCompany` signed-in users of each company (its contact and colleagues who only read), each
 * with a session as after logging in: the rows Lucia writes, made directly because hashing
 * thousands of passwords would measure Argon2 rather than the pages.
 */
export async function benchUsers(companyIds: number[], perCompany: number): Promise<BenchUser[]> {
  const hash = await hashPassword(password);
  const users: BenchUser[] = [];
  const sessions: Array<[string, number, Date]> = [];
  const expires = new Date(Date.now() + 30 * 86_400_000);
  for (const [index, companyId] of companyIds.entries()) {
    const contact = await User.findOne({ where: { companyId, role: 'client' }, order: [['id', 'ASC']], rejectOnEmpty: true });
    const colleagues = await User.bulkCreate(
      Array.from({ length: perCompany - 1 }, (_, i) => ({
        email: `reader.${index + 1}.${i + 1}@bench-load.dz`,
        passwordHash: hash,
        firstName: 'Lecteur',
        lastName: `${index + 1}-${i + 1}`,
        phone: '0551000000',
        role: 'client' as const,
        companyId,
        // bulkCreate runs no per-row hook, so the default the model gives a client is written here;
        // a manager sees every page of the mix (docs/decisions/110-company-roles.md).
        companyRole: 'manager' as const,
      })),
    );
    const tickets = (
      await GlpiTicket.findAll({ where: { companyId, deletedAt: null }, attributes: ['glpiId'], order: [['glpiId', 'DESC']], limit: 30 })
    ).map((row) => row.glpiId);
    const documents = [
      ...(await Invoice.findAll({ where: { companyId }, attributes: ['id'] })).map((row) => ({ kind: 'invoice' as const, id: row.id })),
      ...(await Proforma.findAll({ where: { companyId }, attributes: ['id'] })).map((row) => ({ kind: 'proforma' as const, id: row.id })),
    ];
    const contactSession = generateIdFromEntropySize(25);
    sessions.push([contactSession, contact.id, expires]);
    for (const user of [contact, ...colleagues]) {
      const id = user === contact ? contactSession : generateIdFromEntropySize(25);
      if (user !== contact) sessions.push([id, user.id, expires]);
      // Tickets are created by the company's contact, the one user the worker gave a GLPI account.
      users.push({ cookie: `ytech_session=${id}`, creatorCookie: `ytech_session=${contactSession}`, tickets, documents });
    }
  }
  for (let i = 0; i < sessions.length; i += 1000) {
    await sequelize.query(
      `INSERT INTO sessions (id, user_id, expires_at) VALUES ${sessions
        .slice(i, i + 1000)
        .map(() => '(?, ?, ?)')
        .join(', ')}`,
      {
        replacements: sessions.slice(i, i + 1000).flat(),
        type: QueryTypes.INSERT,
      },
    );
  }
  // Interleaved by company: the first N users of the list belong to N different companies.
  const byCompany = new Map<number, BenchUser[]>();
  users.forEach((user, i) => {
    const key = Math.floor(i / perCompany);
    byCompany.set(key, [...(byCompany.get(key) ?? []), user]);
  });
  const interleaved: BenchUser[] = [];
  for (let round = 0; round < perCompany; round += 1)
    for (const list of byCompany.values()) if (list[round]) interleaved.push(list[round]!);
  return interleaved;
}
