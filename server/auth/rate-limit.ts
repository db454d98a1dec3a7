import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors';
import { redis, redisKey } from '../redis';

/**
 * Limits on writes anyone can make (each stores rows, most mail someone): counted atomically in
 * Redis before the write runs, like the log-in limits (login-rate-limit.ts). Per address for
 * visitors, per account or e-mail where one is known, so that neither a single client nor a single
 * victim's mailbox can be flooded. Numbers are for people, with room for an office behind one
 * address; a refusal tells the wait in minutes.
 */
export const writeLimits = {
  /** A reset link is mailed to the account: few per address, fewer per mailbox. */
  passwordResetPerEmail: { points: 3, duration: 15 * 60 },
  passwordResetPerAddress: { points: 10, duration: 15 * 60 },
  /** Each message is mailed to the sales team. */
  contactPerAddress: { points: 5, duration: 60 * 60 },
  /** Each registration mails its address (a confirmation link, or "you already have an account"). */
  registrationPerEmail: { points: 3, duration: 60 * 60 },
  registrationPerAddress: { points: 10, duration: 60 * 60 },
  /** Each request mails the sales team; a client asks for a handful a year. */
  quotePerAccount: { points: 5, duration: 60 * 60 },
  quotePerAddress: { points: 10, duration: 60 * 60 },
  /** Each ticket and reply is written to GLPI by the worker. */
  ticketPerUser: { points: 30, duration: 60 * 60 },
  ticketReplyPerUser: { points: 60, duration: 60 * 60 },
  /** A survey link answers once; this bounds guessing and replays from one address. */
  surveyPerAddress: { points: 30, duration: 60 * 60 },
} as const;

export type WriteLimit = keyof typeof writeLimits;

const limiters = new Map<WriteLimit, RateLimiterRedis>();
function limiter(name: WriteLimit): RateLimiterRedis {
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterRedis({ storeClient: redis(), keyPrefix: redisKey('rl', name), ...writeLimits[name] });
    limiters.set(name, found);
  }
  return found;
}

/**
 * Counts one write against each (limit, subject) and refuses it (RATE_LIMITED, the longest wait)
 * when any is spent. Every count is taken, refused or not: hammering does not get cheaper.
 */
export async function consumeWriteLimits(checks: [WriteLimit, string | number][]): Promise<void> {
  const waits = await Promise.all(
    checks.map(async ([name, subject]) => {
      try {
        await limiter(name).consume(String(subject).toLowerCase());
        return 0;
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return Math.max(outcome.msBeforeNext, 1000);
        throw outcome;
      }
    }),
  );
  const wait = Math.max(0, ...waits);
  if (wait > 0) throw new AppError('RATE_LIMITED', 'errors.tooManyRequests', { params: { minutes: Math.ceil(wait / 60_000) } });
}
