import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { GlpiAsset, GlpiTicket, GlpiTicketFollowup, Service, Subscription, type Company } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { createCompany, createUser, loggedIn } from '../support/fixtures';

/** Shared set-up of the portal tests: subscribed clients and cache rows written directly. */

let nextEntity = 900_000 + (process.pid % 1000) * 100;
// Follow-ups are keyed by GLPI's id alone (GLPI numbers them server-wide): files sharing a database
// must not hand out the same ones.
let nextGlpiId = 1_000_000 + (process.pid % 10_000) * 10_000;

export async function subscribe(companyId: number, serviceCode: string, tierMaxQty: number, options: { start?: Date; end?: Date } = {}) {
  const service = await Service.findOne({ where: { code: serviceCode }, rejectOnEmpty: true });
  const start = options.start ?? new Date(Date.now() - 24 * 3600_000);
  return Subscription.create({
    companyId,
    serviceId: service.id,
    tierMaxQty,
    monthlyPriceDa: 100_000,
    months: 3,
    startAt: start,
    endAt: options.end ?? new Date(start.getTime() + 90 * 24 * 3600_000),
  });
}

/** A company with its own fake GLPI entity id, a subscription and a logged-in client user. */
export async function subscribedClient(
  options: { company?: Company; serviceCode?: string; tierMaxQty?: number; subscribed?: boolean } = {},
) {
  const company = options.company ?? (await createCompany());
  const user = await createUser('client', company.id);
  if (options.subscribed !== false) await subscribe(company.id, options.serviceCode ?? 'full', options.tierMaxQty ?? 20);
  nextEntity += 1;
  return { company, user, entityId: nextEntity, browser: await loggedIn(user) };
}

export type Browser = Awaited<ReturnType<typeof loggedIn>>;

export async function insertTicket(
  target: { companyId: number; entityId: number },
  fields: Partial<GlpiTicket['_creationAttributes']> = {},
) {
  nextGlpiId += 1;
  return GlpiTicket.create({
    glpiEntityId: target.entityId,
    glpiId: nextGlpiId,
    companyId: target.companyId,
    name: `Ticket ${nextGlpiId}`,
    content: '<p>Bonjour</p>',
    status: 1,
    urgency: 3,
    impact: 3,
    priority: 3,
    type: 1,
    category: null,
    requesterGlpiUserId: null,
    recipientName: null,
    openedAt: new Date(),
    takenAt: null,
    solvedAt: null,
    closedAt: null,
    timeToOwn: null,
    timeToResolve: null,
    glpiUpdatedAt: new Date(),
    raw: {},
    deletedAt: null,
    ...fields,
  });
}

export async function insertFollowup(ticket: GlpiTicket, fields: Partial<GlpiTicketFollowup['_creationAttributes']> = {}) {
  nextGlpiId += 1;
  return GlpiTicketFollowup.create({
    glpiEntityId: ticket.glpiEntityId,
    glpiId: nextGlpiId,
    glpiTicketId: ticket.glpiId,
    companyId: ticket.companyId,
    glpiUserId: 4,
    authorName: null,
    content: '<p>Réponse</p>',
    isPrivate: false,
    postedAt: new Date(),
    glpiUpdatedAt: new Date(),
    raw: {},
    deletedAt: null,
    ...fields,
  });
}

export async function insertAsset(target: { companyId: number; entityId: number }, fields: Partial<GlpiAsset['_creationAttributes']> = {}) {
  nextGlpiId += 1;
  return GlpiAsset.create({
    glpiEntityId: target.entityId,
    itemtype: 'Computer',
    glpiId: nextGlpiId,
    companyId: target.companyId,
    name: `PC-${nextGlpiId}`,
    serial: `SN${nextGlpiId}`,
    inventoryNumber: null,
    model: null,
    manufacturer: null,
    type: null,
    state: 'En service',
    location: null,
    userName: null,
    operatingSystem: null,
    warrantyStart: null,
    warrantyEnd: null,
    licenceSeats: null,
    licenceSoftware: null,
    licenceExpiresOn: null,
    isTemplate: false,
    glpiCreatedAt: null,
    glpiUpdatedAt: new Date(),
    raw: { id: nextGlpiId },
    deletedAt: null,
    ...fields,
  });
}

/** A procedure refused with this tRPC code and i18n key. */
export async function expectRefused(call: Promise<unknown>, code: TRPCError['code'], key?: string) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (key) expect((error as TRPCError).message).toBe(key);
}

/** A GLPI Item_Ticket link as the sync writes it (worker/sync/ticket-items.ts). */
export async function insertTicketItem(
  ticket: GlpiTicket,
  asset: { itemtype: string; glpiId: number },
  fields: { deletedAt?: Date | null } = {},
) {
  nextGlpiId += 1;
  await sequelize.query(
    `INSERT INTO glpi_ticket_items (glpi_id, glpi_ticket_id, itemtype, items_id, glpi_entity_id, company_id, deleted_at, created_at, updated_at)
     VALUES (:id, :ticket, :itemtype, :itemId, :entity, :company, :deletedAt, UTC_TIMESTAMP(), UTC_TIMESTAMP())`,
    {
      replacements: {
        id: nextGlpiId,
        ticket: ticket.glpiId,
        itemtype: asset.itemtype,
        itemId: asset.glpiId,
        entity: ticket.glpiEntityId,
        company: ticket.companyId,
        deletedAt: fields.deletedAt ?? null,
      },
    },
  );
}
