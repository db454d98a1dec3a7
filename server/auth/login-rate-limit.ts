import ipaddr from 'ipaddr.js';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors';
import { redis, redisKey } from '../redis';
import { sha256 } from './token-hash';

/**
 * Log-in attempts are counted before the password is checked, atomically in Redis (a Lua INCR),
 * so parallel requests or a batch cannot all slip through between a check and a count; a right
 * password gives its attempt back. Three limits (docs/decisions/020-login-limits-and-trusted-browsers.md):
 * - per client at one account: 5 in 15 minutes. The client is the browser when the account
 *   trusts it (trusted-device.ts), else the address;
 * - per address at any account (password spraying): 30 in 15 minutes;
 * - per account from every client it does not trust (guessing from many addresses): 30 an hour,
 *   under ASVS 2.2.1's 100. The owner's trusted browsers are outside it, so a flood of guesses
 *   never locks the owner out; a new browser can still get in through a password reset.
 */
const loginLimits = {
  perClient: { points: 5, duration: 15 * 60 },
  perAddress: { points: 30, duration: 15 * 60 },
  perAccount: { points: 30, duration: 60 * 60 },
} as const;

type LimitName = keyof typeof loginLimits;
const limiters = new Map<LimitName, RateLimiterRedis>();
function limiter(name: LimitName): RateLimiterRedis {
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterRedis({ storeClient: redis(), keyPrefix: redisKey('rl', 'login', name), ...loginLimits[name] });
    limiters.set(name, found);
  }
  return found;
}

/**
 * The key of an address for limits: an IPv6 client usually holds a whole /64, so it counts as one.
 */
export function addressKey(address: string | null): string {
  if (!address || !ipaddr.isValid(address)) return 'unknown';
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

/** Rate-limiter-flexible rejects with its result when over the limit, with an Error when Redis fails. */
async function consume(name: LimitName, key: string): Promise<number> {
  try {
    await limiter(name).consume(key);
    return 0;
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return Math.max(outcome.msBeforeNext, 1000);
    throw outcome;
  }
}

export type LoginAttempt = { succeeded(): Promise<void> };

/**
 * Counts one attempt at `email` before anything is verified; throws RATE_LIMITED when any limit
 * is spent. `trustedDevice` is the browser's id when the account trusts it, else null.
 */
export async function startLoginAttempt(email: string, address: string | null, trustedDevice: string | null): Promise<LoginAttempt> {
  const account = email.toLowerCase();
  const clientKey = trustedDevice ? `${account}|device:${sha256(trustedDevice)}` : `${account}|address:${addressKey(address)}`;
  const counted: [LimitName, string][] = trustedDevice
    ? [['perClient', clientKey]]
    : [
        ['perClient', clientKey],
        ['perAddress', addressKey(address)],
        ['perAccount', account],
      ];
  const waits = await Promise.all(counted.map(([name, key]) => consume(name, key)));
  const blocked = counted.map(([name], i) => ({ name, wait: waits[i]! })).filter((b) => b.wait > 0);
  if (blocked.length > 0) {
    const wait = Math.max(...blocked.map((b) => b.wait));
    const onlyAccount = blocked.every((b) => b.name === 'perAccount');
    throw new AppError('RATE_LIMITED', onlyAccount ? 'errors.tooManyAttemptsOnAccount' : 'errors.tooManyAttempts', {
      params: { minutes: Math.ceil(wait / 60_000) },
    });
  }
  return {
    async succeeded() {
      // The owner's right password: this client starts afresh, the shared counters get their point back.
      await Promise.all(counted.map(([name, key]) => (name === 'perClient' ? limiter(name).delete(key) : limiter(name).reward(key))));
    },
  };
}
