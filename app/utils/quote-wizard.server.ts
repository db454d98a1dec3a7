import type { z } from 'zod';
import {
  detailFieldNames,
  detailsByService,
  durationField,
  quoteCompanyInput,
  quoteDetailsInput,
  serviceCodeField,
  serviceCodes,
  type ServiceCode,
} from '../../server/sales/quotes/quote-request-schemas';
import { wizardSteps, type WizardStep } from './quote-wizard-steps';

/**
 * The quote wizard's state travels in the form itself (hidden fields carry the other steps'
 * values), so it works without JavaScript and nothing typed is lost when the visitor registers
 * or logs in half-way. Field names are the procedure's input paths (`company.name`, `pcsCount`…),
 * so a refusal's field key lands beside the right input.
 */

export const companyFieldNames = ['name', 'sector', 'employeeRange', 'address', 'phone', 'rc', 'nif', 'nis', 'ai'] as const;

/** The form names each step shows; everything else is carried in hidden fields. */
export const stepFieldNames: Record<WizardStep, readonly string[]> = {
  account: ['firstName', 'lastName', 'email', 'phone', 'password', 'loginEmail', 'loginPassword'],
  company: companyFieldNames.map((f) => `company.${f}`),
  service: ['serviceCode'],
  details: detailFieldNames,
  duration: ['durationMonths'],
  review: [],
};

/** Values the wizard carries between steps (account fields and passwords never are). */
export const carriedFieldNames = [...stepFieldNames.company, 'serviceCode', ...detailFieldNames, 'durationMonths', 'previousQuoteId'];

export function carriedValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(carriedFieldNames.filter((k) => values[k] !== undefined).map((k) => [k, values[k]!]));
}

export const isServiceCode = (value: unknown): value is ServiceCode => serviceCodes.includes(value as ServiceCode);

/** A count as typed: empty is "not given"; anything not a plain number is left for zod to refuse. */
function toCount(value: string | undefined): number | null {
  const text = (value ?? '').trim().replace(/\s/g, '');
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** The procedure's input, from the form's strings. */
export function submitInputFrom(values: Record<string, string>) {
  const company = Object.fromEntries(companyFieldNames.map((f) => [f, values[`company.${f}`] ?? ''])) as Record<
    (typeof companyFieldNames)[number],
    string
  >;
  const previous = Number(values.previousQuoteId);
  return {
    company,
    serviceCode: (values.serviceCode ?? '') as ServiceCode,
    ticketsPerMonth: toCount(values.ticketsPerMonth),
    pcsCount: toCount(values.pcsCount),
    softwareCount: toCount(values.softwareCount),
    description: values.description ?? '',
    // No duration chosen is no number: durationField refuses NaN with the field's own message.
    durationMonths: values.durationMonths ? Number(values.durationMonths) : Number.NaN,
    previousQuoteId: Number.isInteger(previous) && previous > 0 ? previous : null,
  };
}

const issuesByField = (error: z.ZodError, prefix = '') => {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[prefix + issue.path.join('.')] ??= issue.message;
  return out;
};

/** The same checks as the procedure, one step at a time, so the visitor fixes each step in turn. */
export function validateStep(step: WizardStep, values: Record<string, string>): Record<string, string> {
  const input = submitInputFrom(values);
  if (step === 'company') {
    const result = quoteCompanyInput.safeParse(input.company);
    return result.success ? {} : issuesByField(result.error, 'company.');
  }
  if (step === 'service') {
    const result = serviceCodeField.safeParse(input.serviceCode);
    return result.success ? {} : { serviceCode: result.error.issues[0]!.message };
  }
  if (step === 'details') {
    const result = quoteDetailsInput.safeParse(input);
    return result.success ? {} : issuesByField(result.error);
  }
  if (step === 'duration') {
    const result = durationField.safeParse(input.durationMonths);
    return result.success ? {} : { durationMonths: result.error.issues[0]!.message };
  }
  return {};
}

/** The first step holding one of these field errors (where a refused submission sends the visitor). */
export function stepOfErrors(fieldErrors: Record<string, string>): WizardStep {
  for (const step of wizardSteps) if (stepFieldNames[step].some((f) => f in fieldErrors)) return step;
  return 'review';
}

/** A service changed: the details the visitor never saw for it are dropped, not refused later. */
export function keepDetailsOfService(values: Record<string, string>): Record<string, string> {
  if (!isServiceCode(values.serviceCode)) return values;
  const wanted = detailsByService[values.serviceCode];
  return Object.fromEntries(Object.entries(values).filter(([k]) => !detailFieldNames.includes(k as never) || wanted.includes(k as never)));
}

export { detailsByService };
export { employeeRanges, sectors, subscriptionDurations } from '../../server/catalog/catalog-data';

/** Form values from a pre-fill (an earlier request, or the client's company alone). */
export function prefillValues(prefill: {
  company: Record<string, string>;
  previousQuoteId?: number;
  serviceCode?: string;
  ticketsPerMonth?: number | null;
  pcsCount?: number | null;
  softwareCount?: number | null;
  description?: string | null;
  durationMonths?: number;
}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(prefill.company)) if (v) values[`company.${k}`] = v;
  const rest = { ...prefill, company: undefined };
  for (const [k, v] of Object.entries(rest))
    if (v !== undefined && v !== null && k !== 'company' && k !== 'reference') values[k] = String(v);
  return values;
}
