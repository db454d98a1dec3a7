import { commercialDocumentSchema, type CommercialDocument, type CommercialDocumentInput } from './commercial-document-schema';
import { drawAmountInWords, drawBuyer, drawConditions, drawFooters, drawHeader, drawNotes } from './document-pdf-sections';
import { drawLinesTable, drawTotals } from './document-pdf-table';
import { documentTitles } from './document-wording';
import { pdfSafe } from './pdf-format';
import { visualOrder } from './pdf-bidi';
import { FONT, MARGIN, PAGE, A4, registerFonts, newPdfDocument } from './pdf-layout';

/** Every string of the parsed document made printable with the embedded font, in display order. */
function printable<T>(value: T): T {
  if (typeof value === 'string') return visualOrder(pdfSafe(value)) as T;
  if (Array.isArray(value)) return value.map(printable) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)])) as T;
  }
  return value;
}

/**
 * Renders a pro-forma (PF-…), an invoice (FA-…) or a credit note (AV-…) as an A4 PDF.
 *
 * The input is parsed with `commercialDocumentSchema` (throws a ZodError when it is invalid or its
 * figures do not add up). The output is deterministic: the same document gives the same bytes,
 * because the PDF's creation date, and the file id pdfkit derives from it, come from the issue date.
 */
export async function renderCommercialDocumentPdf(input: CommercialDocumentInput): Promise<Buffer> {
  const doc: CommercialDocument = printable(commercialDocumentSchema.parse(input));

  const pdf = await newPdfDocument({
    size: [A4.width, A4.height],
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: A4.height - PAGE.bottom },
    bufferPages: true,
    lang: 'fr-DZ',
    displayTitle: true,
    info: {
      Title: `${documentTitles[doc.kind]} ${doc.number}`,
      Author: doc.seller.name,
      Subject: `${documentTitles[doc.kind]} ${doc.number} — ${doc.buyer.companyName}`,
      Creator: doc.seller.name,
      Producer: doc.seller.name,
      CreationDate: doc.issueDate,
      ModDate: doc.issueDate,
    },
  });

  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  registerFonts(pdf);
  pdf.font(FONT.regular);
  let y = drawHeader(pdf, doc);
  y = drawBuyer(pdf, doc, y);
  y = drawLinesTable(pdf, doc, y);
  y = drawTotals(pdf, doc, y);
  y = drawAmountInWords(pdf, doc, y);
  y = drawConditions(pdf, doc, y);
  drawNotes(pdf, doc, y);
  drawFooters(pdf, doc);

  pdf.end();
  return finished;
}
