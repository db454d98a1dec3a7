import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from './main';

describe('mail catcher', () => {
  let catcher: MailCatcher;
  let base: string;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    base = `http://127.0.0.1:${catcher.httpPort}`;
  });
  afterAll(() => catcher.close());

  it('receives a mail over SMTP and serves it back with its attachment', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% facture de test\n');
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: catcher.smtpPort,
      secure: false,
      auth: { user: 'demo', pass: 'demo' },
    });
    await transport.sendMail({
      from: 'Y-tech <noreply@ytech.test>',
      to: 'client@example.test',
      bcc: 'archive@ytech.test',
      subject: 'Votre facture FA-2026-0001',
      text: 'Bonjour, votre facture est jointe.',
      html: '<p>Bonjour, <b>votre facture</b> est jointe.</p><script>alert(1)</script>',
      attachments: [{ filename: 'FA-2026-0001.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    transport.close();

    const list = (await (await fetch(`${base}/api/messages`)).json()) as Array<{
      id: string;
      from: string;
      to: string;
      subject: string;
      text: string;
      envelope: { to: string[] };
      attachments: Array<{ filename: string; contentType: string; size: number; url: string }>;
    }>;
    expect(list).toHaveLength(1);
    const [message] = list;
    expect(message.subject).toBe('Votre facture FA-2026-0001');
    expect(message.from).toContain('noreply@ytech.test');
    expect(message.to).toBe('client@example.test');
    expect(message.envelope.to).toEqual(['client@example.test', 'archive@ytech.test']);
    expect(message.text.trim()).toBe('Bonjour, votre facture est jointe.');
    expect(message.attachments).toEqual([
      expect.objectContaining({
        filename: 'FA-2026-0001.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
      }),
    ]);

    const download = await fetch(`${base}${message.attachments[0].url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('FA-2026-0001.pdf');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);

    const page = await (await fetch(`${base}/messages/${message.id}`)).text();
    expect(page).toContain('<iframe sandbox=""');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');

    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain('Votre facture FA-2026-0001');
    expect(catcher.messages()).toHaveLength(1);
  });

  it('answers 404 for an unknown message', async () => {
    expect((await fetch(`${base}/messages/999`)).status).toBe(404);
    expect((await fetch(`${base}/api/messages/999`)).status).toBe(404);
  });
});
