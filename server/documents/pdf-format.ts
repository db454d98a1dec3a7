/**
 * Text formatting for the PDFs. pdfkit's standard fonts (Helvetica) encode text in WinAnsi: it
 * covers French accents, « » and the apostrophe ’, but not the narrow no-break space (U+202F) that
 * Intl puts between thousands in French, nor the minus sign U+2212, which would print as garbage.
 */

const amountFormat = new Intl.NumberFormat('fr-DZ', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('fr-DZ', { maximumFractionDigits: 2 });
const quantityFormat = new Intl.NumberFormat('fr-DZ', { maximumFractionDigits: 2 });
// Algerian documents are dated in Algiers time whatever the server's zone: an invoice issued at
// 00:30 in Algiers on the 1st must not say the 31st.
const dateFormat = new Intl.DateTimeFormat('fr-DZ', {
  timeZone: 'Africa/Algiers',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

// The Unicode characters WinAnsi places in 0x80-0x9F (€, ’, “ ”, dashes, œ…); « » é à ç are Latin-1.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Makes any text printable with the standard fonts: NFC first (a name typed with combining
 * accents would otherwise lose them), then the spaces and minus Intl produces, then anything still
 * outside WinAnsi (Arabic script, emoji) becomes "?" rather than unreadable bytes.
 */
export function pdfSafe(value: string): string {
  return Array.from(
    value
      .normalize('NFC')
      .replace(/[\u202F\u00A0\u2007\u2009]/g, ' ')
      .replace(/[\u2212\u2010\u2011]/g, '-'),
    (char) => {
      const code = char.codePointAt(0)!;
      const printable = char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff);
      return printable || WIN_ANSI_EXTRAS.has(char) ? char : '?';
    },
  ).join('');
}

/** "80 000,00 DA" */
export function formatAmountDa(amount: number): string {
  return `${pdfSafe(amountFormat.format(amount))} DA`;
}

/** "10 %" or "12,5 %" */
export function formatPercent(value: number): string {
  return `${pdfSafe(percentFormat.format(value))} %`;
}

export function formatQuantity(value: number): string {
  return pdfSafe(quantityFormat.format(value));
}

/** dd/mm/yyyy in Africa/Algiers. */
export function formatDateDz(date: Date): string {
  const parts = Object.fromEntries(dateFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year}`;
}
