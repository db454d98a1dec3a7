import type { NextFunction, Request, Response } from 'express';
import onHeaders from 'on-headers';
import { config, isProduction } from '../config';
import { runRequestReads } from '../db/read-routing';
import { readReplicasConfigured } from '../db/sequelize';

const primaryReadsCookie = 'ytech_reads';

/**
 * Long enough for any replica still in service to hold a write: a replica further behind than
 * REPLICA_MAX_LAG_SECONDS is out, and the lag is measured once per check interval.
 */
const readYourWritesSeconds = Math.ceil(config.REPLICA_MAX_LAG_SECONDS + (2 * config.REPLICA_CHECK_INTERVAL_MS) / 1000);

const secure = isProduction && new URL(config.APP_URL).protocol === 'https:';
const stickyCookie = `${primaryReadsCookie}=primary; Max-Age=${readYourWritesSeconds}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
const hasStickyCookie = new RegExp(`(?:^|;\\s*)${primaryReadsCookie}=primary(?:;|$)`);

const readMethods = new Set(['GET', 'HEAD']);

/**
 * Read-your-writes with replicas: a request that changes something (any other method than GET,
 * or a GET that wrote) reads from the primary and leaves a short-lived cookie, so that the same
 * browser's next requests read from the primary too until every replica in service has the
 * change. A cookie rather than a server-side mark: any web process honours it without asking
 * Redis, and forging it only sends one's own reads to the primary.
 */
export function readYourWrites(req: Request, res: Response, next: NextFunction): void {
  if (!readReplicasConfigured) {
    next();
    return;
  }
  const writing = !readMethods.has(req.method);
  const sticky = writing || hasStickyCookie.test(req.headers.cookie ?? '');
  runRequestReads(sticky, (route) => {
    onHeaders(res, () => {
      if (writing || route.wrote) res.appendHeader('Set-Cookie', stickyCookie);
    });
    next();
  });
}
