import { createHash } from 'node:crypto';

/** Secrets (link tokens, device ids) are stored only as this hash: a leaked table or dump opens nothing. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
