const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A client's plain text as HTML (escaped, paragraphs and line breaks kept), like the worker sends it to GLPI. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/[&<>"']/g, (c) => escapes[c] ?? c).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
