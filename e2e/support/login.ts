import type { Page } from '@playwright/test';
import { e2eBaseUrl } from './e2e-env';

/**
 * Logs a browser page in through the tRPC endpoint (the same cookie the form would set), so that
 * journeys test their own pages, not the log-in form again.
 */
export async function loginAs(page: Page, email: string, password: string): Promise<void> {
  const res = await page.request.post('/api/trpc/auth.login', {
    headers: { origin: e2eBaseUrl, 'content-type': 'application/json' },
    data: { json: { email, password } },
  });
  if (!res.ok()) throw new Error(`log-in as ${email} failed: ${res.status()} ${await res.text()}`);
}

/** Reads the mails the platform sent (the stack's mail catcher), newest first. */
export async function mailsTo(page: Page, email: string) {
  const { e2eMailApi } = await import('./e2e-env');
  const res = await page.request.get(e2eMailApi);
  const all = (await res.json()) as { id: string; to: string; subject: string; envelope?: { to: string[] } }[];
  return all.filter((m) => m.to.includes(email) || m.envelope?.to.includes(email));
}
