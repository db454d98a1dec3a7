const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Undoes GLPI's storage encoding of text (`&#60;p&#62;` → `<p>`). GLPI emits numeric entities for
 * `<`, `>` and `&` only (get_Ticket_id_after_post_sanitized_default); the named ones are accepted too.
 * One pass, so a user's literal `&amp;` (stored `&#38;amp;`) comes back as `&amp;`, not `&`.
 * The result is HTML either way: the portal sanitizes it before display.
 */
export function decodeGlpiHtml(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (entity, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined || hex !== undefined) {
      const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return (name !== undefined ? named[name] : undefined) ?? entity;
  });
}
