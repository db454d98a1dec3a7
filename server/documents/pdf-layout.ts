/** Page geometry, fonts and colours shared by the document PDF sections (A4, in points). */

export const A4 = { width: 595.28, height: 841.89 } as const;

export const MARGIN = 40;
/** Room kept at the bottom of every page for the footer (legal ids, page number). */
export const FOOTER_HEIGHT = 44;

export const PAGE = {
  left: MARGIN,
  right: A4.width - MARGIN,
  width: A4.width - 2 * MARGIN,
  top: MARGIN,
  /** Lowest y the body may reach; pdfkit's own bottom margin is set to match. */
  bottom: A4.height - MARGIN - FOOTER_HEIGHT,
} as const;

// The 14 standard PDF fonts need no embedding and keep the files small; they use WinAnsi
// (see pdf-format.ts for what that allows).
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export const COLOR = {
  primary: '#1f3a5f',
  text: '#222222',
  muted: '#5f6b7a',
  rule: '#c9d1db',
  fill: '#eef2f7',
} as const;

/**
 * Starts a new page when `height` more points would run into the footer; returns the y to draw at.
 * Blocks that must stay together (a table row, the totals) call this before drawing.
 */
export function ensureSpace(pdf: PDFKit.PDFDocument, y: number, height: number): number {
  if (y + height <= PAGE.bottom) return y;
  pdf.addPage();
  return PAGE.top;
}

export function horizontalRule(pdf: PDFKit.PDFDocument, y: number, color: string = COLOR.rule): void {
  pdf.save().moveTo(PAGE.left, y).lineTo(PAGE.right, y).lineWidth(0.7).strokeColor(color).stroke().restore();
}
