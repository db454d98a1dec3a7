import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';

/**
 * API tokens of the clients' GLPI users, so that the outbox writes tickets and replies as the client
 * (GLPI's rights and history then name them). They are kept in the database sealed with AES-256-GCM
 * under a key that only the worker's configuration yields: a database dump, or the web process that
 * shares the database, cannot use them.
 */
const version = 'v1';
const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** 40 letters and digits, the form of the tokens GLPI itself issues (User::getUniqueToken). */
export function newClientToken(): string {
  return Array.from({ length: 40 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'ytech-glpi-client-tokens', 'aes-256-gcm key', 32));
}

export function sealToken(token: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/** The token, or null when it was sealed under another key (the secret changed): issue a new one. */
export function openToken(sealed: string | null, secret: string): string | null {
  if (!sealed?.startsWith(`${version}.`)) return null;
  const raw = Buffer.from(sealed.slice(version.length + 1), 'base64url');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
