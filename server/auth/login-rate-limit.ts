import { redis, redisKey } from '../redis';

/** After 5 failures in 15 minutes for one e-mail or one IP, log-in is refused until the window ends. */
export const maxLoginFailures = 5;
const windowMs = 15 * 60 * 1000;

const keys = (email: string, ip: string | null) => [
  redisKey('rl', 'login', 'email', email.toLowerCase()),
  ...(ip ? [redisKey('rl', 'login', 'ip', ip)] : []),
];

/** Milliseconds to wait before another attempt is allowed, or 0. */
export async function loginBlockedFor(email: string, ip: string | null): Promise<number> {
  const r = redis();
  let wait = 0;
  for (const key of keys(email, ip)) {
    const [count, ttl] = await Promise.all([r.get(key), r.pttl(key)]);
    if (Number(count) >= maxLoginFailures && ttl > wait) wait = ttl;
  }
  return wait;
}

export async function recordLoginFailure(email: string, ip: string | null): Promise<void> {
  const pipeline = redis().multi();
  // The window starts at the first failure (NX), so waiting it out always clears the block.
  for (const key of keys(email, ip)) pipeline.incr(key).pexpire(key, windowMs, 'NX');
  await pipeline.exec();
}

export async function clearLoginFailures(email: string): Promise<void> {
  await redis().del(redisKey('rl', 'login', 'email', email.toLowerCase()));
}
