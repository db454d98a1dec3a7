import type { Logger } from 'pino';
import { GlpiClient } from './glpi-client';
import { parseGlpiConfig, type GlpiConfigInput } from './glpi-config';
import { GlpiHttp } from './glpi-http';
import { GlpiSession } from './glpi-session';

export type GlpiPoolOptions = {
  config: GlpiConfigInput;
  logger: Logger;
  /** Sessions open at once, one per concurrent entity job. Default: the request concurrency cap. */
  maxSessions?: number;
  fetch?: typeof fetch;
};

export type GlpiLease = { client: GlpiClient; release(): void };

/**
 * How a client company's entity is scoped: with its sub-entities, the sites a technician may
 * create under it (decision 300). The sync reads it so and the outbox finds its tickets so.
 */
export const companyEntityScope = { recursive: true } as const;

/**
 * The active entity belongs to a GLPI session, so two jobs scoped to different entities must not
 * share one. The pool lends each job a session of its own, switched to the job's entity, and reuses
 * sessions between jobs (preferring one already on the right entity). All sessions share one
 * HTTP layer, hence one concurrency cap and one rate limit towards GLPI.
 */
export class GlpiSessionPool {
  readonly http: GlpiHttp;
  private readonly logger: Logger;
  private readonly maxSessions: number;
  private readonly idle: GlpiSession[] = [];
  private readonly all = new Set<GlpiSession>();
  private readonly waiting: Array<(session: GlpiSession) => void> = [];
  private closed = false;

  constructor(options: GlpiPoolOptions) {
    const config = parseGlpiConfig(options.config);
    this.logger = options.logger;
    this.http = new GlpiHttp({ config, logger: options.logger, fetch: options.fetch });
    this.maxSessions = options.maxSessions ?? config.maxConcurrent;
  }

  async acquire(entityId: number, options: { recursive?: boolean } = {}): Promise<GlpiLease> {
    if (this.closed) throw new Error('GLPI session pool is closed');
    const recursive = options.recursive ?? false;
    const session = await this.take(entityId, recursive);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.giveBack(session);
    };
    try {
      const scope = session.entityScope;
      // GLPI lists the entities a recursive switch covers when it is made: a sub-entity created since
      // stays out of the session's reads until it switches again (GLPI-API.md, Session). So a
      // recursive scope is switched anew for each lease, the same scope or not.
      if (recursive || scope?.entityId !== entityId || scope.recursive !== recursive)
        await session.changeActiveEntities(entityId, recursive);
    } catch (error) {
      release();
      throw error;
    }
    return { client: new GlpiClient(session), release };
  }

  /** Runs `work` with a client scoped to the entity, and gives the session back afterwards. */
  async withEntity<T>(entityId: number, work: (client: GlpiClient) => Promise<T>, options: { recursive?: boolean } = {}): Promise<T> {
    const lease = await this.acquire(entityId, options);
    try {
      return await work(lease.client);
    } finally {
      lease.release();
    }
  }

  /**
   * Runs `work` in a session of another GLPI user (a client's own account, by its API token), on
   * that user's default profile and entity, then kills it. Outside the pool's sessions, but through
   * its HTTP layer: the same concurrency cap and rate limit towards GLPI.
   */
  async asUser<T>(userToken: string, work: (client: GlpiClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('GLPI session pool is closed');
    const session = new GlpiSession(this.http, this.logger, userToken);
    try {
      return await work(new GlpiClient(session));
    } finally {
      await session.kill().catch((error: unknown) => this.logger.warn({ err: error }, 'glpi killSession failed'));
    }
  }

  /** Kills every session (on shutdown); sessions still lent out are killed when given back. */
  async close(): Promise<void> {
    this.closed = true;
    const sessions = [...this.idle];
    this.idle.length = 0;
    await Promise.allSettled(sessions.map((session) => this.kill(session)));
  }

  get size(): number {
    return this.all.size;
  }

  private take(entityId: number, recursive: boolean): Promise<GlpiSession> {
    const sameScope = this.idle.findIndex(
      (session) => session.entityScope?.entityId === entityId && session.entityScope.recursive === recursive,
    );
    const index = sameScope >= 0 ? sameScope : this.idle.length - 1;
    const reused = index >= 0 ? this.idle.splice(index, 1)[0] : undefined;
    if (reused) return Promise.resolve(reused);
    if (this.all.size < this.maxSessions) {
      const session = new GlpiSession(this.http, this.logger);
      this.all.add(session);
      return Promise.resolve(session);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private giveBack(session: GlpiSession): void {
    if (this.closed) {
      void this.kill(session);
      return;
    }
    const next = this.waiting.shift();
    if (next) next(session);
    else this.idle.push(session);
  }

  private async kill(session: GlpiSession): Promise<void> {
    this.all.delete(session);
    try {
      await session.kill();
    } catch (error) {
      this.logger.warn({ err: error }, 'glpi killSession failed');
    }
  }
}
