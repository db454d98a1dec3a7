import { Op } from 'sequelize';
import { z } from 'zod';
import { translator } from '../../../shared/i18n/i18n';
import type { Locale } from '../../../shared/i18n/locales';
import { Invoice, PaymentMethod } from '../../db/models';
import { AppError } from '../../errors';
import { addDays, algiersDate, algiersMidnight, daysBetween } from '../../calendar/algiers-calendar';

export const invoicesCsvInput = z.object({
  /** Algiers calendar days of the invoice date, both included. */
  from: z.iso.date('validation.admin.date'),
  to: z.iso.date('validation.admin.date'),
});

/** French Excel reads `;`-separated UTF-8 with a BOM, and decimal commas: 1234,50. */
const bom = '\uFEFF';
const separator = ';';

export function frenchDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const frenchDate = (instant: Date) => algiersDate(instant).split('-').reverse().join('/');

/** Quotes a field when needed; a text a client typed that starts like a formula is defused (CSV injection). */
function textField(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The invoices of a period for the accountant: one line per invoice, amounts as stored (centimes). */
export async function invoicesCsv(input: z.infer<typeof invoicesCsvInput>, locale: Locale) {
  if (input.to < input.from) throw new AppError('BAD_INPUT', 'validation.admin.periodOrder', { field: 'to' });
  if (daysBetween(input.from, input.to) > 3 * 366) throw new AppError('BAD_INPUT', 'validation.admin.periodTooLong', { field: 'to' });
  const [invoices, methods] = await Promise.all([
    Invoice.findAll({
      where: { createdAt: { [Op.gte]: algiersMidnight(input.from), [Op.lt]: algiersMidnight(addDays(input.to, 1)) } },
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    PaymentMethod.findAll(),
  ]);
  const methodName = new Map(methods.map((m) => [m.code, locale === 'en' ? m.nameEn : m.nameFr]));
  const t = translator(locale);
  const header = ['number', 'date', 'client', 'nif', 'exclTax', 'vat', 'inclTax', 'paymentMethod', 'paidDate'].map((k) =>
    textField(t(`admin.exports.columns.${k}`)),
  );
  const lines = invoices.map((inv) =>
    [
      textField(inv.number),
      frenchDate(inv.createdAt),
      textField(inv.buyer.companyName),
      textField(inv.buyer.nif),
      frenchDecimal(Number(inv.totalExclTaxCents)),
      frenchDecimal(Number(inv.vatCents)),
      frenchDecimal(Number(inv.totalInclTaxCents)),
      textField(methodName.get(inv.paymentMethod) ?? inv.paymentMethod),
      inv.paidAt ? frenchDate(inv.paidAt) : '',
    ].join(separator),
  );
  return {
    filename: `${t('admin.exports.filePrefix')}-${input.from}-${input.to}.csv`,
    count: invoices.length,
    csv: bom + [header.join(separator), ...lines].join('\r\n') + '\r\n',
  };
}
