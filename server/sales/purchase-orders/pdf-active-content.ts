import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';

/**
 * Keys and action types through which a PDF runs something when it is opened or touched:
 * JavaScript (/JS, the /JavaScript name tree, /S /JavaScript), XFA forms (scripted), and actions
 * that launch programs, import data, submit forms or play media with scripts.
 */
const activeKeys = new Set(['JS', 'JavaScript', 'XFA']);
const activeActions = new Set(['JavaScript', 'Launch', 'ImportData', 'SubmitForm', 'Rendition', 'GoToE']);

export type PdfVerdict = 'clean' | 'active' | 'unreadable';

/**
 * Reads the PDF's objects with pdf-lib, which decodes what a byte search misses: names escaped
 * with #xx (/J#61vaScript) and objects packed in compressed object streams. An encrypted PDF
 * hides its object streams, so it is judged unreadable rather than clean.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfVerdict> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return 'unreadable';
  }
  if (document.isEncrypted) return 'unreadable';
  const seen = new Set<PDFObject>();
  const isActive = (object: PDFObject): boolean => {
    if (seen.has(object)) return false;
    seen.add(object);
    const dict = object instanceof PDFStream ? object.dict : object;
    if (dict instanceof PDFDict) {
      for (const [key, value] of dict.entries()) {
        if (activeKeys.has(key.decodeText())) return true;
        if (key.decodeText() === 'S' && value instanceof PDFName && activeActions.has(value.decodeText())) return true;
        if (isActive(value)) return true;
      }
    } else if (dict instanceof PDFArray) {
      for (const item of dict.asArray()) if (isActive(item)) return true;
    }
    return false;
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) if (isActive(object)) return 'active';
  return 'clean';
}
