import { Op } from 'sequelize';
import { hashPassword } from '../server/auth/password-hash';
import { Company, GlpiCompanyLink, GlpiSyncState, GlpiTicket, Service, Subscription, User } from '../server/db/models';
import { addJob } from '../server/jobs/queues';
import { syncedItemtypes } from '../worker/sync/sync-context';

/**
 * The load benchmark's super-clients: a few companies named like the simulator's entities, each
 * with a running subscription and its share of client users, provisioned and synced by the real
 * worker — as after a commercial activated their subscriptions. Loaded once the bench's
 * environment points at its own database (bench/load-benchmark.ts).
 */
export const benchCompanyNames = ['Bench Saoura Ciments', 'Bench Tassili Pharma', 'Bench Hoggar Transport', 'Bench Djurdjura Textile'];

export type BenchClient = { email: string; companyId: number };

export async function createBenchClients(usersTotal: number, password: string): Promise<BenchClient[]> {
  const hash = await hashPassword(password);
  const service = await Service.findOne({ where: { code: 'full' }, rejectOnEmpty: true });
  const clients: BenchClient[] = [];
  for (const [index, name] of benchCompanyNames.entries()) {
    const company = await Company.create({
      name, sector: 'Industrie', employeeRange: '51-100', address: `${index + 1} boulevard Zighout Youcef, Alger`, phone: '+21321000000',
      rc: '16/00-1234567B21', nif: '000116001234567', nis: '000116001234567', ai: '16123456789',
    });
    const start = new Date(Date.now() - 24 * 3600_000);
    await Subscription.create({
      companyId: company.id, serviceId: service.id, tierMaxQty: 200, monthlyPriceDa: 400_000, months: 12,
      startAt: start, endAt: new Date(start.getTime() + 365 * 24 * 3600_000),
    });
    const share = Math.ceil(usersTotal / benchCompanyNames.length);
    for (let i = 0; i < share && clients.length < usersTotal; i++) {
      const email = `bench.${index + 1}.${i + 1}@bench-load.dz`;
      await User.create({ email, passwordHash: hash, firstName: 'Client', lastName: `Bench ${i + 1}`, phone: '0551000000', role: 'client', companyId: company.id });
      clients.push({ email, companyId: company.id });
    }
    await addJob('provision-client', { companyId: company.id }, { jobId: `provision-${company.id}-bench` });
  }
  return clients;
}

/** Until every bench company is linked to its GLPI entity and each item type has synced once. */
export async function waitForFirstSyncs(companyIds: number[], timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const linked = await GlpiCompanyLink.count({ where: { companyId: companyIds, provisioningState: 'done' } });
    const synced = await GlpiSyncState.count({ where: { companyId: companyIds, itemtype: [...syncedItemtypes], lastSuccessAt: { [Op.ne]: null } } });
    if (linked === companyIds.length && synced >= companyIds.length * syncedItemtypes.length) return;
    if (Date.now() > deadline) throw new Error(`first syncs not done after ${timeoutMs / 1000} s (${linked} linked, ${synced} item types synced)`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Some GLPI ticket numbers of each company, for the ticket pages. */
export async function ticketIdsByCompany(companyIds: number[]): Promise<Map<number, number[]>> {
  const byCompany = new Map<number, number[]>();
  for (const companyId of companyIds) {
    const rows = await GlpiTicket.findAll({ where: { companyId, deletedAt: null }, attributes: ['glpiId'], order: [['glpiId', 'DESC']], limit: 40 });
    byCompany.set(companyId, rows.map((row) => row.glpiId));
  }
  return byCompany;
}
