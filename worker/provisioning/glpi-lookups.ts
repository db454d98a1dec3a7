import { z } from 'zod';
import { parse, type GlpiClient } from '../glpi/glpi-client';
import { decodeGlpiHtml } from '../glpi/glpi-html';
import type { GlpiItem } from '../glpi/glpi-schemas';

/**
 * Look-ups that make provisioning idempotent: before creating anything, find what a previous run
 * (crashed, or whose answer was lost) may already have created. GLPI's `searchText` is a SQL LIKE
 * on the stored (HTML-encoded) text, so it only narrows a list; the exact match is made here on the
 * decoded values, case-insensitively like GLPI's unique keys (utf8mb4_unicode_ci).
 */
const same = (a: string | null, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

const myEntitiesSchema = z.object({ myentities: z.array(z.object({ id: z.number().int().nonnegative(), name: z.string() })) });

/**
 * The child of `parentId` named `name`. Read from `getMyEntities?is_recursive=true` (every entity
 * the service account reaches, by complete name) rather than from the Entity list, which depends on
 * the session's active entities; the candidate is then confirmed by reading it.
 */
export async function findChildEntityByName(client: GlpiClient, parentId: number, name: string): Promise<GlpiItem<'Entity'> | null> {
  const parent = await client.getItem('Entity', parentId);
  const response = await client.session.request({ method: 'GET', path: '/getMyEntities', query: [['is_recursive', 'true']] });
  const { myentities } = parse('getMyEntities', myEntitiesSchema, response);
  // Complete names read "Root entity > Parent > Child", HTML-encoded (getMyEntities_is_recursive_true).
  const wanted = `${parent.completename} > ${name.trim()}`;
  for (const candidate of myentities.filter((entity) => same(decodeGlpiHtml(entity.name), wanted))) {
    const entity = await client.getItem('Entity', candidate.id);
    if (entity.entities_id === parentId && same(entity.name, name)) return entity;
  }
  return null;
}

export async function findUserByLogin(client: GlpiClient, login: string): Promise<GlpiItem<'User'> | null> {
  // `_` is a LIKE wildcard and common in e-mail addresses: harmless here, the exact match follows.
  const searchText = /[&<>"'%\\]/.test(login) ? undefined : { name: login };
  const users = await client.listAll('User', { searchText, pageSize: 500 });
  return users.find((user) => same(user.name, login)) ?? null;
}

export async function findProfileLink(
  client: GlpiClient,
  glpiUserId: number,
  profileId: number,
  entityId: number,
): Promise<GlpiItem<'Profile_User'> | null> {
  const links = await client.getSubItems('User', glpiUserId, 'Profile_User');
  return links.find((link) => link.profiles_id === profileId && link.entities_id === entityId) ?? null;
}
