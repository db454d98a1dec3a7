import { Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { GlpiCompanyLink, GlpiUserLink, User } from '../../server/db/models';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { setGlpiPool } from '../../worker/glpi-runtime';
import { startHarness, type Harness } from '../../worker/glpi/glpi-test-support';
import { forgetEarlierSimulators } from '../support/sync-harness';
import { provisionClientProcessor } from '../../worker/provisioning/provision-client-job';
import { provisionCompany, type ProvisioningOptions } from '../../worker/provisioning/provision-company';
import { queuePendingProvisioning } from '../../worker/provisioning/queue-pending-provisioning';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser, giveActiveSubscription, loggedIn } from '../support/fixtures';
import { waitFor } from '../support/wait-for';

// The real provisioning path against the GLPI simulator in-process, on the real database and Redis.
const parentEntityId = 1; // the simulator's "Clients Y-tech"
const clientProfileId = 1;
const options: ProvisioningOptions = { parentEntityId, clientProfileId };
const existingName = 'Société Déjà Chez GLPI';
let h: Harness;
let worker: Worker | null = null;

function startWorker() {
  worker = new Worker('provision-client', provisionClientProcessor(options), {
    connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
    prefix: queuePrefix,
  });
  return worker;
}

/** What GLPI holds for a company: its entities by name, and each user's accounts and profile links. */
function glpiState(companyName: string, emails: string[]) {
  const entities = h.sim.state.rows('Entity').filter((row) => row.name === companyName && row.entities_id === parentEntityId);
  const users = emails.map((email) => h.sim.state.rows('User').filter((row) => row.name === email));
  const profiles = users.map((rows) =>
    h.sim.state
      .rows('Profile_User')
      .filter(
        (row) =>
          rows.some((user) => user.id === row.users_id) &&
          row.profiles_id === clientProfileId &&
          entities.some((e) => e.id === row.entities_id),
      ),
  );
  return { entities, users, profiles };
}

async function companyWithUsers(count: number, name?: string) {
  const company = await createCompany(name ? { name } : {});
  const users: User[] = [];
  for (let i = 0; i < count; i += 1) users.push(await createUser('client', company.id));
  return { company, users, emails: users.map((user) => user.email) };
}

beforeAll(async () => {
  await seedCatalog();
  await forgetEarlierSimulators();
  h = await startHarness({
    sim: { seed: { seed: 7, entities: 2, namedEntities: [existingName], assets: 40, tickets: 10 } },
    config: { retries: 1 },
  });
  setGlpiPool(h.pool);
});

beforeEach(async () => {
  await getQueue('provision-client').obliterate({ force: true });
  await getQueue('glpi-sync').obliterate({ force: true });
  h.sim.state.setKnobs({ down: false });
});

afterEach(async () => {
  await worker?.close();
  worker = null;
});

afterAll(async () => {
  setGlpiPool(null);
  await h.close();
  await closeTestResources();
});

describe('provisioning a client in GLPI', () => {
  it('creates the entity, the users and their profile once, however often it runs', async () => {
    const { company, users, emails } = await companyWithUsers(2);
    const staff = await createUser('commercial', null);
    const first = await provisionCompany({ companyId: company.id }, options);
    const second = await provisionCompany({ companyId: company.id }, options);

    expect(second).toEqual(first);
    const glpi = glpiState(company.name, emails);
    expect(glpi.entities).toHaveLength(1);
    expect(glpi.users.map((rows) => rows.length)).toEqual([1, 1]);
    expect(glpi.profiles.map((rows) => rows.length)).toEqual([1, 1]);
    expect(h.sim.state.rows('User').some((row) => row.name === staff.email)).toBe(false);
    const created = glpi.users[0]![0]!;
    expect(created).toMatchObject({ firstname: users[0]!.firstName, realname: users[0]!.lastName });
    const emailsOf = h.sim.state.rows('UserEmail').filter((row) => row.users_id === created.id);
    expect(emailsOf).toMatchObject([{ email: users[0]!.email, is_default: 1 }]);

    const link = await GlpiCompanyLink.findByPk(company.id);
    expect(link).toMatchObject({
      provisioningState: 'done',
      lastError: null,
      glpiEntityId: glpi.entities[0]!.id,
      glpiEntityName: company.name,
    });
    const userLinks = await GlpiUserLink.findAll({ where: { userId: users.map((u) => u.id) }, order: [['userId', 'ASC']] });
    expect(userLinks.map((l) => [l.glpiUserId, l.glpiProfileLinkId])).toEqual(
      glpi.users.map((rows, i) => [rows[0]!.id, glpi.profiles[i]![0]!.id]),
    );
    // Two runs, one first sync waiting: deduplicated while it waits (never by a job id BullMQ keeps afterwards).
    const firstSyncs = (await getQueue('glpi-sync').getJobs(['waiting', 'delayed', 'prioritized'])).filter(
      (job) => job.data.companyId === company.id && job.data.reason === 'provisioned',
    );
    expect(firstSyncs).toHaveLength(1);

    // A user who joins later is provisioned by running it again; the others are left as they are.
    const late = await createUser('client', company.id);
    await provisionCompany({ companyId: company.id }, options);
    const after = glpiState(company.name, [...emails, late.email]);
    expect(after.entities).toHaveLength(1);
    expect(after.users.map((rows) => rows.length)).toEqual([1, 1, 1]);
    expect(after.profiles.map((rows) => rows.length)).toEqual([1, 1, 1]);
  });

  it('completes without duplicates after a crash between two steps', async () => {
    const { company, emails } = await companyWithUsers(2);
    const crash = (at: string) => (step: string) => {
      if (step === at) throw new Error(`crash after ${step}`);
    };
    await expect(provisionCompany({ companyId: company.id }, { ...options, afterStep: crash('entity') })).rejects.toThrow(
      'crash after entity',
    );
    expect(glpiState(company.name, emails).entities).toHaveLength(1);

    let users = 0;
    const afterFirstUser = (step: string) => {
      if (step === 'user' && ++users === 1) throw new Error('crash after the first user');
    };
    await expect(provisionCompany({ companyId: company.id }, { ...options, afterStep: afterFirstUser })).rejects.toThrow('first user');
    expect(glpiState(company.name, emails).users.map((rows) => rows.length)).toEqual([1, 0]);

    const recorded = await GlpiUserLink.findAll({
      where: { userId: (await User.findAll({ where: { companyId: company.id } })).map((u) => u.id) },
    });
    expect(recorded).toHaveLength(1);

    await provisionCompany({ companyId: company.id }, options);
    const glpi = glpiState(company.name, emails);
    expect(glpi.entities).toHaveLength(1);
    expect(glpi.users.map((rows) => rows.length)).toEqual([1, 1]);
    expect(glpi.profiles.map((rows) => rows.length)).toEqual([1, 1]);
    expect((await GlpiCompanyLink.findByPk(company.id))?.provisioningState).toBe('done');
  });

  it('waits while GLPI is down, says why, and completes when it is back', async () => {
    const { company, emails } = await companyWithUsers(1);
    h.sim.state.setKnobs({ down: 'bad-gateway' });
    startWorker();
    await getQueue('provision-client').add(
      'provision-client',
      { companyId: company.id },
      {
        jobId: `provision-${company.id}-test`,
        attempts: 30,
        backoff: { type: 'fixed', delay: 200 },
      },
    );
    const failing = await waitFor(
      async () => {
        const link = await GlpiCompanyLink.findByPk(company.id);
        return link?.provisioningState === 'failed' ? link : null;
      },
      { what: 'a failed attempt recorded' },
    );
    expect(failing.lastError).toMatch(/502|Bad Gateway|http_502/i);
    expect(glpiState(company.name, emails).entities).toHaveLength(0);

    h.sim.state.setKnobs({ down: false });
    const done = await waitFor(
      async () => {
        const link = await GlpiCompanyLink.findByPk(company.id);
        return link?.provisioningState === 'done' ? link : null;
      },
      { what: 'provisioning done after GLPI came back' },
    );
    expect(done.lastError).toBeNull();
    const glpi = glpiState(company.name, emails);
    expect(glpi.entities).toHaveLength(1);
    expect(glpi.users.map((rows) => rows.length)).toEqual([1]);
  });

  it('links a company to an existing entity chosen by staff, and refuses an unknown one', async () => {
    const existing = h.sim.state.rows('Entity').find((row) => row.entities_id === parentEntityId && row.name !== existingName)!;
    const { company, emails } = await companyWithUsers(1, 'Nom Différent Dans Le Portail');
    // Other test files share this database: their subscribed companies may be provisioned too,
    // so count only the entities bearing this company's name.
    const named1 = () => h.sim.state.rows('Entity').filter((e) => e.name === existingName).length;
    expect(named1()).toBe(1);
    startWorker();
    await getQueue('provision-client').add(
      'provision-client',
      { companyId: company.id, entityId: 999_999 },
      { jobId: `link-${company.id}-bad` },
    );
    const refused = await waitFor(
      async () => {
        const link = await GlpiCompanyLink.findByPk(company.id);
        return link?.provisioningState === 'failed' ? link : null;
      },
      { what: 'link refused' },
    );
    expect(refused.lastError).toContain('999999 not found');
    // The link says "failed" before BullMQ has moved the job to its failed set: wait for that move.
    const badJob = await waitFor(
      async () => {
        const job = await getQueue('provision-client').getJob(`link-${company.id}-bad`);
        return job && (await job.getState()) === 'failed' ? job : null;
      },
      { what: 'the refused link job failed in its queue' },
    );
    expect(badJob.attemptsMade).toBe(1); // not retried

    await getQueue('provision-client').add(
      'provision-client',
      { companyId: company.id, entityId: Number(existing.id) },
      { jobId: `link-${company.id}-good` },
    );
    const linked = await waitFor(
      async () => {
        const link = await GlpiCompanyLink.findByPk(company.id);
        return link?.provisioningState === 'done' ? link : null;
      },
      { what: 'link done' },
    );
    expect(linked).toMatchObject({ glpiEntityId: existing.id, glpiEntityName: existing.name });
    expect(named1()).toBe(1);
    const user = h.sim.state.rows('User').find((row) => row.name === emails[0])!;
    expect(h.sim.state.rows('Profile_User').filter((row) => row.users_id === user.id && row.entities_id === existing.id)).toHaveLength(1);
  });

  it('queues provisioning at worker start for subscribed companies not done yet, finding their entity by name', async () => {
    const named = await createCompany({ name: existingName });
    await createUser('client', named.id);
    await giveActiveSubscription(named.id);
    const unsubscribed = await createCompany();
    const queued = await queuePendingProvisioning();
    expect(queued).toContain(named.id);
    expect(queued).not.toContain(unsubscribed.id);

    // Other test files share this database: their subscribed companies may be provisioned too,
    // so count only the entities bearing this company's name.
    const named1 = () => h.sim.state.rows('Entity').filter((e) => e.name === existingName).length;
    expect(named1()).toBe(1);
    startWorker();
    const done = await waitFor(
      async () => {
        const link = await GlpiCompanyLink.findByPk(named.id);
        return link?.provisioningState === 'done' ? link : null;
      },
      { what: 'start-up provisioning done' },
    );
    expect(done.glpiEntityName).toBe(existingName);
    expect(named1()).toBe(1);
    expect(await queuePendingProvisioning()).not.toContain(named.id);
  });

  it('lets staff read the state, retry and link, without the web side touching GLPI', async () => {
    const { company, users } = await companyWithUsers(1);
    const staff = await loggedIn(await createUser('commercial', null));
    expect(await staff.run((api) => api.glpi.provisioningState({ companyId: company.id }))).toMatchObject({
      state: 'none',
      entityId: null,
      users: [{ id: users[0]!.id, glpiUserId: null }],
    });
    const requestsBefore = h.sim.state.requests.length;
    await staff.run((api) => api.glpi.linkEntity({ companyId: company.id, entityId: 4242 }));
    await staff.run((api) => api.glpi.retryProvisioning({ companyId: company.id }));
    expect(h.sim.state.requests.length).toBe(requestsBefore);
    const jobs = await getQueue('provision-client').getJobs(['waiting', 'delayed']);
    expect(
      jobs
        .filter((job) => job.data.companyId === company.id)
        .map((job) => job.data.entityId ?? null)
        .sort(),
    ).toEqual([4242, null]);
    expect((await staff.run((api) => api.glpi.provisioningState({ companyId: company.id }))).state).toBe('pending');
    await expect(staff.run((api) => api.glpi.linkEntity({ companyId: company.id, entityId: 0 }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const client = await loggedIn(users[0]!);
    await expect(client.run((api) => api.glpi.provisioningState({ companyId: company.id }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
