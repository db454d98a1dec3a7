/**
 * The reference a delivered ticket or reply carries inside GLPI, so that the worker can find it
 * again after a crash between GLPI's answer and the local update (look up before re-sending).
 * Plain ASCII letters, digits, `-`, `:` and brackets: GLPI's storage encoding only touches `<`, `>`
 * and `&` (GLPI-API.md, Values), so the marker reads the same in GLPI, in its search and in the API.
 */
export function outboxMarker(idempotencyKey: string): string {
  return `[ytech-ref:${idempotencyKey}]`;
}

export function carriesOutboxMarker(content: string | null | undefined, idempotencyKey: string): boolean {
  return (content ?? '').includes(outboxMarker(idempotencyKey));
}

/** True for content written through the portal (a client's own ticket or reply), whatever its key. */
export function isFromPortal(content: string | null | undefined): boolean {
  return /\[ytech-ref:[0-9a-f-]{36}\]/i.test(content ?? '');
}

const markerParagraph = /\s*<p>\s*\[ytech-ref:[0-9a-f-]{36}\]\s*<\/p>\s*/gi;
const bareMarker = /\s*\[ytech-ref:[0-9a-f-]{36}\]/gi;

/** The portal shows GLPI content without the technical reference (before sanitizing it). */
export function stripOutboxMarker(html: string): string {
  return html.replace(markerParagraph, '').replace(bareMarker, '');
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/**
 * GLPI 10 stores ticket and follow-up content as HTML: the client's plain text is escaped (it is
 * never markup), blank lines make paragraphs, single newlines line breaks; the reference closes it.
 */
export function plainTextToGlpiHtml(text: string, idempotencyKey: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`);
  return [...paragraphs, `<p>${outboxMarker(idempotencyKey)}</p>`].join('');
}
