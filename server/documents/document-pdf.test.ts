import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { CommercialDocumentInput } from './commercial-document-schema';
import { renderCommercialDocumentPdf } from './document-pdf';
import { extractPdfPages, extractPdfText } from './pdf-text';

const seller = {
  name: 'Y-tech SARL',
  address: '12 rue Didouche Mourad, 16000 Alger',
  phone: '+213 21 00 00 00',
  email: 'contact@y-tech.dz',
  rc: '16/00-1234567B21',
  nif: '002116123456789',
  nis: '002116010012345',
  ai: '16012345678',
  bankName: 'BNA agence Didouche',
  rib: '001 00123 0300000123 45',
};

const buyer = {
  companyName: 'Société Générale d’Études « Sétif »',
  address: '5 boulevard de l’ALN, 19000 Sétif',
  phone: '+213550000000',
  rc: '19/00-7654321B15',
  nif: '000019076543210',
  nis: '000019010076543',
  ai: '19010076543',
  contactName: 'Mme Hélène Benali',
};

const paymentMethods = ['Espèces (à l’agence)', 'Virement bancaire', 'Chèque', 'Bon de commande'];

// 12 months of support at 120 000 DA less 10 %, plus 3 months of asset management.
const lines = [
  {
    description: 'Support informatique — palier 11 à 20 tickets par mois',
    quantity: 12,
    unitPriceExclTax: 120_000,
    discountPercent: 10,
    lineTotalExclTax: 1_296_000,
  },
  {
    description: 'Gestion de parc informatique — palier 0 à 10 postes',
    quantity: 3,
    unitPriceExclTax: 30_000,
    discountPercent: 0,
    lineTotalExclTax: 90_000,
  },
];
const totals = { exclTax: 1_386_000, vatRatePercent: 19, vatAmount: 263_340, inclTax: 1_649_340 };
const totalInWords = 'un million six cent quarante-neuf mille trois cent quarante dinars algériens';

const proforma: CommercialDocumentInput = {
  kind: 'proforma',
  number: 'PF-2026-0007',
  // 23:30 UTC is already the next day in Algiers (UTC+1).
  issueDate: '2026-03-14T23:30:00Z',
  validUntil: '2026-04-14T10:00:00Z',
  seller,
  buyer: { ...buyer, rc: null, nis: undefined },
  lines,
  totals,
  paymentMethods,
  notes: 'Tarifs négociés après l’appel du 12/03 ; ça inclut l’installation.',
};

const invoice: CommercialDocumentInput = {
  kind: 'invoice',
  number: 'FA-2026-0042',
  proformaNumber: 'PF-2026-0007',
  issueDate: new Date('2026-03-20T09:00:00Z'),
  dueDate: new Date('2026-04-19T09:00:00Z'),
  paidAt: new Date('2026-03-25T14:00:00Z'),
  seller,
  buyer,
  lines,
  totals,
  paymentMethods,
  chosenPaymentMethod: 'Virement bancaire',
};

const creditNote: CommercialDocumentInput = {
  kind: 'credit_note',
  number: 'AV-2026-0003',
  referencedInvoiceNumber: 'FA-2026-0042',
  referencedInvoiceDate: '2026-03-20T09:00:00Z',
  reason: 'remise commerciale oubliée',
  issueDate: '2026-03-28T09:00:00Z',
  seller,
  buyer,
  lines: [{ description: 'Remise sur support informatique', quantity: 1, unitPriceExclTax: 80_000, lineTotalExclTax: 80_000 }],
  totals: { exclTax: 80_000, vatRatePercent: 19, vatAmount: 15_200, inclTax: 95_200 },
  paymentMethods: [],
  chosenPaymentMethod: 'Virement bancaire',
};

/** The text on one line: the sentence in words may wrap anywhere. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderCommercialDocumentPdf', () => {
  it('renders a pro-forma with both parties, totals, the total in words and its validity', async () => {
    const pdf = await renderCommercialDocumentPdf(proforma);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await extractPdfText(pdf);

    expect(text).toContain('FACTURE PRO FORMA');
    expect(text).toContain('PF-2026-0007');
    expect(text).toContain('Date : 15/03/2026');
    expect(text).toContain('Valable jusqu’au : 14/04/2026');
    expect(text).toContain(`NIF : ${seller.nif}`);
    expect(text).toContain(`NIF : ${buyer.nif}`);
    expect(text).toContain('RC : —'); // a legal id the client has not given yet
    expect(text).toContain('120 000,00 DA');
    expect(text).toContain('1 296 000,00 DA');
    expect(text).toContain('1 386 000,00 DA');
    expect(text).toContain('263 340,00 DA');
    expect(text).toContain('1 649 340,00 DA');
    expect(text).toContain('10 %');
    expect(flat(text)).toContain(`Arrêtée la présente facture pro forma à la somme de : ${totalInWords}`);
    expect(flat(text)).toContain(`Moyens de paiement acceptés : ${paymentMethods.join(', ')}`);
    expect(text).toContain(`RIB ${seller.rib}`);
    expect(text).toContain('Page 1 / 1');
    // WinAnsi characters survive the standard fonts; Intl's narrow spaces never reach the PDF.
    expect(text).toContain('Société Générale d’Études « Sétif »');
    expect(text).toContain('ça inclut l’installation');
    expect(text).not.toMatch(/[\u202F\u00A0]/);
  });

  it('renders an invoice with its payment method and payment state', async () => {
    const text = await extractPdfText(await renderCommercialDocumentPdf(invoice));

    expect(text).toMatch(/^FACTURE$/m);
    expect(text).toContain('FA-2026-0042');
    expect(text).toContain('Réf. pro forma : PF-2026-0007');
    expect(text).toContain(`NIF : ${buyer.nif}`);
    expect(text).toContain(`RC : ${buyer.rc}`);
    expect(text).toContain('1 649 340,00 DA');
    expect(flat(text)).toContain(`Arrêtée la présente facture à la somme de : ${totalInWords}`);
    expect(text).toContain('Mode de paiement : Virement bancaire');
    expect(text).toContain('Échéance : 19/04/2026');
    expect(text).toContain('État : payée le 25/03/2026');
  });

  it('renders a credit note referencing the invoice it corrects', async () => {
    const text = await extractPdfText(await renderCommercialDocumentPdf(creditNote));

    expect(text).toContain('FACTURE D’AVOIR');
    expect(text).toContain('AV-2026-0003');
    expect(text).toContain('Facture d’origine : FA-2026-0042 du 20/03/2026');
    expect(text).toContain(`NIF : ${buyer.nif}`);
    expect(text).toContain('80 000,00 DA');
    expect(text).toContain('15 200,00 DA');
    expect(text).toContain('95 200,00 DA');
    expect(flat(text)).toContain('Arrêté le présent avoir à la somme de : quatre-vingt-quinze mille deux cents dinars algériens');
    expect(text).toContain('Motif : « remise commerciale oubliée »');
  });

  it('paginates a long list of lines, repeating the column titles and numbering the pages', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      description: `Prestation n° ${i + 1} — intervention sur site et suivi à distance`,
      quantity: 1,
      unitPriceExclTax: 1000 + i,
      discountPercent: 0,
      lineTotalExclTax: 1000 + i,
    }));
    const exclTax = many.reduce((sum, l) => sum + l.lineTotalExclTax, 0); // 61 770
    const vatAmount = Math.round(exclTax * 19) / 100;
    const pdf = await renderCommercialDocumentPdf({
      ...proforma,
      lines: many,
      totals: { exclTax, vatRatePercent: 19, vatAmount, inclTax: exclTax + vatAmount },
    });
    const pages = await extractPdfPages(pdf);
    const text = pages.join('\n');

    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} / ${pages.length}`);
      expect(page).toContain('PF-2026-0007'); // every page says which document it belongs to
      if (page.includes('Prestation n°')) expect(page).toMatch(/^Désignation/m);
    });
    expect(pages.filter((page) => page.includes('Prestation n°')).length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Prestation n° 60 —');
    expect(text).toContain('61 770,00 DA');
    expect(text).toContain('73 506,30 DA');
    expect(flat(text)).toContain('soixante-treize mille cinq cent six dinars algériens et trente centimes');
  });

  it('prints an Arabic company name and address in Arabic, words in right-to-left order, digits left to right', async () => {
    const pdf = await renderCommercialDocumentPdf({
      ...proforma,
      buyer: {
        ...buyer,
        companyName: 'مؤسسة النور للتجارة (SARL)',
        address: 'حي 20 أوت 1955، رقم 12، سطيف',
        contactName: 'Samir Haddad — سمير حداد',
      },
      lines: [{ ...lines[0], description: 'Support informatique — دعم تقني' }, lines[1]],
    });
    const text = await extractPdfText(pdf);
    // PDF.js reads each line back in logical order: the words come out as typed only when they
    // were placed right to left, and shaped letters map back to the letters typed.
    expect(text).toContain('مؤسسة النور للتجارة');
    expect(text).toContain('حي 20 أوت 1955، رقم 12، سطيف');
    expect(text).toContain('سمير حداد');
    expect(text).toContain('دعم تقني');
    expect(text).not.toContain('?');
  });

  it('is deterministic: the same document gives the same bytes', async () => {
    const [a, b] = await Promise.all([renderCommercialDocumentPdf(invoice), renderCommercialDocumentPdf(invoice)]);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses figures that do not add up, wrong numbers and invoices without the buyer’s legal ids', async () => {
    await expect(renderCommercialDocumentPdf({ ...invoice, totals: { ...totals, inclTax: totals.inclTax + 1 } })).rejects.toThrow(ZodError);
    await expect(
      renderCommercialDocumentPdf({ ...invoice, lines: [{ ...lines[0], lineTotalExclTax: 1_440_000 }, lines[1]] }),
    ).rejects.toThrow(ZodError);
    await expect(renderCommercialDocumentPdf({ ...invoice, number: 'PF-2026-0042' })).rejects.toThrow(ZodError);
    const withoutNif = { ...invoice, buyer: { ...buyer, nif: null } };
    // @ts-expect-error the input type already refuses it; the schema must too, for job payloads.
    await expect(renderCommercialDocumentPdf(withoutNif)).rejects.toThrow(ZodError);
  });
});
