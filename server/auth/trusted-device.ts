import { randomBytes } from 'node:crypto';
import { config, isProduction } from '../config';
import { redis, redisKey } from '../redis';
import { sha256 } from './token-hash';

/**
 * A browser an account has proven itself on (a right password, a reset link from its mailbox)
 * carries a random id in a long-lived cookie. Its log-in attempts at that account are counted on
 * their own, outside the account-wide limit that a flood of guesses from elsewhere fills: this is
 * how nobody can lock the owner out (OWASP's "device cookies"; docs/decisions/020-login-limits-and-trusted-browsers.md).
 * Only the id's hash is kept in Redis, per (browser, account), so a Redis dump trusts no one.
 */
export const deviceCookieName = 'ytech_device';
const trustDays = 180;

const trustKey = (deviceId: string, userId: number) => redisKey('trusted-device', sha256(deviceId), userId);

/** Whether this browser is trusted by this account; asked for unknown accounts too (userId 0), so the timing says nothing. */
export async function isTrustedDevice(deviceId: string | null, userId: number): Promise<boolean> {
  if (!deviceId) return false;
  return (await redis().exists(trustKey(deviceId, userId))) === 1;
}

/** Trusts the browser (giving it an id if it has none) for this account; returns the cookie to set. */
export async function trustDevice(deviceId: string | null, userId: number): Promise<string> {
  const id = deviceId ?? randomBytes(32).toString('base64url');
  await redis().set(trustKey(id, userId), '1', 'EX', trustDays * 86_400);
  return deviceCookie(id);
}

function deviceCookie(id: string): string {
  const secure = isProduction && new URL(config.APP_URL).protocol === 'https:';
  return `${deviceCookieName}=${id}; Path=/; Max-Age=${trustDays * 86_400}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** A device id as a cookie may carry it (anything else is ignored, never trusted). */
export const deviceIdPattern = /^[A-Za-z0-9_-]{43}$/;
