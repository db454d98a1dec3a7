/**
 * Text formatting for the PDFs, printed with DejaVu Sans (pdf-layout.ts): Latin and Arabic are
 * covered; the narrow no-break space (U+202F) Intl puts between thousands in French and the minus
 * sign U+2212 are made plain so that the text read back from the PDF is the text we search for.
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

/**
 * Makes any text printable with the embedded font: NFC first (a name typed with combining
 * accents would otherwise lose them), then the spaces and minus Intl produces; control characters
 * and what lies beyond the font's planes (emoji) become "?" rather than empty boxes.
 */
export function pdfSafe(value: string): string {
  return Array.from(
    value
      .normalize('NFC')
      .replace(/[\u202F\u00A0\u2007\u2009]/g, ' ')
      .replace(/[\u2212\u2010\u2011]/g, '-'),
    (char) => {
      const code = char.codePointAt(0)!;
      const printable =
        char === '\n' ||
        (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0) && code <= 0xffff && !(code >= 0xd800 && code < 0xe000));
      return printable ? char : '?';
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
