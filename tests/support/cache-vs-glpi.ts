import { QueryTypes } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiApiDriver, GlpiRow } from './glpi-api-driver';

/**
 * "The cache equals GLPI", row by row: what GLPI holds for one entity (read through its API by the
 * test driver, never by the code under test) and what the cache holds, in one comparable shape.
 * Dates are GLPI's text taken as UTC (the real test GLPI and the simulator both run on UTC).
 */
export type EntityPicture = {
  assets: Record<string, Array<{ id: number; name: string | null; date: string | null }>>;
  tickets: Array<{ id: number; name: string | null; status: number; date: string | null }>;
  followups: Array<{ id: number; ticket: number; private: number; date: string | null }>;
  /** Computers' operating system and assets' warranty end, keyed `Itemtype:id`, only where one is set. */
  os: Record<string, string>;
  warrantyEnd: Record<string, string>;
};

const pictureAssetTypes = [
  'Computer',
  'Monitor',
  'Printer',
  'NetworkEquipment',
  'Peripheral',
  'Phone',
  'Software',
  'SoftwareLicense',
] as const;

/** GLPI stores text HTML-encoded (`&#60;`, `&#38;`); the cache keeps it decoded. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

const nameOf = (row: GlpiRow) => (typeof row.name === 'string' && row.name !== '' ? decodeEntities(row.name) : null);
const dateOf = (value: unknown) => (typeof value === 'string' && !value.startsWith('0000') ? value : null);
const byId = <T extends { id: number }>(rows: T[]) => rows.sort((a, b) => a.id - b.id);

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

/** What GLPI holds for the entity and its sub-entities (a client's sites, decision 300). */
export async function glpiPicture(driver: GlpiApiDriver, entityId: number): Promise<EntityPicture> {
  await driver.switchTo(entityId, true);
  const picture: EntityPicture = { assets: {}, tickets: [], followups: [], os: {}, warrantyEnd: {} };
  const live = new Map<string, Set<number>>();
  for (const itemtype of pictureAssetTypes) {
    const rows = (await driver.all(itemtype)).filter((row) => row.is_template !== 1 && row.is_deleted !== 1);
    live.set(itemtype, new Set(rows.map((row) => row.id)));
    picture.assets[itemtype] = byId(rows.map((row) => ({ id: row.id, name: nameOf(row), date: dateOf(row.date_mod) })));
  }
  const tickets = (await driver.all('Ticket')).filter((row) => row.is_deleted !== 1);
  picture.tickets = byId(tickets.map((row) => ({ id: row.id, name: nameOf(row), status: Number(row.status), date: dateOf(row.date_mod) })));
  const ticketIds = new Set(tickets.map((row) => row.id));
  // Server-wide list (it ignores the active entity): keep this entity's tickets' follow-ups only.
  picture.followups = byId(
    (await driver.all('ITILFollowup'))
      .filter((row) => row.itemtype === 'Ticket' && ticketIds.has(Number(row.items_id)))
      .map((row) => ({ id: row.id, ticket: Number(row.items_id), private: Number(row.is_private), date: dateOf(row.date_mod) })),
  );
  const osNames = new Map((await driver.all('OperatingSystem')).map((row) => [row.id, nameOf(row)]));
  for (const row of byId(await driver.all('Item_OperatingSystem'))) {
    const key = `${String(row.itemtype)}:${Number(row.items_id)}`;
    const name = osNames.get(Number(row.operatingsystems_id));
    if (live.get(String(row.itemtype))?.has(Number(row.items_id)) && name && !(key in picture.os)) picture.os[key] = name;
  }
  for (const row of byId(await driver.all('Infocom'))) {
    const key = `${String(row.itemtype)}:${Number(row.items_id)}`;
    const start = dateOf(row.warranty_date);
    const months = Number(row.warranty_duration);
    if (!live.get(String(row.itemtype))?.has(Number(row.items_id))) continue;
    if (start && months > 0) picture.warrantyEnd[key] = addMonths(start.slice(0, 10), months);
    else delete picture.warrantyEnd[key];
  }
  await driver.switchTo(0, true);
  return picture;
}

/** What the cache shows the company of that entity (live rows only). */
export async function cachePicture(entityId: number): Promise<EntityPicture> {
  const q = <T extends object>(sql: string) => sequelize.query<T>(sql, { replacements: { entityId }, type: QueryTypes.SELECT });
  const picture: EntityPicture = { assets: {}, tickets: [], followups: [], os: {}, warrantyEnd: {} };
  for (const itemtype of pictureAssetTypes) picture.assets[itemtype] = [];
  const assets = await q<{ itemtype: string; id: number; name: string | null; date: string | null; os: string | null; we: string | null }>(
    `SELECT itemtype, glpi_id AS id, name, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS date, operating_system AS os,
            DATE_FORMAT(warranty_end, '%Y-%m-%d') AS we
     FROM glpi_assets WHERE glpi_entity_id = :entityId AND deleted_at IS NULL AND is_template = 0 ORDER BY glpi_id`,
  );
  for (const row of assets) {
    picture.assets[row.itemtype]?.push({ id: Number(row.id), name: row.name, date: row.date });
    if (row.os) picture.os[`${row.itemtype}:${Number(row.id)}`] = row.os;
    if (row.we) picture.warrantyEnd[`${row.itemtype}:${Number(row.id)}`] = row.we;
  }
  picture.tickets = (
    await q<{ id: number; name: string | null; status: number; date: string | null }>(
      `SELECT glpi_id AS id, name, status, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS date FROM glpi_tickets
     WHERE glpi_entity_id = :entityId AND deleted_at IS NULL ORDER BY glpi_id`,
    )
  ).map((row) => ({ ...row, id: Number(row.id), status: Number(row.status) }));
  picture.followups = (
    await q<{ id: number; ticket: number; private: number; date: string | null }>(
      `SELECT f.glpi_id AS id, f.glpi_ticket_id AS ticket, f.is_private AS private, DATE_FORMAT(f.glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS date
     FROM glpi_ticket_followups f
     JOIN glpi_tickets t ON t.glpi_entity_id = f.glpi_entity_id AND t.glpi_id = f.glpi_ticket_id AND t.deleted_at IS NULL
     WHERE f.glpi_entity_id = :entityId AND f.deleted_at IS NULL ORDER BY f.glpi_id`,
    )
  ).map((row) => ({ id: Number(row.id), ticket: Number(row.ticket), private: Number(row.private), date: row.date }));
  return picture;
}

/** A readable list of the differences (empty when the cache equals GLPI). */
export function pictureDifferences(glpi: EntityPicture, cache: EntityPicture): string[] {
  const out: string[] = [];
  const diffRows = <T extends { id: number }>(what: string, a: T[], b: T[]) => {
    const left = new Map(a.map((row) => [row.id, JSON.stringify(row)]));
    const right = new Map(b.map((row) => [row.id, JSON.stringify(row)]));
    for (const [id, row] of left) if (right.get(id) !== row) out.push(`${what} ${id}: GLPI ${row}, cache ${right.get(id) ?? 'missing'}`);
    for (const [id, row] of right) if (!left.has(id)) out.push(`${what} ${id}: not in GLPI, cache ${row}`);
  };
  for (const itemtype of pictureAssetTypes) diffRows(itemtype, glpi.assets[itemtype] ?? [], cache.assets[itemtype] ?? []);
  diffRows('Ticket', glpi.tickets, cache.tickets);
  diffRows('ITILFollowup', glpi.followups, cache.followups);
  const diffMap = (what: string, a: Record<string, string>, b: Record<string, string>) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (a[key] !== b[key]) out.push(`${what} ${key}: GLPI ${a[key] ?? 'none'}, cache ${b[key] ?? 'none'}`);
  };
  diffMap('OS', glpi.os, cache.os);
  diffMap('warranty end', glpi.warrantyEnd, cache.warrantyEnd);
  return out;
}
