import { randomBytes } from 'node:crypto';
import type { Row, Scalar } from './sim-store';
import { addedDate, isCentral, targetEntity, type AddResult, type Input, type WriteContext } from './sim-write-common';

export function addUser(ctx: WriteContext, input: Input, fields: Record<string, Scalar>): AddResult {
  const { store, stamp } = ctx;
  const login = String(fields.name ?? '');
  if ([...store.table('User').rows.values()].some((row) => row.name === login)) {
    return { ok: false, message: 'Unable to add. The user already exists.' };
  }
  if (input.password !== undefined && input.password2 !== undefined && input.password !== input.password2) {
    return { ok: false, message: 'Error: the two passwords do not match' };
  }
  const activeEntity = ctx.session?.activeEntity ?? 0;
  const row = store.insert('User', {
    ...fields,
    date_mod: addedDate(ctx, fields, 'date_mod'),
    date_creation: addedDate(ctx, fields, 'date_creation'),
    password_last_update: input.password2 === undefined ? null : stamp,
  });
  applyToken(ctx, row, input);
  const emails = input._useremails;
  const emailEntries = Array.isArray(emails)
    ? emails.map((email, index) => [String(index), email] as const)
    : typeof emails === 'object' && emails !== null
      ? Object.entries(emails)
      : [];
  const defaultKey = input._default_email === undefined ? emailEntries[0]?.[0] : String(input._default_email);
  for (const [key, email] of emailEntries) {
    store.insert('UserEmail', { users_id: row.id, email: String(email), is_default: key === defaultKey ? 1 : 0 });
  }
  // Without _profiles_id GLPI adds the default profile on the active entity, flagged dynamic
  // (get_User_id_Profile_User_auto_assigned_after_post); with it, exactly that assignment.
  if (input._profiles_id !== undefined) {
    store.insert('Profile_User', {
      users_id: row.id,
      profiles_id: Number(input._profiles_id),
      entities_id: targetEntity(ctx, input, '_entities_id'),
      is_recursive: Number(input._is_recursive ?? 0),
      is_dynamic: 0,
      is_default_profile: 0,
    });
  } else {
    store.insert('Profile_User', {
      users_id: row.id,
      profiles_id: 1,
      entities_id: activeEntity,
      is_recursive: 0,
      is_dynamic: 1,
      is_default_profile: 1,
    });
  }
  const display = [row.realname, row.firstname].filter((part) => typeof part === 'string' && part !== '').join(' ') || login;
  return { ok: true, id: row.id, message: `Item successfully added: ${display}` };
}

/**
 * A user's API token (`initSession` with `Authorization: user_token …` opens a session as them).
 * GLPI accepts `api_token` (as given) or `_reset_api_token` (a new random one, dated) from the user
 * themselves or from someone with more rights (User::prepareInputForUpdate); the token is kept off
 * every read (it is not a template column, so rows never show it).
 */
export function applyToken(ctx: WriteContext, user: Row, input: Input): void {
  const allowed = isCentral(ctx) || ctx.session?.userId === user.id;
  if (!allowed) return;
  if (input._reset_api_token === true || input._reset_api_token === 1 || input._reset_api_token === '1') {
    user.api_token = randomBytes(20).toString('base64url').slice(0, 40);
    user.api_token_date = ctx.stamp;
  } else if (typeof input.api_token === 'string' && input.api_token !== '') {
    user.api_token = input.api_token;
  }
}
