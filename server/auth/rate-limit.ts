import { redis, redisKey } from '../redis';

/**
 * Fixed-window counter for the other public forms (password reset, contact). Returns the
 * milliseconds to wait when the limit is reached, else 0, and counts the attempt.
 */
export async function consumeRateLimit(name: string, subject: string, limit: number, windowMs: number): Promise<number> {
  const key = redisKey('rl', name, subject);
  const [[, count], [, ttl]] = (await redis().multi().incr(key).pexpire(key, windowMs, 'NX').pttl(key).exec()) as [
    [unknown, number],
    [unknown, number],
    [unknown, number],
  ];
  return count > limit ? Math.max(ttl, 1000) : 0;
}
