import { QueryTypes } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { GlpiUserLink, User } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { listTickets } from '../../server/portal/list-tickets';
import { deliverOutboxEntry } from '../../worker/jobs/deliver-outbox';
import { provisionCompany } from '../../worker/provisioning/provision-company';
import { createCompany, createUser } from '../support/fixtures';
import { realGlpiTickets } from '../support/real-glpi-tickets';

/**
 * Issue 18 against a real GLPI 10.0.12: each person who opens tickets has a GLPI account in the
 * company's entity, the others lose it, idempotently; tickets carry the member as requester and the
 * sync reads requesters and observers (search options 4 and 66). GLPI's side is read from its own
 * database, never through the code under test.
 */
const world = realGlpiTickets();

type GlpiAccount = { id: number; is_active: number };
const account = async (email: string) =>
  (await world.h.glpi.query<GlpiAccount>('SELECT id, is_active FROM glpi_users WHERE name = ?', [email]))[0] ?? null;
const clientProfiles = async (glpiUserId: number) =>
  (
    await world.h.glpi.query<{ entities_id: number }>(
      'SELECT entities_id FROM glpi_profiles_users WHERE users_id = ? AND profiles_id = 1',
      [glpiUserId],
    )
  ).map((row) => row.entities_id);
const cachedActors = (entityId: number, ticketId: number) =>
  sequelize.query<{ user: number; type: number }>(
    'SELECT glpi_user_id AS user, actor_type AS type FROM glpi_ticket_actors WHERE glpi_entity_id = :entityId AND ticket_glpi_id = :ticketId ORDER BY actor_type, glpi_user_id',
    { replacements: { entityId, ticketId }, type: QueryTypes.SELECT },
  );

describe('company people in a real GLPI', { timeout: 240_000 }, () => {
  it('gives managers and members a GLPI account, not billing; a deactivated member loses it and gets the same one back, each run idempotent', async () => {
    const company = await createCompany();
    const manager = await createUser('client', company.id, 'manager');
    const member = await createUser('client', company.id, 'member');
    const billing = await createUser('client', company.id, 'billing');
    const { entityId } = (await provisionCompany({ companyId: company.id }, world.options))!;

    const managerAccount = await account(manager.email);
    const memberAccount = await account(member.email);
    expect(managerAccount).toMatchObject({ is_active: 1 });
    expect(memberAccount).toMatchObject({ is_active: 1 });
    expect(await clientProfiles(memberAccount!.id)).toEqual([entityId]);
    expect(await account(billing.email)).toBeNull();

    await User.update({ active: false }, { where: { id: member.id } });
    await provisionCompany({ companyId: company.id }, world.options);
    expect(await account(member.email)).toEqual({ id: memberAccount!.id, is_active: 0 });
    expect(await clientProfiles(memberAccount!.id)).toEqual([]);
    expect(await GlpiUserLink.findByPk(member.id)).toMatchObject({
      glpiUserId: memberAccount!.id,
      glpiProfileLinkId: null,
      apiTokenSealed: null,
    });
    // Replayed: nothing more to take, nothing fails.
    await provisionCompany({ companyId: company.id }, world.options);
    expect(await clientProfiles(memberAccount!.id)).toEqual([]);
    expect(await account(manager.email)).toMatchObject({ is_active: 1 });

    await User.update({ active: true }, { where: { id: member.id } });
    await provisionCompany({ companyId: company.id }, world.options);
    expect(await account(member.email)).toEqual({ id: memberAccount!.id, is_active: 1 });
    expect(await clientProfiles(memberAccount!.id)).toEqual([entityId]);
    await provisionCompany({ companyId: company.id }, world.options);
    expect(await clientProfiles(memberAccount!.id)).toEqual([entityId]);
  });

  it("a member's ticket names them requester; the sync reads requesters and observers, and a member sees what names them", async () => {
    const company = await createCompany();
    await createUser('client', company.id, 'manager');
    const member = await createUser('client', company.id, 'member');
    const colleague = await createUser('client', company.id, 'member');
    const { entityId } = (await provisionCompany({ companyId: company.id }, world.options))!;
    const memberAccount = (await account(member.email))!;
    const colleagueAccount = (await account(colleague.email))!;

    const entry = await queueTicket({
      companyId: company.id,
      userId: member.id,
      title: 'Imprimante',
      content: 'Bourrage papier.',
      urgency: 3,
      type: 'incident',
    });
    const ticketId = (await deliverOutboxEntry(entry.id, { pool: world.options.pool }))!;
    expect(await world.h.glpi.query('SELECT users_id, type FROM glpi_tickets_users WHERE tickets_id = ?', [ticketId])).toEqual([
      { users_id: memberAccount.id, type: 1 },
    ]);
    // A technician adds the colleague as observer, in GLPI (switched again: the entity is newer than the driver's session).
    await world.h.driver.switchTo(0, true);
    await world.h.driver.createOne('Ticket_User', { tickets_id: ticketId, users_id: colleagueAccount.id, type: 3 });

    await world.h.cycle(company.id);
    expect(await cachedActors(entityId, ticketId)).toEqual([
      { user: memberAccount.id, type: 1 },
      { user: colleagueAccount.id, type: 3 },
    ]);
    const seenBy = async (userId: number) =>
      (await listTickets({ companyId: company.id, memberUserId: userId }, {})).tickets.map((t) => t.glpiId);
    expect(await seenBy(member.id)).toEqual([ticketId]);
    expect(await seenBy(colleague.id)).toEqual([ticketId]);

    // A cache filled before actors were read gets them at the next cycle, the ticket unchanged.
    await sequelize.query('DELETE FROM glpi_ticket_actors WHERE glpi_entity_id = :entityId', { replacements: { entityId } });
    await sequelize.query("UPDATE glpi_sync_state SET actors_read_at = NULL WHERE glpi_entity_id = :entityId AND itemtype = 'Ticket'", {
      replacements: { entityId },
    });
    expect(await seenBy(colleague.id)).toEqual([]);
    await world.h.cycle(company.id);
    expect(await cachedActors(entityId, ticketId)).toEqual([
      { user: memberAccount.id, type: 1 },
      { user: colleagueAccount.id, type: 3 },
    ]);
    expect(await seenBy(colleague.id)).toEqual([ticketId]);
  });
});
