import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { GlpiOutboxEntry, GlpiUserLink, User } from '../../server/db/models';
import { queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { setGlpiPool } from '../../worker/glpi-runtime';
import { startHarness, type Harness } from '../../worker/glpi/glpi-test-support';
import { deliverOutboxEntry } from '../../worker/jobs/deliver-outbox';
import { provisionCompany } from '../../worker/provisioning/provision-company';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser } from '../support/fixtures';
import { forgetEarlierSimulators } from '../support/sync-harness';
import { subscribe } from './portal-support';

// A ticket written by a member who is deactivated before GLPI got it: their GLPI account was taken
// (and is not given back), yet the ticket is sent once, naming them as requester, never left waiting.
let h: Harness;

beforeAll(async () => {
  await seedCatalog();
  await forgetEarlierSimulators();
  h = await startHarness({ sim: { seed: { seed: 7, entities: 1, assets: 2, tickets: 1 } }, config: { retries: 0 } });
  setGlpiPool(h.pool);
});

afterAll(async () => {
  setGlpiPool(null);
  await h.close();
  await closeTestResources();
});

it("sends a deactivated member's waiting ticket with the service account, naming them requester", async () => {
  const company = await createCompany();
  await createUser('client', company.id, 'manager');
  const member = await createUser('client', company.id, 'member');
  await subscribe(company.id, 'support', 20);
  const options = { pool: () => h.pool, parentEntityId: 1, clientProfileId: 1 };
  const { entityId } = (await provisionCompany({ companyId: company.id }, options))!;
  const { glpiUserId } = await GlpiUserLink.findByPk(member.id, { rejectOnEmpty: true });

  const entry = await queueTicket({
    companyId: company.id,
    userId: member.id,
    title: 'Écran cassé',
    content: 'Bonjour',
    urgency: 3,
    type: 'incident',
  });
  await User.update({ active: false }, { where: { id: member.id } });
  await provisionCompany({ companyId: company.id }, options);
  expect(await GlpiUserLink.findByPk(member.id)).toMatchObject({ glpiUserId, apiTokenSealed: null });

  const ticketId = await deliverOutboxEntry(entry.id, { pool: options.pool });
  expect(await GlpiOutboxEntry.findByPk(entry.id)).toMatchObject({ state: 'delivered', glpiId: ticketId });
  const sent = h.sim.state.tickets(entityId).filter((ticket) => ticket.id === ticketId);
  expect(sent).toMatchObject([{ name: 'Écran cassé', requesters: [glpiUserId] }]);
});
