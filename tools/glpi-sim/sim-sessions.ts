import { randomBytes } from 'node:crypto';
import { glpiError, header, json, type SimRequest, type SimResponse } from './sim-http';
import { apiUserId } from './sim-seed';
import type { Store } from './sim-store';

export type SimSession = {
  token: string;
  userId: number;
  activeEntity: number;
  /** GLPI answers 1/0 right after login but a boolean after changeActiveEntities (getActiveEntities_* fixtures). */
  recursive: number | boolean;
  activeEntities: ReadonlySet<number>;
  lastUsedAt: number;
};

export type AuthOptions = {
  userToken: string;
  appToken: string | undefined;
  /** false mimics the recorded server, where a second API client without app token serves localhost. */
  appTokenRequired: boolean;
};

export class SessionRegistry {
  private readonly sessions = new Map<string, SimSession>();

  constructor(
    private readonly store: () => Store,
    private readonly lifetimeMs: () => number | null,
  ) {}

  /**
   * A new session starts on the user's default entity, recursive. The list of entities is computed
   * now: an entity created later stays out of reach until changeActiveEntities
   * (error_post_Computer_into_entity_created_after_initSession).
   */
  open(userId: number): SimSession {
    const session: SimSession = {
      token: sessionToken(),
      userId,
      activeEntity: 0,
      recursive: 1,
      activeEntities: new Set(this.store().entitySubtree(0)),
      lastUsedAt: Date.now(),
    };
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

  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  get size(): number {
    return this.sessions.size;
  }

  changeActiveEntities(session: SimSession, entityId: number, recursive: boolean): boolean {
    const store = this.store();
    if (!store.table('Entity').rows.has(entityId)) return false;
    session.activeEntity = entityId;
    session.recursive = recursive;
    session.activeEntities = new Set(recursive ? store.entitySubtree(entityId) : [entityId]);
    return true;
  }
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
  if (userToken !== auth.userToken) {
    return glpiError(request, 401, 'ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid');
  }
  return json(200, { session_token: registry.open(apiUserId).token });
}

export function findSession(request: SimRequest, registry: SessionRegistry): SimSession | SimResponse {
  const token = header(request, 'Session-Token') ?? request.query.get('session_token');
  if (!token) {
    return glpiError(request, 400, 'ERROR_SESSION_TOKEN_MISSING', 'parameter session_token is missing or empty');
  }
  return registry.find(token) ?? glpiError(request, 401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid');
}

type ChangeInput = { entities_id?: unknown; is_recursive?: unknown };

export function changeActiveEntities(
  request: SimRequest, body: ChangeInput, session: SimSession, registry: SessionRegistry,
): SimResponse {
  const input: ChangeInput = request.method === 'GET'
    ? { entities_id: request.query.get('entities_id') ?? undefined, is_recursive: request.query.get('is_recursive') ?? undefined }
    : body;
  // is_recursive must be a JSON boolean or "true"/"false"; 1 is refused (error_changeActiveEntities_is_recursive_int_in_json).
  let recursive = false;
  if (typeof input.is_recursive === 'boolean') recursive = input.is_recursive;
  else if (input.is_recursive === 'true' || input.is_recursive === 'false') recursive = input.is_recursive === 'true';
  else if (input.is_recursive !== undefined) return glpiError(request, 400, 'ERROR', 'Bad Request');
  // No entities_id means "all my entities"; "all" goes through intval() and becomes 0, root only (changeActiveEntities_all).
  if (input.entities_id === undefined) return json(200, registry.changeActiveEntities(session, 0, true));
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

export function getMyEntities(request: SimRequest, store: Store): SimResponse {
  const recursive = request.query.get('is_recursive') === 'true';
  if (!recursive) return json(200, { myentities: [{ id: 0, name: store.entityName(0) ?? 'Root entity' }] });
  // With is_recursive the names are complete names, HTML-encoded, root last (getMyEntities_is_recursive_true).
  const ids = store.entitySubtree(0).filter((id) => id !== 0);
  const encode = (name: string) => name.replace(/>/g, '&#62;');
  return json(200, {
    myentities: [...ids, 0].map((id) => ({ id, name: encode(store.entityCompleteName(id)) })),
  });
}
