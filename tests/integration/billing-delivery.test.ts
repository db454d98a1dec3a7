import { existsSync } from 'node:fs';
import { Worker } from 'bullmq';
import { createMailTransport } from '../../server/mail/transport';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { CreditNote, EmailLogEntry, Invoice, Notification, Proforma } from '../../server/db/models';
import { extractPdfText } from '../../server/documents/pdf-text';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { deliverDocument } from '../../server/sales/documents/document-delivery';
import { uploadPath } from '../../server/uploads/upload-paths';
import { startMailCatcher, type MailCatcher } from '../../tools/mail-catcher/main';
import { generateDocumentProcessor } from '../../worker/jobs/generate-document';
import { sendMailProcessor } from '../../worker/jobs/send-mail';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createUser } from '../support/fixtures';
import { waitFor } from '../support/wait-for';
import {
  clientWithAcceptedProforma,
  createQuote,
  expectAppError,
  issueFromDraft,
  staffBrowser,
  removeTestUploads,
} from './billing-support';

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/ytech-billing-tests-${process.pid}`;
});

// The whole path but the relay: documents queue → PDF on disk → mail queue → SMTP on loopback.
let catcher: MailCatcher;
let workers: Worker[] = [];

beforeAll(async () => {
  await seedCatalog();
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  const connection = { ...redisConnectionOptions(), maxRetriesPerRequest: null };
  const transport = createMailTransport({ host: '127.0.0.1', port: catcher.smtpPort, ignoreTLS: true });
  await getQueue('documents').obliterate({ force: true });
  workers = [
    new Worker('documents', generateDocumentProcessor(), { connection, prefix: queuePrefix }),
    new Worker('mail', sendMailProcessor(transport), { connection, prefix: queuePrefix }),
  ];
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await catcher.close();
  await removeTestUploads();
  await closeTestResources();
});

const mailWith = (to: string, subjectPart: string) =>
  // Rendering the PDF and the two queue hops take seconds on a busy machine: a generous bound, not a timing.
  waitFor(async () => catcher.messages().find((m) => m.envelope.to.includes(to) && m.subject.includes(subjectPart)), {
    timeoutMs: 45_000,
    what: `mail "${subjectPart}" to ${to}`,
  });
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('document PDFs and their e-mails', { timeout: 120_000 }, () => {
  it('the pro-forma PDF carries its number, the buyer NIF and the totals, and reaches the client by SMTP attached', async () => {
    const staff = await staffBrowser();
    const client = await clientOfNewCompany();
    // Documents go to the manager and the billing contact, never to a member (decisions/110).
    const colleague = await createUser('client', client.company.id, 'billing');
    const member = await createUser('client', client.company.id, 'member');
    const quote = await createQuote(client.user, { ticketsPerMonth: 15, durationMonths: 12 });
    const proforma = await issueFromDraft(staff.browser, quote.id);

    const row = await waitFor(
      async () => {
        const p = await Proforma.findByPk(proforma.id);
        return p?.pdfPath ? p : null;
      },
      { what: 'pro-forma PDF' },
    );
    expect(row.pdfPath).toMatch(new RegExp(`^documents/${proforma.number}-[0-9a-f]{8}\\.pdf$`));
    expect(existsSync(uploadPath(row.pdfPath!))).toBe(true);

    for (const to of [client.user.email, colleague.email]) {
      const mail = await mailWith(to, proforma.number);
      expect(mail.subject).toContain('pro forma');
      const attachment = mail.attachments.find((a) => a.filename === `${proforma.number}.pdf`);
      expect(attachment?.contentType).toBe('application/pdf');
      const text = flat(await extractPdfText(attachment!.content));
      expect(text).toContain(proforma.number);
      expect(text).toContain(client.company.nif!);
      // 12 × 120 000 DA = 1 440 000 DA excl. tax, VAT 273 600 DA, 1 713 600 DA incl. tax.
      expect(text).toContain('1 440 000,00 DA');
      expect(text).toContain('273 600,00 DA');
      expect(text).toContain('1 713 600,00 DA');
    }

    // Queued with the others, in the same transaction: none was for the member, in-app or by mail.
    expect(await EmailLogEntry.count({ where: { recipient: member.email } })).toBe(0);
    expect(await Notification.count({ where: { userId: member.id } })).toBe(0);

    // The client downloads the same document; another company cannot.
    const own = await client.browser.run((api) => api.documents.pdf({ kind: 'proforma', id: proforma.id }));
    expect(flat(await extractPdfText(own.bytes))).toContain(proforma.number);
    const stranger = await clientOfNewCompany();
    await expectAppError(
      stranger.browser.run((api) => api.documents.pdf({ kind: 'proforma', id: proforma.id })),
      'errors.notFound',
    );
  });

  it('the invoice and credit note PDFs reach the client attached; a replayed job sends nothing twice', async () => {
    const staff = await staffBrowser();
    const { proforma, company, user } = await clientWithAcceptedProforma(staff.browser);
    await staff.browser.run((api) => api.proformas.recordPayment({ proformaId: proforma.id, method: 'transfer', reference: 'VIR 7781' }));
    const invoice = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));

    const mail = await mailWith(user.email, invoice.number);
    const attachment = mail.attachments.find((a) => a.filename === `${invoice.number}.pdf`);
    const text = flat(await extractPdfText(attachment!.content));
    expect(text).toContain(invoice.number);
    expect(text).toContain(proforma.number);
    expect(text).toContain(company.nif!);
    expect(text).toContain(company.nis!);
    expect(text).toContain('1 713 600,00 DA');

    // Replays (a crash after the PDF was stored, a sweep): the e-mail is not logged or sent again.
    expect(await deliverDocument('invoice', invoice.id)).toBe('already-delivered');
    await getQueue('documents').add('documents', { kind: 'invoice', id: invoice.id });
    const note = await staff.browser.run((api) => api.invoices.issueCreditNote({ invoiceId: invoice.id, reason: 'Erreur de période.' }));
    const noteMail = await mailWith(user.email, note.number);
    const noteText = flat(await extractPdfText(noteMail.attachments[0]!.content));
    expect(noteText).toContain(note.number);
    expect(noteText).toContain(invoice.number);
    expect((await CreditNote.findByPk(note.id))!.pdfPath).toBeTruthy();

    expect(await EmailLogEntry.count({ where: { recipient: user.email, template: 'invoice-issued' } })).toBe(1);
    expect(catcher.messages().filter((m) => m.envelope.to.includes(user.email) && m.subject.includes(invoice.number))).toHaveLength(1);
    expect((await Invoice.findByPk(invoice.id))!.pdfPath).toBeTruthy();
  });

  it('an Arabic company name reaches the PDFs and the e-mails as Arabic', async () => {
    const staff = await staffBrowser();
    const client = await clientOfNewCompany();
    const arabicName = `مؤسسة النور للتجارة ${client.company.id}`;
    await client.company.update({ name: arabicName, address: 'حي 20 أوت 1955، رقم 12، سطيف' });
    const quote = await createQuote(client.user, { ticketsPerMonth: 15, durationMonths: 12 });
    const proforma = await issueFromDraft(staff.browser, quote.id);

    const mail = await mailWith(client.user.email, proforma.number);
    // UTF-8 HTML and text: the name as typed, not "????".
    expect(mail.html).toContain(arabicName);
    expect(mail.text).toContain(arabicName);
    const text = await extractPdfText(mail.attachments.find((a) => a.filename === `${proforma.number}.pdf`)!.content);
    expect(text).toContain(arabicName);
    expect(text).toContain('حي 20 أوت 1955، رقم 12، سطيف');
    expect(text).not.toContain('????');
  });
});
