import { Company, PaymentMethod, type Proforma, QuoteRequest, User } from '../../db/models';
import type { CommercialDocumentInput } from '../../documents/commercial-document-schema';
import { formatDateDz } from '../../documents/pdf-format';
import { algiersMidnight } from '../../calendar/algiers-calendar';
import { linesForPdf, totalsForPdf } from '../documents/document-amounts';
import { sellerIdentity } from '../documents/seller-identity';

/** The accepted payment methods in French, as printed, and the label of a chosen one. */
export async function paymentMethodLabels(chosen: string | null) {
  const methods = await PaymentMethod.findAll({ where: { active: true }, order: [['position', 'ASC']] });
  const all = await PaymentMethod.findAll();
  return {
    accepted: methods.map((m) => m.nameFr),
    chosen: chosen ? (all.find((m) => m.code === chosen)?.nameFr ?? chosen) : null,
  };
}

/** What the PDF renderer needs for a pro-forma. The buyer is the company as it is now: legal ids are optional at this stage. */
export async function proformaDocumentInput(proforma: Proforma): Promise<CommercialDocumentInput> {
  const company = await Company.findByPk(proforma.companyId, { rejectOnEmpty: true });
  const quote = await QuoteRequest.findByPk(proforma.quoteRequestId, { include: [{ model: User, as: 'requester' }] });
  const requester = (quote as (QuoteRequest & { requester?: User }) | null)?.requester;
  const methods = await paymentMethodLabels(proforma.paymentMethod);
  return {
    kind: 'proforma',
    number: proforma.number,
    issueDate: proforma.createdAt,
    validUntil: algiersMidnight(proforma.validUntil),
    seller: sellerIdentity,
    buyer: {
      companyName: company.name,
      address: company.address,
      phone: company.phone,
      rc: company.rc,
      nif: company.nif,
      nis: company.nis,
      ai: company.ai,
      contactName: requester ? `${requester.firstName} ${requester.lastName}` : null,
    },
    lines: linesForPdf(proforma.lines),
    totals: totalsForPdf(proforma),
    paymentMethods: methods.accepted,
    chosenPaymentMethod: methods.chosen,
    notes: `${proformaPurposeNote(proforma)} Prix en dinars algériens (DA), hors taxes puis TVA ${Number(proforma.vatRatePercent)} %.`,
  };
}

/** What the pro-forma sells, in the notes' first sentence. */
function proformaPurposeNote(proforma: Proforma): string {
  if (proforma.purpose === 'tier_change' && proforma.effectiveOn) {
    return `Changement de palier de l’abonnement en cours à compter du ${formatDateDz(algiersMidnight(proforma.effectiveOn))}, au prorata de la période restante.`;
  }
  if (proforma.purpose === 'renewal') return `Renouvellement de l’abonnement pour ${proforma.months} mois.`;
  return `Abonnement de ${proforma.months} mois.`;
}
