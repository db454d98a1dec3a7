import { createRequire } from 'node:module';
import { keepSpacesAfterRtlWords } from './pdf-bidi';
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

// DejaVu Sans Condensed, embedded (subset) from the dejavu-fonts-ttf package: it covers French and
// Arabic (clients' names and addresses), which the standard PDF fonts (WinAnsi only) cannot print,
// and its widths are Helvetica's, so the layout kept its measures. Its oblique face has no Arabic:
// the notes use the regular face in grey instead.
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
export const FONT_FILES = {
  regular: fontFile('DejaVuSansCondensed'),
  bold: fontFile('DejaVuSansCondensed-Bold'),
} as const;
export const FONT = { regular: 'ytech-regular', bold: 'ytech-bold', italic: 'ytech-regular' } as const;

/**
 * pdfkit (with fontkit and its tables) is loaded by the first PDF, not at import: the worker
 * imports the PDF jobs' modules at start, and about 30 MB of memory for a library most of its
 * jobs never call counted against its 250 MB (decision 191).
 */
export async function newPdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  return new PDFDocument(options);
}

type ParsedFont = Parameters<typeof keepSpacesAfterRtlWords>[0];
// Each font file is read and parsed once per process and shared by every document (pdfkit takes a
// parsed fontkit font as a source): parsing two 700 kB fonts per PDF was most of a small PDF's time,
// and fontkit's glyph caches then serve every document. Each document still embeds its own subset.
const parsedFonts = new Map<string, ParsedFont>();

/** Registers the embedded fonts on a new document and teaches them right-to-left words (pdf-bidi.ts). */
export function registerFonts(pdf: PDFKit.PDFDocument): void {
  for (const [name, file] of [
    [FONT.bold, FONT_FILES.bold],
    [FONT.regular, FONT_FILES.regular],
  ] as const) {
    const parsed = parsedFonts.get(name);
    pdf.registerFont(name, (parsed ?? file) as unknown as string);
    if (parsed) continue;
    pdf.font(name);
    const font = (pdf as unknown as { _font: { font: ParsedFont } })._font.font;
    keepSpacesAfterRtlWords(font);
    parsedFonts.set(name, font);
  }
  pdf.font(FONT.regular);
}

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
