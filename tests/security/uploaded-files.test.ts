import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { config } from '../../server/config';
import { PurchaseOrder } from '../../server/db/models';
import { closeTestResources } from '../support/close-resources';
import { createQuote, issueFromDraft, purchaseOrderPdf } from '../integration/billing-support';
import { startBuiltApp, type BuiltApp } from './built-app';
import { buildWorld, sessionFor, type World } from './security-world';

/**
 * Issue 13, point 11: a purchase order is served back under the extension and type of what its
 * bytes are (a PDF uploaded as `.html` downloads as a `.pdf`), and a PDF that carries JavaScript
 * or another active action is refused, however its names are written or packed.
 */
vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/ytech-security-uploads-${process.pid}/uploads`;
});

let app: BuiltApp;
let world: World;
beforeAll(async () => {
  world = await buildWorld();
  app = await startBuiltApp();
}, 120_000);
afterAll(async () => {
  await app.close();
  if (config.UPLOAD_DIR.startsWith('/tmp/ytech-security-uploads-'))
    await rm(path.dirname(config.UPLOAD_DIR), { recursive: true, force: true });
  await closeTestResources();
});

/** A pro-forma of company A, accepted with payment by purchase order: ready for an upload. */
async function awaitingPurchaseOrder() {
  const quote = await createQuote(world.people.superClientA!);
  const proforma = await issueFromDraft(await sessionFor(world.people.commercial), quote.id);
  await (
    await sessionFor(world.people.superClientA)
  ).run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'purchase_order' }));
  return proforma;
}

async function upload(proformaId: number, name: string, bytes: Uint8Array, type = 'application/pdf') {
  const body = new FormData();
  body.set('file', new File([new Uint8Array(bytes)], name, { type }));
  const res = await app.request(`/portal/proformas/${proformaId}`, world.people.superClientA, { method: 'POST', body });
  return { status: res.status, text: await res.text() };
}

/** A PDF that runs JavaScript when opened, written raw: `#61` spells the "a" of /JavaScript. */
const rawPdfWithEscapedJavaScript = Buffer.from(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
3 0 obj << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> endobj
trailer << /Root 1 0 R >>
%%EOF
`);

/** The same action packed in a compressed object stream, where no byte spells "JavaScript". */
async function pdfWithPackedJavaScript() {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Bon de commande');
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: 'app.launchURL("https://evil.example")' }));
  const bytes = Buffer.from(await doc.save({ useObjectStreams: true }));
  expect(bytes.includes('JavaScript')).toBe(false);
  return bytes;
}

/** A link annotation that launches a program, in a page's additional actions. */
async function pdfWithLaunchAction() {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'Launch', F: 'calc.exe' } }));
  return Buffer.from(await doc.save());
}

describe('uploaded purchase orders', () => {
  it('are served as what their bytes are: a PDF sent as .html downloads as a .pdf', async () => {
    const proforma = await awaitingPurchaseOrder();
    const sent = await upload(proforma.id, 'bon-de-commande.html', await purchaseOrderPdf(), 'text/html');
    expect(sent.status).toBe(200);
    const order = await PurchaseOrder.findOne({ where: { proformaId: proforma.id }, rejectOnEmpty: true });
    expect(order.originalName).toBe('bon-de-commande.pdf');
    const download = await app.request(`/purchase-orders/${order.id}/file`, world.people.superClientA);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bon-de-commande\.pdf"; filename\*=UTF-8''bon-de-commande\.pdf$/,
    );
  });

  it('keep serving a file stored earlier under a foreign extension as its type', async () => {
    const proforma = await awaitingPurchaseOrder();
    await upload(proforma.id, 'scan.pdf', await purchaseOrderPdf());
    const order = await PurchaseOrder.findOne({ where: { proformaId: proforma.id }, rejectOnEmpty: true });
    await order.update({ originalName: 'scan.svg.html' });
    const download = await app.request(`/purchase-orders/${order.id}/file`, world.people.commercial);
    expect(download.headers.get('content-disposition')).toMatch(/filename="scan\.svg\.pdf"/);
  });

  it('refuse a PDF carrying JavaScript or a launch action, escaped or packed, and store nothing', async () => {
    const proforma = await awaitingPurchaseOrder();
    for (const [label, bytes] of [
      ['escaped names', rawPdfWithEscapedJavaScript],
      ['object stream', await pdfWithPackedJavaScript()],
      ['launch action', await pdfWithLaunchAction()],
    ] as const) {
      const sent = await upload(proforma.id, 'bon.pdf', bytes);
      expect([label, sent.status, sent.text.includes('contient du code actif')]).toEqual([label, 200, true]);
    }
    expect(await PurchaseOrder.count({ where: { proformaId: proforma.id } })).toBe(0);
  });
});
