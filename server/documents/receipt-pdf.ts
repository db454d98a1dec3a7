import { amountInWordsFr } from './amount-in-words-fr';
import { visualOrder } from './pdf-bidi';
import { formatAmountDa, formatDateDz, pdfSafe } from './pdf-format';
import { COLOR, FONT, MARGIN, PAGE, A4, horizontalRule, registerFonts, newPdfDocument } from './pdf-layout';

export type ReceiptDocument = {
  number: string;
  /** The day the money was received. */
  paidOn: Date;
  issuedAt: Date;
  seller: { name: string; address: string; phone: string; email: string; rc: string; nif: string; nis: string; ai: string };
  payer: { companyName: string; address: string | null };
  amountDa: number;
  method: string;
  reference: string | null;
  /** What it pays: "Facture FA-2026-0012" or "Facture pro forma PF-2026-0031". */
  settles: string;
};

const text = (value: string) => visualOrder(pdfSafe(value));

/**
 * A receipt (reçu de paiement, REC-YYYY-NNNN) on one A5-wide block of an A4 page: who paid whom,
 * how much in figures and in words, how (mode and bank reference) and for which document. Same
 * embedded fonts as the other documents, so an Arabic company name prints as typed.
 */
export async function renderReceiptPdf(receipt: ReceiptDocument): Promise<Buffer> {
  const pdf = await newPdfDocument({
    size: [A4.width, A4.height],
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
    lang: 'fr-DZ',
    displayTitle: true,
    info: {
      Title: `Reçu ${receipt.number}`,
      Author: receipt.seller.name,
      Creator: receipt.seller.name,
      Producer: receipt.seller.name,
      CreationDate: receipt.issuedAt,
      ModDate: receipt.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  registerFonts(pdf);
  const { seller } = receipt;
  pdf.font(FONT.bold).fontSize(16).fillColor(COLOR.primary).text(text(seller.name), PAGE.left, PAGE.top, { width: 270 });
  pdf
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLOR.text)
    .text(
      text(
        [
          seller.address,
          `Tél. : ${seller.phone}`,
          `E-mail : ${seller.email}`,
          `RC : ${seller.rc}    NIF : ${seller.nif}`,
          `NIS : ${seller.nis}    AI : ${seller.ai}`,
        ].join('\n'),
      ),
      { width: 270, lineGap: 1.5 },
    );
  pdf
    .font(FONT.bold)
    .fontSize(17)
    .fillColor(COLOR.primary)
    .text('REÇU DE PAIEMENT', PAGE.left + 290, PAGE.top, { width: PAGE.width - 290, align: 'right' });
  pdf
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(COLOR.text)
    .text(`N° ${receipt.number}`, { width: PAGE.width - 290, align: 'right' });
  pdf
    .font(FONT.regular)
    .fontSize(9)
    .text(`Date : ${formatDateDz(receipt.issuedAt)}`, { width: PAGE.width - 290, align: 'right' });
  let y = 150;
  horizontalRule(pdf, y, COLOR.primary);
  y += 16;
  const rows: [string, string][] = [
    ['Reçu de', [receipt.payer.companyName, receipt.payer.address].filter(Boolean).join('\n')],
    ['La somme de', `${formatAmountDa(receipt.amountDa)}`],
    ['Soit', `${amountInWordsFr(receipt.amountDa)}`],
    ['Mode de paiement', receipt.method],
    ['Référence', receipt.reference ?? '—'],
    ['Reçu le', formatDateDz(receipt.paidOn)],
    ['En règlement de', receipt.settles],
  ];
  for (const [label, value] of rows) {
    pdf.font(FONT.bold).fontSize(9.5).fillColor(COLOR.muted).text(label, PAGE.left, y, { width: 130 });
    pdf
      .font(FONT.regular)
      .fontSize(10.5)
      .fillColor(COLOR.text)
      .text(text(value), PAGE.left + 140, y, { width: PAGE.width - 140, lineGap: 1.5 });
    y = Math.max(pdf.y, y + 14) + 8;
  }
  horizontalRule(pdf, y + 4);
  pdf
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text('Ce reçu atteste la réception du paiement ; il ne remplace pas la facture.', PAGE.left, y + 12, { width: PAGE.width });
  pdf.end();
  return finished;
}
