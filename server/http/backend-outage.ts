import type { ServerBuild } from '@remix-run/node';
import { logger } from '../logger';

// Node socket errors and mysql2's own codes for a server that is gone or restarting.
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
]);
// Sequelize's ConnectionError family, ioredis refusing commands while disconnected.
const connectionErrorNames = /^Sequelize(Connection\w*|HostNotReachable|HostNotFound|InvalidConnection)Error$|^MaxRetriesPerRequestError$/;
const redisClosedMessages = /Connection is closed|Stream isn't writeable/;

/**
 * True when the error means "MariaDB or Redis cannot be reached" rather than a bug: the page can
 * say "come back in a moment" (503) instead of "something broke" (500). Follows the error's causes
 * (a tRPC error wraps the Sequelize error, which wraps mysql2's).
 */
function isBackendOutage(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 6; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && connectionCodes.has(code)) return true;
    if (connectionErrorNames.test(current.name) || redisClosedMessages.test(current.message)) return true;
    const next = current as Error & { parent?: unknown; original?: unknown };
    current = current.cause ?? next.parent ?? next.original;
  }
  return false;
}

type Handler = (args: never) => unknown;

function mapOutage<F extends Handler>(handler: F, routeId: string): F {
  const wrapped = async (args: Parameters<F>[0]) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isBackendOutage(error)) throw error;
      logger.warn({ err: error, routeId }, 'database or Redis unreachable: answering 503');
      // The root ErrorBoundary turns a 503 into the "service momentarily unavailable" page.
      throw new Response(null, { status: 503, statusText: 'Service Unavailable' });
    }
  };
  return wrapped as unknown as F;
}

/**
 * The server build with every loader and action answering 503 when MariaDB or Redis is out of
 * reach, in one place rather than in each route. Pages recover on their own once the server is
 * back: the connection pools reconnect, nothing is restarted.
 */
export function withOutagePages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module };
    if (module.loader) module.loader = mapOutage(module.loader, id);
    if (module.action) module.action = mapOutage(module.action, id);
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}
