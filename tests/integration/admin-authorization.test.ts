import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { closeInspectionQueues } from '../../server/admin/queues/queue-inspector';
import { EmailLogEntry, Faq, User } from '../../server/db/models';
import { adminProcedure, staffProcedure } from '../../server/trpc/init';
import { appRouter } from '../../server/trpc/root-router';
import { dedicatedService, refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createUser, giveActiveSubscription, loggedIn } from '../support/fixtures';
import { testClient, uniqueEmail } from '../support/trpc-caller';

/**
 * Every back-office procedure, called as each kind of person. The list is read from the router
 * itself: a procedure is back-office when its chain holds the staff or the admin guard, so a
 * procedure added later is covered without editing this file (admin.* ones also need a sample
 * input below, which the test demands).
 */
type Browser = ReturnType<typeof testClient>;
type ProcedureDef = { _def: { middlewares: unknown[]; type: string } };

const procedures = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> }).procedures;
const guardOf = (builder: unknown) => (builder as ProcedureDef)._def.middlewares.at(-1);
const staffGuard = guardOf(staffProcedure);
const adminGuard = guardOf(adminProcedure);
const guardedBy = (path: string) => {
  const chain = procedures[path]!._def.middlewares;
  return chain.includes(adminGuard) ? 'admin' : chain.includes(staffGuard) ? 'staff' : null;
};
const backOffice = Object.keys(procedures)
  .filter((p) => guardedBy(p) !== null)
  .sort();

function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

const people: Record<'anonymous' | 'client' | 'superClient' | 'commercial' | 'admin', Browser> = {} as never;
let samples: Record<string, () => Promise<unknown> | unknown> = {};

beforeAll(async () => {
  await seedCatalog();
  people.anonymous = testClient();
  people.client = (await clientOfNewCompany()).browser;
  const superClient = await clientOfNewCompany();
  await giveActiveSubscription(superClient.company.id);
  people.superClient = superClient.browser;
  people.commercial = await loggedIn(await createUser('commercial'));
  people.admin = await loggedIn(await createUser('admin'));

  const target = await createUser('commercial');
  const invited = await User.create({
    email: uniqueEmail('invited'),
    passwordHash: null,
    firstName: 'Invitée',
    lastName: 'Test',
    phone: null,
    role: 'commercial',
    companyId: null,
  });
  const faq = await Faq.create({ questionFr: 'Q auth ?', answerFr: 'R', questionEn: 'Q auth?', answerEn: 'A', position: 9_000 });
  const { service, tiers } = await dedicatedService([
    { minQty: 1, maxQty: 10, monthlyPriceDa: 1_000 },
    { minQty: 11, maxQty: 20, monthlyPriceDa: 2_000 },
  ]);
  const failedMail = await EmailLogEntry.create({
    recipient: uniqueEmail('mail'),
    template: 'welcome',
    locale: 'fr',
    params: { name: 'A', portalUrl: 'http://localhost:3000/portal' },
    subject: null,
    state: 'failed',
    lastError: 'test',
    messageId: null,
    sentAt: null,
  });
  let tierFloor = 1_000;
  samples = {
    'admin.employees.list': () => undefined,
    'admin.employees.create': () => ({ firstName: 'Nouvel', lastName: 'Employé', email: uniqueEmail('employee'), role: 'commercial' }),
    'admin.employees.resendInvitation': () => ({ userId: invited.id }),
    'admin.employees.changeRole': () => ({ userId: target.id, role: 'commercial' }),
    'admin.employees.deactivate': () => ({ userId: target.id }),
    'admin.employees.reactivate': () => ({ userId: target.id }),
    'admin.faq.list': () => undefined,
    'admin.faq.create': () => ({ questionFr: 'Q ?', answerFr: 'R', questionEn: 'Q?', answerEn: 'A', published: false }),
    'admin.faq.update': () => ({
      id: faq.id,
      questionFr: 'Q auth ?',
      answerFr: 'R2',
      questionEn: 'Q auth?',
      answerEn: 'A2',
      published: false,
    }),
    'admin.faq.setPublished': () => ({ id: faq.id, published: false }),
    'admin.faq.move': () => ({ id: faq.id, direction: 'down' }),
    'admin.faq.reorder': async () => ({
      ids: (
        await Faq.findAll({
          order: [
            ['position', 'ASC'],
            ['id', 'ASC'],
          ],
        })
      ).map((f) => f.id),
    }),
    'admin.catalog.services': () => undefined,
    'admin.catalog.updateService': () => ({
      id: service.id,
      nameFr: 'Service test admin',
      nameEn: 'Admin test service',
      scopeFr: ['Un'],
      scopeEn: ['One'],
      active: false,
    }),
    'admin.catalog.createTier': () => ({ serviceId: service.id, minQty: (tierFloor += 10), maxQty: tierFloor + 5, monthlyPriceDa: 3_000 }),
    'admin.catalog.updateTier': () => ({ id: tiers[0]!.id, minQty: 1, maxQty: 10, monthlyPriceDa: 1_100 }),
    'admin.catalog.deleteTier': () => ({ id: tiers[1]!.id }),
    'admin.dashboard.overview': () => undefined,
    'admin.emails.list': () => ({}),
    'admin.emails.resend': () => ({ id: failedMail.id }),
    'admin.queues.overview': () => undefined,
    'admin.queues.failed': () => ({ queue: 'mail' }),
    'admin.queues.retry': () => ({ queue: 'mail', jobId: 'no-such-job' }),
    'admin.health.glpi': () => undefined,
    'admin.health.database': () => undefined,
    'admin.syncCadence.get': () => undefined,
    'admin.syncCadence.set': () => ({ ticketsEverySeconds: 60, assetsEveryMinutes: 15 }),
    'admin.audit.search': () => ({ person: 'Test' }),
    'admin.exports.invoicesCsv': () => ({ from: '2020-01-01', to: '2020-01-31' }),
  };
});

afterAll(async () => {
  await closeInspectionQueues();
  await closeTestResources();
});

/** Passed the guard: it ran, or it refused for a reason other than who is asking (bad input, not found…). */
const passedGuard = (r: { code: string } | null) => r === null || (r.code !== 'UNAUTHORIZED' && r.code !== 'FORBIDDEN');

describe('back-office authorization', () => {
  it('finds every admin procedure in the router, each with a sample input, all admin-only but the staff export', () => {
    const adminPaths = Object.keys(procedures).filter((p) => p.startsWith('admin.'));
    expect(adminPaths.length).toBeGreaterThanOrEqual(26);
    expect(adminPaths.filter((p) => !(p in samples))).toEqual([]);
    for (const path of adminPaths)
      expect([path, guardedBy(path)]).toEqual([path, path === 'admin.exports.invoicesCsv' ? 'staff' : 'admin']);
    // Other areas' staff procedures are found the same way (the quotes back-office exists already).
    expect(backOffice.filter((p) => !p.startsWith('admin.')).length).toBeGreaterThan(0);
  });

  it('answers each person as their role allows, and refuses without any data', async () => {
    const outcomes: string[] = [];
    for (const path of backOffice) {
      const guard = guardedBy(path);
      const input = await samples[path]?.();
      const answer = async (who: keyof typeof people) => refusal(people[who].run((api) => callPath(api, path, input)));

      const anonymous = await answer('anonymous');
      expect([path, anonymous]).toEqual([path, { code: 'UNAUTHORIZED', message: 'errors.unauthenticated' }]);
      for (const who of ['client', 'superClient'] as const) {
        expect([path, who, await answer(who)]).toEqual([path, who, { code: 'FORBIDDEN', message: 'errors.forbidden' }]);
      }
      const commercial = await answer('commercial');
      if (guard === 'admin') expect([path, commercial]).toEqual([path, { code: 'FORBIDDEN', message: 'errors.forbidden' }]);
      else expect(passedGuard(commercial), `${path} as commercial: ${JSON.stringify(commercial)}`).toBe(true);
      const admin = await answer('admin');
      expect(passedGuard(admin), `${path} as admin: ${JSON.stringify(admin)}`).toBe(true);
      outcomes.push(`${path}: admin ${admin ? admin.code : 'ok'}`);
    }
    // The admin samples are valid: each admin.* call ran (retrying an unknown job is NOT_FOUND by design).
    const adminFailures = outcomes.filter((o) => o.startsWith('admin.') && !o.endsWith('ok') && !o.startsWith('admin.queues.retry'));
    expect(adminFailures).toEqual([]);
  });
});
