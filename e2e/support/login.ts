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

/**
 * The link (to a path starting with `path`) of the newest mail to this address that holds one, as
 * its reader would click it: links are only in the mails sent, never stored.
 */
export async function linkMailedTo(page: Page, email: string, path: string): Promise<string> {
  const { e2eMailApi } = await import('./e2e-env');
  const pattern = new RegExp(`href="([^"]*${path}[A-Za-z0-9_-]+)"`);
  let link: string | undefined;
  for (let waited = 0; !link && waited < 30_000; waited += 250) {
    for (const mail of await mailsTo(page, email)) {
      const message = (await (await page.request.get(`${e2eMailApi}/${mail.id}`)).json()) as { html: string | null };
      link = pattern.exec(message.html ?? '')?.[1];
      if (link) break;
    }
    if (!link) await page.waitForTimeout(250);
  }
  if (!link) throw new Error(`no mail to ${email} with a ${path} link`);
  return link;
}
