import { amountInWordsFr } from './amount-in-words-fr';
import type { CommercialDocument, CommercialDocumentKind } from './commercial-document-schema';
import { formatDateDz } from './pdf-format';

/** The French wording that differs between a pro-forma, an invoice and a credit note. */

export const documentTitles: Record<CommercialDocumentKind, string> = {
  proforma: 'FACTURE PRO FORMA',
  invoice: 'FACTURE',
  credit_note: 'FACTURE D’AVOIR',
};

// "Arrêtée" agrees with "facture" (feminine), "Arrêté" with "avoir" (masculine).
const amountInWordsLeads: Record<CommercialDocumentKind, string> = {
  proforma: 'Arrêtée la présente facture pro forma à la somme de :',
  invoice: 'Arrêtée la présente facture à la somme de :',
  credit_note: 'Arrêté le présent avoir à la somme de :',
};

/** The legal sentence stating the total incl. tax in words, split so the words can be set in bold. */
export function amountInWordsSentence(doc: CommercialDocument): { lead: string; words: string } {
  return { lead: amountInWordsLeads[doc.kind], words: amountInWordsFr(doc.totals.inclTax) };
}

/** The date lines under the number in the header. */
export function headerMetaLines(doc: CommercialDocument): string[] {
  const lines = [`Date : ${formatDateDz(doc.issueDate)}`];
  switch (doc.kind) {
    case 'proforma':
      lines.push(`Valable jusqu’au : ${formatDateDz(doc.validUntil)}`);
      break;
    case 'invoice':
      if (doc.proformaNumber) lines.push(`Réf. pro forma : ${doc.proformaNumber}`);
      if (doc.dueDate) lines.push(`Échéance : ${formatDateDz(doc.dueDate)}`);
      break;
    case 'credit_note':
      lines.push(
        `Facture d’origine : ${doc.referencedInvoiceNumber}` +
          (doc.referencedInvoiceDate ? ` du ${formatDateDz(doc.referencedInvoiceDate)}` : ''),
      );
      break;
  }
  return lines;
}

/** The section after the totals: validity and payment for a pro-forma, payment for an invoice,
 *  what is corrected for a credit note. Each entry is a label and its value. */
export function conditionLines(doc: CommercialDocument): Array<[label: string, value: string]> {
  const accepted = doc.paymentMethods.length > 0 ? doc.paymentMethods.join(', ') : null;
  const bank = `${doc.seller.bankName ? `${doc.seller.bankName} — ` : ''}RIB ${doc.seller.rib}`;
  const lines: Array<[string, string]> = [];
  switch (doc.kind) {
    case 'proforma':
      lines.push(['Validité', `cette offre est valable jusqu’au ${formatDateDz(doc.validUntil)} inclus.`]);
      if (accepted) lines.push(['Moyens de paiement acceptés', accepted]);
      if (doc.chosenPaymentMethod) lines.push(['Mode de paiement choisi', doc.chosenPaymentMethod]);
      lines.push(['Coordonnées bancaires', bank]);
      break;
    case 'invoice':
      lines.push(['Mode de paiement', doc.chosenPaymentMethod ?? accepted ?? 'à convenir']);
      if (doc.dueDate) lines.push(['Échéance', formatDateDz(doc.dueDate)]);
      lines.push(['État', doc.paidAt ? `payée le ${formatDateDz(doc.paidAt)}` : 'à régler']);
      lines.push(['Coordonnées bancaires', bank]);
      break;
    case 'credit_note':
      lines.push([
        'Objet',
        `avoir établi en correction de la facture n° ${doc.referencedInvoiceNumber}` +
          (doc.referencedInvoiceDate ? ` du ${formatDateDz(doc.referencedInvoiceDate)}` : '') +
          '.',
      ]);
      if (doc.reason) lines.push(['Motif', `« ${doc.reason} »`]);
      if (doc.chosenPaymentMethod) lines.push(['Mode de remboursement', doc.chosenPaymentMethod]);
      break;
  }
  return lines;
}
