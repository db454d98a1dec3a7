import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { logger } from './logger';

/** Who sent a request and from where, as the HTTP server knows it (never read from a header here). */
export type RequestMeta = {
  ip: string | null;
  userAgent: string | null;
  origin: string;
  /** The browser's id (trusted-device.ts) when its cookie holds a well-formed one. */
  deviceId: string | null;
};

/**
 * One request, or one job, followed through the processes: its id is in every line its child
 * logger writes, in the `X-Request-Id` response header, and in the data of every job it queues
 * (server/jobs/queues.ts), whose worker logs it in turn (worker/job-scope.ts).
 */
export type RequestScope = { requestId: string; log: Logger };

const storage = new AsyncLocalStorage<RequestScope>();

export const newRequestId = (): string => randomUUID();

/** A scope for this id, its logger bound to the id (and to `bindings`: a job's queue and id…). */
export const requestScope = (requestId: string, bindings: Record<string, unknown> = {}): RequestScope => ({
  requestId,
  log: logger.child({ requestId, ...bindings }),
});

/** Runs `work` inside a request's scope: what it awaits, logs through requestLog() and queues carries the id. */
export function runInScope<T>(scope: RequestScope, work: () => T): T {
  return storage.getStore() === scope ? work() : storage.run(scope, work);
}

export const currentRequestScope = (): RequestScope | undefined => storage.getStore();

/** The request id of the code running now, when it runs for a request or a job that has one. */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

/** The logger to use while serving a request or a job: the root logger outside of one. */
export const requestLog = (): Logger => storage.getStore()?.log ?? logger;
