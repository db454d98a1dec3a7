import { randomBytes } from 'node:crypto';
import { glpiError, header, json, type SimRequest, type SimResponse } from './sim-http';
import { apiUserId, selfServiceProfileId } from './sim-seed';
import type { Store } from './sim-store';

/** `central` profiles (Super-Admin, Technician…) are simulated with every right; `helpdesk` is Self-Service. */
export type Interface = 'central' | 'helpdesk';

export type ProfileEntity = { id: number; isRecursive: boolean };

export type SimSession = {
  token: string;
  userId: number;
  profileId: number;
  interface: Interface;
  /** The active profile's Profile_User entities, ordered by complete name (Session::initEntityProfiles). */
  profileEntities: ProfileEntity[];
  activeEntity: number;
  /** GLPI answers 1/0 right after login but a boolean after changeActiveEntities (getActiveEntities_* fixtures). */
  recursive: number | boolean;
  activeEntities: ReadonlySet<number>;
  /** Ancestors of the active entities: their recursive rows (a root State, a root Location) are visible too. */
  activeAncestors: ReadonlySet<number>;
  lastUsedAt: number;
};

export type AuthOptions = {
  /** The API account's token (user `glpi`, id 2); client users log in with their own `api_token`. */
  userToken: string;
  appToken: string | undefined;
  /** false mimics the recorded server, where a second API client without app token serves localhost. */
  appTokenRequired: boolean;
};

/** Profiles whose interface is helpdesk; every other profile is central. */
const helpdeskProfiles: ReadonlySet<number> = new Set([selfServiceProfileId]);

export class SessionRegistry {
  private readonly sessions = new Map<string, SimSession>();

  constructor(
    private readonly store: () => Store,
    private readonly lifetimeMs: () => number | null,
  ) {}

  /**
   * A new session, as Session::init builds it: the user's default profile when they have it (else
   * the first of their profiles by name), then the user's default entity among that profile's
   * entities (recursive as assigned, a number), else the default entity as a recursive subtree of a
   * recursive assignment (a boolean), else all the profile's entities (active: the first, `false`).
   * The list of entities is computed now: an entity created later stays out of reach until
   * changeActiveEntities (error_post_Computer_into_entity_created_after_initSession).
   */
  open(userId: number): SimSession | null {
    const store = this.store();
    const user = store.table('User').rows.get(userId);
    if (!user || Number(store.table('User').value(user, 'is_active')) !== 1) return null;
    const profiles = profilesOf(store, userId);
    const defaultProfile = Number(store.table('User').value(user, 'profiles_id') ?? 0);
    const profileId = profiles.has(defaultProfile) ? defaultProfile : [...profiles.keys()][0];
    if (profileId === undefined) return null;
    const session: SimSession = {
      token: sessionToken(),
      userId,
      profileId,
      interface: helpdeskProfiles.has(profileId) ? 'helpdesk' : 'central',
      profileEntities: profiles.get(profileId) ?? [],
      activeEntity: 0,
      recursive: false,
      activeEntities: new Set(),
      activeAncestors: new Set(),
      lastUsedAt: Date.now(),
    };
    const defaultEntity = Number(store.table('User').value(user, 'entities_id') ?? 0);
    const assigned = session.profileEntities.find((entity) => entity.id === defaultEntity);
    const opened =
      (assigned && this.changeActiveEntities(session, defaultEntity, assigned.isRecursive ? 1 : 0)) ||
      this.changeActiveEntities(session, defaultEntity, true) ||
      this.changeActiveEntities(session, 'all', false);
    if (!opened) return null;
    this.sessions.set(session.token, session);
    return session;
  }
  /** Idle sessions die the way PHP garbage-collects them: the token simply becomes unknown. */
  find(token: string): SimSession | undefined {
    const session = this.sessions.get(token);
    if (!session) return undefined;
    const lifetime = this.lifetimeMs();
    const now = Date.now();
    if (lifetime !== null && now - session.lastUsedAt > lifetime) {
      this.sessions.delete(token);
      return undefined;
    }
    session.lastUsedAt = now;
    return session;
  }

  kill(token: string): void {
    this.sessions.delete(token);
  }

  /** Lets `ms` of idleness pass for every session at once: a test reaches the lifetime without waiting for it. */
  idleFor(ms: number): void {
    for (const session of this.sessions.values()) session.lastUsedAt -= ms;
  }

  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  get size(): number {
    return this.sessions.size;
  }

  storeNow(): Store {
    return this.store();
  }

  /**
   * Session::changeActiveEntities: an entity of the profile, or below a recursive one (only
   * non-recursively unless the assignment is recursive); "all" is every entity of the profile.
   */
  changeActiveEntities(session: SimSession, entityId: number | 'all', recursive: number | boolean): boolean {
    const store = this.store();
    const entities = new Set<number>();
    if (entityId === 'all') {
      for (const entity of session.profileEntities) {
        for (const id of entity.isRecursive ? store.entitySubtree(entity.id) : [entity.id]) entities.add(id);
      }
    } else {
      if (!store.table('Entity').rows.has(entityId)) return false;
      const ancestors = store.entityAncestors(entityId);
      const allowed = session.profileEntities.some(
        (entity) => (entity.id === entityId || ancestors.includes(entity.id)) && (!recursive || entity.isRecursive),
      );
      if (!allowed) return false;
      for (const id of recursive ? store.entitySubtree(entityId) : [entityId]) entities.add(id);
    }
    const first = [...entities][0];
    if (first === undefined) return false;
    session.activeEntity = entityId === 'all' ? first : entityId;
    session.recursive = recursive;
    session.activeEntities = entities;
    session.activeAncestors = new Set([...entities].flatMap((id) => store.entityAncestors(id)));
    return true;
  }
}

/** Profiles of a user with their entities, profiles ordered by name and entities by complete name. */
function profilesOf(store: Store, userId: number): Map<number, ProfileEntity[]> {
  const links = store.table('Profile_User');
  const rows = links
    .idsOfParent(userId)
    .map((id) => links.rows.get(id))
    .filter((row) => row !== undefined);
  const byName = [...new Set(rows.map((row) => Number(links.value(row, 'profiles_id'))))].sort((a, b) =>
    (store.label('Profile', a) ?? '').localeCompare(store.label('Profile', b) ?? ''),
  );
  return new Map(
    byName.map((profileId) => {
      const entities = new Map<number, ProfileEntity>();
      for (const row of rows) {
        if (Number(links.value(row, 'profiles_id')) !== profileId) continue;
        const id = Number(links.value(row, 'entities_id'));
        const isRecursive = Number(links.value(row, 'is_recursive')) === 1;
        // A recursive assignment wins over a plain one for the same entity.
        if (!entities.has(id) || isRecursive) entities.set(id, { id, isRecursive });
      }
      const ordered = [...entities.values()].sort((a, b) => store.entityCompleteName(a.id).localeCompare(store.entityCompleteName(b.id)));
      return [profileId, ordered] as const;
    }),
  );
}

function sessionToken(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(26)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export function checkAppToken(request: SimRequest, auth: AuthOptions): SimResponse | null {
  if (auth.appToken === undefined) return null;
  const sent = header(request, 'App-Token') ?? request.query.get('app_token') ?? undefined;
  if (sent === undefined) {
    if (!auth.appTokenRequired) return null;
    return glpiError(request, 400, 'ERROR_APP_TOKEN_PARAMETERS_MISSING', 'missing parameter app_token');
  }
  if (sent !== auth.appToken) {
    return glpiError(request, 400, 'ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong');
  }
  return null;
}

export function initSession(request: SimRequest, auth: AuthOptions, registry: SessionRegistry): SimResponse {
  const authorization = header(request, 'Authorization');
  const queryToken = request.query.get('user_token');
  if (authorization?.startsWith('Basic ')) {
    return glpiError(request, 401, 'ERROR_GLPI_LOGIN', 'Incorrect username or password');
  }
  const userToken = authorization?.startsWith('user_token ') ? authorization.slice('user_token '.length) : queryToken;
  if (!userToken) {
    return glpiError(request, 400, 'ERROR_LOGIN_PARAMETERS_MISSING', 'parameter(s) login, password or user_token are missing');
  }
  // The configured token is glpi's (the API account); any other is looked up among users' own tokens.
  const userId = userToken === auth.userToken ? apiUserId : userOfToken(registry.storeNow(), userToken);
  const session = userId === undefined ? null : registry.open(userId);
  if (!session) return glpiError(request, 401, 'ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid');
  return json(200, { session_token: session.token });
}

function userOfToken(store: Store, token: string): number | undefined {
  for (const user of store.table('User').rows.values()) if (user.api_token === token) return user.id;
  return undefined;
}

export function findSession(request: SimRequest, registry: SessionRegistry): SimSession | SimResponse {
  const token = header(request, 'Session-Token') ?? request.query.get('session_token');
  if (!token) {
    return glpiError(request, 400, 'ERROR_SESSION_TOKEN_MISSING', 'parameter session_token is missing or empty');
  }
  return registry.find(token) ?? glpiError(request, 401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid');
}

type ChangeInput = { entities_id?: unknown; is_recursive?: unknown };

export function changeActiveEntities(request: SimRequest, body: ChangeInput, session: SimSession, registry: SessionRegistry): SimResponse {
  const input: ChangeInput =
    request.method === 'GET'
      ? { entities_id: request.query.get('entities_id') ?? undefined, is_recursive: request.query.get('is_recursive') ?? undefined }
      : body;
  // is_recursive must be a JSON boolean or "true"/"false"; 1 is refused (error_changeActiveEntities_is_recursive_int_in_json).
  let recursive = false;
  if (typeof input.is_recursive === 'boolean') recursive = input.is_recursive;
  else if (input.is_recursive === 'true' || input.is_recursive === 'false') recursive = input.is_recursive === 'true';
  else if (input.is_recursive !== undefined) return glpiError(request, 400, 'ERROR', 'Bad Request');
  // No entities_id means "all my entities" (changeActiveEntities_without_entities_id_means_all); the
  // value "all" goes through intval() and becomes 0, root only (changeActiveEntities_all).
  if (input.entities_id === undefined) return json(200, registry.changeActiveEntities(session, 'all', recursive));
  const entityId = typeof input.entities_id === 'number' ? Math.trunc(input.entities_id) : parseInt(String(input.entities_id), 10) || 0;
  // A refused switch still answers 200, with `false` (changeActiveEntities_nonexistent_999).
  return json(200, registry.changeActiveEntities(session, entityId, recursive));
}

export function getActiveEntities(session: SimSession): SimResponse {
  return json(200, {
    active_entity: {
      id: session.activeEntity,
      active_entity_recursive: session.recursive,
      active_entities: [...session.activeEntities].map((id) => ({ id })),
    },
  });
}

/**
 * API::getMyEntities: each entity of the active profile (with is_recursive=true, preceded by its
 * descendants when assigned recursively), named by its complete name HTML-encoded.
 */
export function getMyEntities(request: SimRequest, store: Store, session: SimSession): SimResponse {
  const recursive = request.query.get('is_recursive') === 'true';
  const encode = (name: string) => name.replace(/>/g, '&#62;');
  const entry = (id: number) => ({ id, name: encode(store.entityCompleteName(id)) });
  const myentities = session.profileEntities.flatMap((entity) => [
    ...(recursive && entity.isRecursive
      ? store
          .entitySubtree(entity.id)
          .filter((id) => id !== entity.id)
          .map(entry)
      : []),
    entry(entity.id),
  ]);
  return json(200, { myentities });
}

/** API::getMyProfiles: every profile of the user with its entities (short names, is_recursive as 0/1). */
export function getMyProfiles(store: Store, session: SimSession): SimResponse {
  const myprofiles = [...profilesOf(store, session.userId)].map(([id, entities]) => ({
    id,
    name: store.label('Profile', id) ?? '',
    entities: entities.map((entity) => ({
      id: entity.id,
      name: store.entityName(entity.id) ?? '',
      is_recursive: entity.isRecursive ? 1 : 0,
    })),
  }));
  return json(200, { myprofiles });
}
