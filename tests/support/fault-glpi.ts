import { expect } from 'vitest';
import type { GlpiSimulator } from '../../tools/glpi-sim/glpi-simulator';
import type { FaultApp } from './fault-harness';
import { waitFor } from './wait-for';

/** GLPI-side helpers of the fault tests: a subscribed client, its entity, convergence row by row. */

/**
 * A company named like one of the simulator's seeded entities, with a client user and a running
 * subscription: the worker's start-up provisioning finds that entity (with its park and tickets),
 * links it and runs the first sync, as for the demo's super-client.
 */
export async function subscribedClient(app: FaultApp, entityName: string) {
  const company = await app.createCompany({ name: entityName });
  const user = await app.createUser('client', company.id);
  await app.giveActiveSubscription(company.id);
  return { company, user };
}

export async function provisionedEntity(app: FaultApp, companyId: number, timeoutMs = 60_000): Promise<number> {
  const link = await waitFor(
    async () => {
      const row = await app.models.GlpiCompanyLink.findByPk(companyId);
      return row?.provisioningState === 'done' && row.glpiEntityId !== null ? row : null;
    },
    { timeoutMs, intervalMs: 200, what: `company ${companyId} provisioned in GLPI` },
  );
  return link.glpiEntityId!;
}

/**
 * Waits until the cache holds exactly GLPI's live rows for the entity — every asset, ticket and
 * follow-up with its name, status and date — then checks that no (entity, type, id) is stored twice.
 */
export async function expectConverged(app: FaultApp, sim: GlpiSimulator, entityId: number, timeoutMs = 90_000): Promise<void> {
  let last = '';
  await waitFor(
    async () => {
      const [cache, glpi] = [await app.cacheSnapshot(entityId), app.glpiSnapshot(sim, entityId)];
      last = Object.keys(glpi)
        .map((type) => `${type}: cache ${cache[type]?.length ?? 0} / GLPI ${glpi[type]!.length}`)
        .join(', ');
      return JSON.stringify(cache) === JSON.stringify(glpi);
    },
    { timeoutMs, intervalMs: 500, what: `the cache of entity ${entityId} to match GLPI (${last})` },
  ).catch((error: Error) => {
    throw new Error(`${error.message} — last seen ${last}`);
  });
  expect(await app.cacheSnapshot(entityId)).toEqual(app.glpiSnapshot(sim, entityId));
  expect(await app.duplicateKeys(entityId)).toBe(0);
}

/** What technicians do in GLPI between two cycles: a new PC, a renamed and a trashed asset, an answer, a solved ticket. */
export function technicianChanges(sim: GlpiSimulator, entityId: number, tag: string): void {
  const computers = sim.state.rows('Computer', entityId).filter((row) => row.is_deleted === 0 && row.is_template !== 1);
  sim.state.addItem('Computer', { name: `PC-${tag}`, entities_id: entityId, serial: `SN-${tag}` });
  sim.state.update('Computer', Number(computers[0]!.id), { name: `Renommé-${tag}` });
  sim.state.trash('Computer', Number(computers[1]!.id));
  const open = sim.state.tickets(entityId).filter((row) => row.is_deleted === 0 && Number(row.status) < 5);
  sim.state.addFollowup(Number(open[0]!.id), `<p>Réponse du technicien ${tag}</p>`);
  sim.state.setTicketStatus(Number(open[1]!.id), 5);
}

/** GLPI tickets of the entity whose content carries the outbox row's idempotency key. */
export function glpiTicketsCarrying(sim: GlpiSimulator, entityId: number, key: string) {
  return sim.state.tickets(entityId).filter((ticket) => String(ticket.content).includes(key));
}

/**
 * Every outbox row delivered, each to exactly one GLPI ticket of the entity, the one it recorded:
 * nothing lost, nothing created twice.
 */
export async function expectDeliveredOnce(app: FaultApp, sim: GlpiSimulator, entityId: number, outboxIds: number[], timeoutMs = 90_000) {
  await waitFor(
    async () => {
      const rows = await app.models.GlpiOutboxEntry.findAll({ where: { id: outboxIds } });
      return rows.length === outboxIds.length && rows.every((row) => row.state === 'delivered');
    },
    { timeoutMs, intervalMs: 300, what: `outbox rows ${outboxIds.join(', ')} delivered` },
  );
  for (const row of await app.models.GlpiOutboxEntry.findAll({ where: { id: outboxIds } })) {
    const tickets = glpiTicketsCarrying(sim, entityId, row.idempotencyKey);
    expect(
      tickets.map((ticket) => Number(ticket.id)),
      `outbox ${row.id}`,
    ).toEqual([row.glpiId]);
  }
}
