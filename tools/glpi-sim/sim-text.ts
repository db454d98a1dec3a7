/**
 * GLPI 10 stores text HTML-encoded and returns it that way: `<` → `&#60;`, `>` → `&#62;`, `&` → `&#38;`;
 * quotes and non-ASCII are left alone (fixture get_Ticket_id_after_post_sanitized_default).
 */
export function glpiEncode(text: string): string {
  return text.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
}

export function glpiDecode(text: string): string {
  return text.replace(/&#60;/g, '<').replace(/&#62;/g, '>').replace(/&#38;/g, '&');
}

/** "YYYY-MM-DD HH:MM:SS" in UTC, the format (and time zone) of the recorded server. */
export function formatGlpiDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

export function glpiDateToRfc1123(date: string): string {
  return new Date(`${date.replace(' ', 'T')}Z`).toUTCString();
}
