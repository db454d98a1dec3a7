import type { CommercialDocument } from './commercial-document-schema';
import { amountInWordsSentence, conditionLines, documentTitles, headerMetaLines } from './document-wording';
import { COLOR, FONT, PAGE, ensureSpace, horizontalRule } from './pdf-layout';

/**
 * The blocks of a commercial document around its lines table. Each takes the y to start at and
 * returns the y below what it drew. Algerian law requires both parties' identity and legal ids
 * (RC, NIF, NIS, AI) on an invoice, so both blocks print them, "—" when the buyer has not given one
 * yet (allowed on a pro-forma only: the schema requires them on invoices and credit notes).
 */

const orDash = (value: string | null) => value ?? '—';

export function drawHeader(pdf: PDFKit.PDFDocument, doc: CommercialDocument): number {
  const { seller } = doc;
  const sellerWidth = 270;
  pdf.font(FONT.bold).fontSize(16).fillColor(COLOR.primary).text(seller.name, PAGE.left, PAGE.top, { width: sellerWidth });
  pdf
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLOR.text)
    .text(
      [
        seller.address,
        `Tél. : ${seller.phone}`,
        `E-mail : ${seller.email}`,
        `RC : ${seller.rc}    NIF : ${seller.nif}`,
        `NIS : ${seller.nis}    AI : ${seller.ai}`,
      ].join('\n'),
      PAGE.left,
      pdf.y + 4,
      { width: sellerWidth, lineGap: 1.5 },
    );
  const sellerBottom = pdf.y;

  const titleX = PAGE.left + sellerWidth + 20;
  const titleWidth = PAGE.right - titleX;
  pdf
    .font(FONT.bold)
    .fontSize(17)
    .fillColor(COLOR.primary)
    .text(documentTitles[doc.kind], titleX, PAGE.top, { width: titleWidth, align: 'right' });
  pdf
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(COLOR.text)
    .text(`N° ${doc.number}`, titleX, pdf.y + 4, { width: titleWidth, align: 'right' });
  pdf
    .font(FONT.regular)
    .fontSize(9)
    .text(headerMetaLines(doc).join('\n'), titleX, pdf.y + 3, { width: titleWidth, align: 'right', lineGap: 1.5 });

  const bottom = Math.max(sellerBottom, pdf.y) + 10;
  horizontalRule(pdf, bottom, COLOR.primary);
  return bottom + 14;
}

/** The buyer in a framed box: who and where on the left, legal ids on the right. */
export function drawBuyer(pdf: PDFKit.PDFDocument, doc: CommercialDocument, y: number): number {
  const { buyer } = doc;
  const padding = 8;
  const columnWidth = (PAGE.width - 3 * padding) / 2;
  const leftX = PAGE.left + padding;
  const rightX = leftX + columnWidth + padding;
  const top = y + padding;

  pdf.font(FONT.bold).fontSize(8).fillColor(COLOR.muted).text('CLIENT', leftX, top, { width: columnWidth });
  pdf
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(COLOR.text)
    .text(buyer.companyName, leftX, pdf.y + 2, { width: columnWidth });
  const identity = [
    buyer.contactName ? `À l’attention de : ${buyer.contactName}` : null,
    buyer.address,
    buyer.phone ? `Tél. : ${buyer.phone}` : null,
  ].filter((line): line is string => line !== null);
  pdf
    .font(FONT.regular)
    .fontSize(9)
    .text(identity.join('\n'), leftX, pdf.y + 2, { width: columnWidth, lineGap: 1.5 });
  const leftBottom = pdf.y;

  pdf.font(FONT.bold).fontSize(8).fillColor(COLOR.muted).text('IDENTIFIANTS FISCAUX', rightX, top, { width: columnWidth });
  pdf
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.text)
    .text(
      [`RC : ${orDash(buyer.rc)}`, `NIF : ${orDash(buyer.nif)}`, `NIS : ${orDash(buyer.nis)}`, `AI : ${orDash(buyer.ai)}`].join('\n'),
      rightX,
      pdf.y + 2,
      { width: columnWidth, lineGap: 1.5 },
    );

  const bottom = Math.max(leftBottom, pdf.y) + padding;
  pdf
    .save()
    .roundedRect(PAGE.left, y, PAGE.width, bottom - y, 3)
    .lineWidth(0.7)
    .strokeColor(COLOR.rule)
    .stroke()
    .restore();
  return bottom + 16;
}

/** The total incl. tax in words, which Algerian invoices must state (see amount-in-words-fr.ts). */
export function drawAmountInWords(pdf: PDFKit.PDFDocument, doc: CommercialDocument, y: number): number {
  const { lead, words } = amountInWordsSentence(doc);
  const options = { width: PAGE.width, lineGap: 2 };
  pdf.font(FONT.bold).fontSize(9.5);
  const height = pdf.heightOfString(`${lead} ${words}`, options);
  const top = ensureSpace(pdf, y, height + 4);
  pdf
    .font(FONT.regular)
    .fillColor(COLOR.text)
    .text(`${lead} `, PAGE.left, top, { ...options, continued: true });
  pdf.font(FONT.bold).text(words, options);
  return pdf.y + 14;
}

/** Validity and payment (pro-forma), payment state (invoice) or the corrected invoice (credit note). */
export function drawConditions(pdf: PDFKit.PDFDocument, doc: CommercialDocument, y: number): number {
  let top = y;
  for (const [label, value] of conditionLines(doc)) {
    const options = { width: PAGE.width, lineGap: 1.5 };
    pdf.font(FONT.regular).fontSize(9);
    top = ensureSpace(pdf, top, pdf.heightOfString(`${label} : ${value}`, options));
    pdf
      .font(FONT.bold)
      .fillColor(COLOR.text)
      .text(`${label} : `, PAGE.left, top, { ...options, continued: true });
    pdf.font(FONT.regular).text(value, options);
    top = pdf.y + 3;
  }
  return top + 8;
}

export function drawNotes(pdf: PDFKit.PDFDocument, doc: CommercialDocument, y: number): number {
  if (!doc.notes) return y;
  const options = { width: PAGE.width, lineGap: 1.5 };
  pdf.font(FONT.italic).fontSize(8.5);
  const top = ensureSpace(pdf, y, 14 + pdf.heightOfString(doc.notes, options));
  pdf.font(FONT.bold).fontSize(8).fillColor(COLOR.muted).text('REMARQUES', PAGE.left, top, options);
  pdf
    .font(FONT.italic)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text(doc.notes, PAGE.left, pdf.y + 2, options);
  return pdf.y + 10;
}

/**
 * The footer of every page, drawn once all pages exist so it can say "Page 2 / 3". It sits below
 * pdfkit's bottom margin, which would otherwise make pdfkit open a new page; the margin is lifted
 * while drawing.
 */
export function drawFooters(pdf: PDFKit.PDFDocument, doc: CommercialDocument): void {
  const { seller } = doc;
  const legal = `${seller.name} — RC ${seller.rc} — NIF ${seller.nif} — NIS ${seller.nis} — AI ${seller.ai}` + ` — RIB ${seller.rib}`;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = PAGE.bottom + 14;
    horizontalRule(pdf, y);
    pdf
      .font(FONT.regular)
      .fontSize(7)
      .fillColor(COLOR.muted)
      .text(legal, PAGE.left, y + 5, { width: PAGE.width, align: 'center', lineBreak: false })
      .text(`${seller.address} — ${seller.phone} — ${seller.email}`, PAGE.left, y + 14, {
        width: PAGE.width,
        align: 'center',
        lineBreak: false,
      });
    pdf
      .font(FONT.bold)
      .text(doc.number, PAGE.left, y + 24, { width: PAGE.width / 2, lineBreak: false })
      .text(`Page ${i - range.start + 1} / ${range.count}`, PAGE.left + PAGE.width / 2, y + 24, {
        width: PAGE.width / 2,
        align: 'right',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottomMargin;
  }
}
