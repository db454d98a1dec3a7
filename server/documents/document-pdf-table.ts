import type { CommercialDocument, DocumentLine } from './commercial-document-schema';
import { formatAmountDa, formatPercent, formatQuantity } from './pdf-format';
import { COLOR, FONT, PAGE, ensureSpace, horizontalRule } from './pdf-layout';

/** The lines table (its header repeated on every page it spans) and the totals block. */

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  cell: (line: DocumentLine) => string;
}

const COLUMNS: Column[] = [
  { title: 'Désignation', width: 0, align: 'left', cell: (l) => l.description },
  { title: 'Qté', width: 62, align: 'right', cell: (l) => formatQuantity(l.quantity) },
  { title: 'P.U. HT', width: 92, align: 'right', cell: (l) => formatAmountDa(l.unitPriceExclTax) },
  { title: 'Remise', width: 48, align: 'right', cell: (l) => (l.discountPercent > 0 ? formatPercent(l.discountPercent) : '—') },
  { title: 'Montant HT', width: 102, align: 'right', cell: (l) => formatAmountDa(l.lineTotalExclTax) },
];
// The description takes whatever width the figures leave.
COLUMNS[0].width = PAGE.width - COLUMNS.slice(1).reduce((sum, c) => sum + c.width, 0);

const CELL_PADDING_X = 5;
const CELL_PADDING_Y = 5;
const FONT_SIZE = 9;

function columnX(index: number): number {
  return PAGE.left + COLUMNS.slice(0, index).reduce((sum, c) => sum + c.width, 0);
}

function drawTableHeader(pdf: PDFKit.PDFDocument, y: number): number {
  const height = FONT_SIZE + 2 * CELL_PADDING_Y + 2;
  pdf.save().rect(PAGE.left, y, PAGE.width, height).fill(COLOR.primary).restore();
  pdf.font(FONT.bold).fontSize(FONT_SIZE).fillColor('#ffffff');
  COLUMNS.forEach((column, i) => {
    pdf.text(column.title, columnX(i) + CELL_PADDING_X, y + CELL_PADDING_Y + 1, {
      width: column.width - 2 * CELL_PADDING_X,
      align: column.align,
      lineBreak: false,
    });
  });
  pdf.fillColor(COLOR.text);
  return y + height;
}

function rowHeight(pdf: PDFKit.PDFDocument, line: DocumentLine): number {
  pdf.font(FONT.regular).fontSize(FONT_SIZE);
  const textHeight = Math.max(...COLUMNS.map((c) => pdf.heightOfString(c.cell(line), { width: c.width - 2 * CELL_PADDING_X })));
  return textHeight + 2 * CELL_PADDING_Y;
}

export function drawLinesTable(pdf: PDFKit.PDFDocument, doc: CommercialDocument, y: number): number {
  let top = drawTableHeader(pdf, ensureSpace(pdf, y, 60));
  doc.lines.forEach((line, index) => {
    const height = rowHeight(pdf, line);
    const rowTop = ensureSpace(pdf, top, height);
    // A row that had to move to a new page gets the column titles again above it.
    top = rowTop === top ? top : drawTableHeader(pdf, rowTop);
    if (index % 2 === 1) pdf.save().rect(PAGE.left, top, PAGE.width, height).fill(COLOR.fill).restore();
    pdf.font(FONT.regular).fontSize(FONT_SIZE).fillColor(COLOR.text);
    COLUMNS.forEach((column, i) => {
      pdf.text(column.cell(line), columnX(i) + CELL_PADDING_X, top + CELL_PADDING_Y, {
        width: column.width - 2 * CELL_PADDING_X,
        align: column.align,
      });
    });
    top += height;
    horizontalRule(pdf, top);
  });
  return top + 12;
}

/** Total excl. tax, VAT and total incl. tax, right-aligned under the amounts column. */
export function drawTotals(pdf: PDFKit.PDFDocument, doc: CommercialDocument, y: number): number {
  const { totals } = doc;
  const rows: Array<[string, string, boolean]> = [
    ['Total HT', formatAmountDa(totals.exclTax), false],
    [`TVA ${formatPercent(totals.vatRatePercent)}`, formatAmountDa(totals.vatAmount), false],
    ['Total TTC', formatAmountDa(totals.inclTax), true],
  ];
  const rowHeight = 18;
  const width = 240;
  const x = PAGE.right - width;
  let top = ensureSpace(pdf, y, rows.length * rowHeight);
  for (const [label, value, emphasised] of rows) {
    if (emphasised) pdf.save().rect(x, top, width, rowHeight).fill(COLOR.primary).restore();
    pdf
      .font(emphasised ? FONT.bold : FONT.regular)
      .fontSize(emphasised ? 10 : 9.5)
      .fillColor(emphasised ? '#ffffff' : COLOR.text);
    const textTop = top + (rowHeight - pdf.currentLineHeight()) / 2;
    pdf.text(label, x + 8, textTop, { width: 100, lineBreak: false });
    pdf.text(value, x + 100, textTop, { width: width - 108, align: 'right', lineBreak: false });
    top += rowHeight;
  }
  pdf.fillColor(COLOR.text);
  return top + 16;
}
