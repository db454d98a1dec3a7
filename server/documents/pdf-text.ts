import { extractText, getDocumentProxy } from 'unpdf';

/**
 * Reading generated PDFs back, for tests that check what a document says. unpdf ships PDF.js's
 * serverless build: pure JavaScript, no native module, no canvas.
 *
 * Runs of spaces are collapsed so a test can look for "80 000,00 DA" whatever the glyph
 * positioning; line breaks are kept, so text that wraps (the total in words) is best matched after
 * `text.replace(/\s+/g, ' ')`.
 */

/** The text of each page, in order. */
export async function extractPdfPages(pdf: Buffer | Uint8Array): Promise<string[]> {
  // PDF.js takes ownership of (detaches) the array it is given: pass it a copy.
  const document = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const { text } = await extractText(document, { mergePages: false });
    return text.map((page) => page.replace(/[ \t\u00A0]+/g, ' ').trim());
  } finally {
    await document.destroy();
  }
}

/** The text of the whole PDF, pages separated by a newline. */
export async function extractPdfText(pdf: Buffer | Uint8Array): Promise<string> {
  return (await extractPdfPages(pdf)).join('\n');
}
