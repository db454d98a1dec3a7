import bidiFactory from 'bidi-js';

/**
 * Right-to-left text (Arabic company names and addresses) inside our French PDFs.
 *
 * pdfkit draws text left to right and has no bidi algorithm. It cuts each string at spaces and
 * hands every word to fontkit, which shapes it (Arabic joining forms, lam-alef) and, for a word
 * whose script is Arabic, reverses its glyphs. So each Arabic word comes out right, but the words
 * of an Arabic phrase come out in reading order, left to right: the phrase reads backwards.
 *
 * `visualOrder` gives pdfkit the line as it must appear: the Unicode bidi algorithm (bidi-js)
 * reorders it for display, mirrors brackets, then every Arabic word is turned back to reading
 * order, because fontkit reverses it again when it shapes it. `keepSpacesAfterRtlWords` mends the
 * one thing left: a word's trailing space, reversed with it by fontkit, would land on its left.
 */

const bidi = bidiFactory();

// The script property fontkit reads to decide a word is right-to-left (the Arabic comma and
// digits are "Common": a word of them alone is not reversed).
const ARABIC = /\p{Script=Arabic}/u;
const HAS_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export const hasRightToLeft = (text: string) => HAS_RTL.test(text);

function visualLine(line: string): string {
  if (!HAS_RTL.test(line)) return line;
  const embedding = bidi.getEmbeddingLevels(line);
  const mirrored = bidi.getMirroredCharactersMap(line, embedding.levels);
  const chars = Array.from(line.split(''), (c, i) => mirrored.get(i) ?? c);
  for (const [start, end] of bidi.getReorderSegments(line, embedding)) {
    const reversed = chars.slice(start, end + 1).reverse();
    chars.splice(start, reversed.length, ...reversed);
  }
  // Words back to reading order: fontkit shapes them in that order and reverses them itself.
  return chars
    .join('')
    .split(' ')
    .map((word) => (ARABIC.test(word) ? Array.from(word).reverse().join('') : word))
    .join(' ');
}

/** The text as pdfkit must receive it to display it correctly (each line on its own). */
export function visualOrder(text: string): string {
  if (!HAS_RTL.test(text)) return text;
  return text.split('\n').map(visualLine).join('\n');
}

type GlyphRun = { direction?: string; glyphs: { codePoints: number[] }[]; positions: unknown[] };
type LayoutFont = { layout: (text: string, ...rest: unknown[]) => GlyphRun };
const patched = new WeakSet<object>();

/**
 * fontkit reverses a right-to-left word with the space pdfkit leaves at its end; this puts the
 * space back after the word. Applied once to each fontkit font pdfkit embeds.
 */
export function keepSpacesAfterRtlWords(font: LayoutFont): void {
  if (patched.has(font)) return;
  patched.add(font);
  const layout = font.layout.bind(font);
  font.layout = (text: string, ...rest: unknown[]) => {
    const run = layout(text, ...rest);
    if (run.direction !== 'rtl') return run;
    let leading = 0;
    while (leading < run.glyphs.length && run.glyphs[leading]!.codePoints.every((c) => c === 0x20 || c === 0x09)) leading++;
    if (leading === 0 || leading === run.glyphs.length) return run;
    run.glyphs = [...run.glyphs.slice(leading), ...run.glyphs.slice(0, leading)];
    run.positions = [...run.positions.slice(leading), ...run.positions.slice(0, leading)];
    return run;
  };
}
