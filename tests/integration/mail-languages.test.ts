import { Worker } from 'bullmq';
import { createMailTransport } from '../../server/mail/transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../shared/i18n/locales';
import { EmailLogEntry } from '../../server/db/models';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { enqueueMail } from '../../server/mail/enqueue-mail';
import { mailTemplateNames } from '../../server/mail/mail-templates';
import { compiledTemplate, plainText } from '../../server/mail/render-mail';
import { startMailCatcher, type MailCatcher } from '../../tools/mail-catcher/main';
import { sendMailProcessor } from '../../worker/jobs/send-mail';
import { closeTestResources } from '../support/close-resources';
import { uniqueEmail } from '../support/trpc-caller';
import { waitFor } from '../support/wait-for';

// Real SMTP on loopback and the real mail queue for the Arabic mail; every template in every language for the rest.
let catcher: MailCatcher;
let worker: Worker | undefined;

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  await getQueue('mail').obliterate({ force: true });
});

afterAll(async () => {
  await worker?.close();
  await catcher.close();
  await closeTestResources();
});

describe('every mail in every language', () => {
  it.each(locales)('has a plain-text part that starts with the mail itself, not "96" or markup (%s)', async (locale) => {
    for (const template of mailTemplateNames) {
      const text = plainText(await compiledTemplate(template, locale));
      const lines = text.split('\n');
      expect(lines[0], `${template} (${locale})`).toBe('Y-tech');
      expect(
        lines.filter((line) => /^\d+$/.test(line.trim())),
        `${template} (${locale})`,
      ).toEqual([]);
      expect(text, `${template} (${locale})`).not.toMatch(/<[a-z!/]|&[a-z]+;|&#\d+;|\[if mso/i);
    }
  });

  it.each(locales)('shows its buttons white on blue, and reads right to left in Arabic (%s)', async (locale) => {
    let buttons = 0;
    for (const template of mailTemplateNames) {
      const html = await compiledTemplate(template, locale);
      expect(html, template).toContain(`lang="${locale}"`);
      expect(html, template).toContain(locale === 'ar' ? 'dir="rtl"' : 'dir="ltr"');
      for (const button of html.matchAll(/<a\s[^>]*href="\{\{\w+\}\}"[^>]*target="_blank"[^>]*>/g)) {
        buttons += 1;
        expect(button[0], template).toMatch(/color:\s*#ffffff/i);
      }
    }
    expect(buttons).toBeGreaterThan(10);
  });
});

describe('an Arabic mail', () => {
  it('is delivered over SMTP in Arabic, laid out right to left, with a clean plain-text part', async () => {
    const transport = createMailTransport({ host: '127.0.0.1', port: catcher.smtpPort, ignoreTLS: true, connectionTimeout: 1000 });
    worker = new Worker('mail', sendMailProcessor(transport), {
      connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
      prefix: queuePrefix,
    });
    const to = uniqueEmail('arabic');
    const entry = await enqueueMail({
      to,
      template: 'welcome',
      locale: 'ar',
      params: { name: 'Amina & co', portalUrl: 'http://localhost:3000/portal?a=1&b=2' },
    });
    await waitFor(async () => ((await EmailLogEntry.findByPk(entry.id))?.state === 'sent' ? true : null), { what: 'mail sent' });
    const message = catcher.messages().find((m) => m.envelope.to.includes(to));
    expect(message?.subject).toBe('مرحبًا بكم في Y-tech');
    expect(message?.html).toContain('dir="rtl"');
    expect(message?.html).toContain('lang="ar"');
    const lines = (message?.text ?? '').split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Y-tech',
      'مرحبًا Amina & co،',
      'تم إنشاء حسابكم في Y-tech. يمكنكم من الآن طلب عرض سعر ومتابعة وثائقكم من فضائكم.',
    ]);
    expect(message?.text).toContain('الدخول إلى فضائي: http://localhost:3000/portal?a=1&b=2');
  });
});
