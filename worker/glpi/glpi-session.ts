import type { Logger } from 'pino';
import { GlpiPermissionError, GlpiSchemaError, GlpiSessionError } from './glpi-errors';
import type { GlpiHttp, GlpiRequest, GlpiResponse } from './glpi-http';
import { initSessionSchema } from './glpi-schemas';

export type EntityScope = { entityId: number; recursive: boolean };

/**
 * One GLPI session. The active entity is state of the session on the GLPI side, so a session is
 * used by one job at a time (see GlpiSessionPool). An invalid or expired session is re-opened once,
 * switched back to its entity (a new session starts on the user's default entity, GLPI-API.md), and
 * the request replayed.
 */
export class GlpiSession {
  private token: string | null = null;
  private opening: Promise<string> | null = null;
  private scope: EntityScope | null = null;
  /** Requests this session sent to GLPI (log-ins and entity switches included): what a sync cycle cost. */
  requestCount = 0;

  /** `userToken`: another user's API token (a client's own GLPI user); default: the service account's. */
  constructor(
    private readonly http: GlpiHttp,
    private readonly logger: Logger,
    private readonly userToken?: string,
  ) {}

  get entityScope(): EntityScope | null {
    return this.scope;
  }

  get isOpen(): boolean {
    return this.token !== null;
  }

  async request(request: Omit<GlpiRequest, 'sessionToken'>): Promise<GlpiResponse> {
    const token = await this.ensureOpen();
    try {
      return await this.send({ ...request, sessionToken: token });
    } catch (error) {
      if (!(error instanceof GlpiSessionError) || error.code !== 'ERROR_SESSION_TOKEN_INVALID') throw error;
      this.logger.info({ path: request.path }, 'glpi session expired, re-opening');
      const fresh = await this.reopen(token);
      return this.send({ ...request, sessionToken: fresh });
    }
  }

  async changeActiveEntities(entityId: number, recursive: boolean): Promise<void> {
    const response = await this.request({
      method: 'POST',
      path: '/changeActiveEntities',
      body: { entities_id: entityId, is_recursive: recursive },
      idempotent: true,
    });
    assertSwitched(response, entityId);
    this.scope = { entityId, recursive };
  }

  async kill(): Promise<void> {
    const token = this.token;
    this.token = null;
    this.scope = null;
    if (token === null) return;
    try {
      await this.send({ method: 'GET', path: '/killSession', sessionToken: token });
    } catch (error) {
      // An already dead session is as good as killed.
      if (!(error instanceof GlpiSessionError)) throw error;
    }
  }

  private send(request: GlpiRequest): Promise<GlpiResponse> {
    this.requestCount += 1;
    return this.http.send(request);
  }

  private ensureOpen(): Promise<string> {
    if (this.token !== null) return Promise.resolve(this.token);
    return this.open();
  }

  /** Several requests may see the same dead token at once: only the first re-opens. */
  private reopen(deadToken: string): Promise<string> {
    if (this.token !== null && this.token !== deadToken) return Promise.resolve(this.token);
    this.token = null;
    return this.open();
  }

  private open(): Promise<string> {
    this.opening ??= this.login().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async login(): Promise<string> {
    const response = await this.send({
      method: 'GET',
      path: '/initSession',
      headers: { Authorization: `user_token ${this.userToken ?? this.http.config.userToken}` },
    });
    const parsed = initSessionSchema.safeParse(response.body);
    if (!parsed.success) throw new GlpiSchemaError('initSession', parsed.error.issues, null);
    const token = parsed.data.session_token;
    if (this.scope !== null) {
      const switched = await this.send({
        method: 'POST',
        path: '/changeActiveEntities',
        sessionToken: token,
        idempotent: true,
        body: { entities_id: this.scope.entityId, is_recursive: this.scope.recursive },
      });
      assertSwitched(switched, this.scope.entityId);
    }
    this.token = token;
    return token;
  }
}

/** A refused switch answers 200 with `false`, not an error (changeActiveEntities_nonexistent_999). */
function assertSwitched(response: GlpiResponse, entityId: number): void {
  if (response.body !== true) {
    throw new GlpiPermissionError('entity_switch_refused', `GLPI refused to switch to entity ${entityId}`);
  }
}
