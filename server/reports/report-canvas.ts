import { visualOrder } from '../documents/pdf-bidi';
import { pdfSafe } from '../documents/pdf-format';
import { COLOR, FONT, PAGE, ensureSpace } from '../documents/pdf-layout';

/**
 * Drawing on a report page in either direction. Layout code places everything as if the page read
 * left to right; in Arabic every box is mirrored (its x measured from the right edge) and text
 * starts on the right, so the page reads right to left with one layout. Every string is made
 * printable and put in display order (pdf-bidi.ts) here, in one place.
 */
export type Direction = 'ltr' | 'rtl';
type TextOptions = { size?: number; bold?: boolean; color?: string; align?: 'start' | 'end' | 'center'; lineGap?: number };

export class ReportCanvas {
  constructor(
    readonly pdf: PDFKit.PDFDocument,
    readonly dir: Direction,
  ) {}

  /** The x at which a box of this width starts, given where it would start on a left-to-right page. */
  x(ltrX: number, width: number): number {
    return this.dir === 'rtl' ? PAGE.left + PAGE.right - ltrX - width : ltrX;
  }

  private align(align: TextOptions['align'] = 'start'): 'left' | 'right' | 'center' {
    if (align === 'center') return 'center';
    const start = this.dir === 'rtl' ? 'right' : 'left';
    const end = this.dir === 'rtl' ? 'left' : 'right';
    return align === 'start' ? start : end;
  }

  /** Writes text in a box; returns the y below it. */
  text(value: string, ltrX: number, y: number, width: number, options: TextOptions = {}): number {
    this.pdf
      .font(options.bold ? FONT.bold : FONT.regular)
      .fontSize(options.size ?? 9)
      .fillColor(options.color ?? COLOR.text)
      .text(visualOrder(pdfSafe(value)), this.x(ltrX, width), y, {
        width,
        align: this.align(options.align),
        lineGap: options.lineGap ?? 1.5,
      });
    return this.pdf.y;
  }

  /** One line that never wraps (axis labels, legends): shrunk to its box rather than broken. */
  label(value: string, ltrX: number, y: number, width: number, options: TextOptions = {}): void {
    this.pdf
      .font(options.bold ? FONT.bold : FONT.regular)
      .fontSize(options.size ?? 7)
      .fillColor(options.color ?? COLOR.muted)
      .text(visualOrder(pdfSafe(value)), this.x(ltrX, width), y, {
        width,
        align: this.align(options.align),
        lineBreak: false,
        ellipsis: true,
        height: (options.size ?? 7) + 2,
      });
  }

  rect(ltrX: number, y: number, width: number, height: number, color: string): void {
    if (width <= 0 || height <= 0) return;
    this.pdf.save().rect(this.x(ltrX, width), y, width, height).fill(color).restore();
  }

  line(ltrX1: number, y1: number, ltrX2: number, y2: number, color: string = COLOR.rule, width = 0.6): void {
    this.pdf.save().moveTo(this.x(ltrX1, 0), y1).lineTo(this.x(ltrX2, 0), y2).lineWidth(width).strokeColor(color).stroke().restore();
  }

  /** A section title with a rule under it; starts a new page when the section's first block would not fit. */
  heading(value: string, y: number, keepWith = 80): number {
    const top = ensureSpace(this.pdf, y, 24 + keepWith);
    const bottom = this.text(value, PAGE.left, top, PAGE.width, { size: 12, bold: true, color: COLOR.primary });
    this.line(PAGE.left, bottom + 2, PAGE.right, bottom + 2, COLOR.primary, 0.8);
    return bottom + 10;
  }
}

export const CHART = { opened: '#1f6fb2', solved: '#5aa469', missed: '#c0392b', allowed: '#1f3a5f', neutral: '#8ea6c0' } as const;

/** The smallest "round" number at or above `value` (1, 2, 5 × 10^n), so axes read in whole steps. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}
