import { z } from 'zod';
import { employeeRanges, sectors, subscriptionDurations } from '../../catalog/catalog-data';
import { callOutcomes } from '../../db/models/quote-call';
import { quoteStatuses } from '../pipeline-states';
import { legalIdFields, phoneField, recordId, singleLineText } from '../../validation/fields';

/** The quote form's inputs; every message is an i18n key shown beside its field. */

export const serviceCodes = ['support', 'management', 'full'] as const;
export type ServiceCode = (typeof serviceCodes)[number];

/** What each service needs to be priced and understood (catalog.json: priced_by). */
export const detailsByService: Record<ServiceCode, readonly ('ticketsPerMonth' | 'description' | 'pcsCount' | 'softwareCount')[]> = {
  support: ['ticketsPerMonth', 'description'],
  management: ['pcsCount', 'softwareCount'],
  full: ['ticketsPerMonth', 'description', 'pcsCount', 'softwareCount'],
};
export const detailFieldNames = ['ticketsPerMonth', 'description', 'pcsCount', 'softwareCount'] as const;

export const maxQuantity = 10_000;

/** A count typed by a person: an integer from 0 to 10,000, or absent. */
const countField = z
  .number({ error: 'validation.integer' })
  .int('validation.integer')
  .min(0, 'validation.quantityRange')
  .max(maxQuantity, 'validation.quantityRange')
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const listChoice = (values: readonly string[]) =>
  z
    .string({ error: 'validation.required' })
    .min(1, 'validation.required')
    .refine((v) => v === '' || values.includes(v), 'validation.choice');

export const quoteCompanyInput = z.object({
  name: singleLineText(200),
  sector: listChoice(sectors),
  employeeRange: listChoice(employeeRanges),
  address: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
  phone: phoneField,
  ...legalIdFields,
});

export const serviceCodeField = z.enum(serviceCodes, { error: 'validation.serviceRequired' });

export const durationField = z
  .number({ error: 'validation.durationRequired' })
  .refine((v) => subscriptionDurations.includes(v), 'validation.durationRequired');

const detailsSchema = z.object({
  ticketsPerMonth: countField,
  pcsCount: countField,
  softwareCount: countField,
  description: z
    .string()
    .trim()
    .max(4000, 'validation.tooLong')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

type Details = z.output<typeof detailsSchema>;

/** Details must be those of the chosen service: the needed ones present, the others absent. */
function checkDetailsFitService(value: Details & { serviceCode: ServiceCode }, ctx: z.RefinementCtx) {
  const needed = detailsByService[value.serviceCode];
  for (const field of detailFieldNames) {
    const present = value[field] !== null;
    if (needed.includes(field) && !present) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    if (!needed.includes(field) && present) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.detailsDoNotFitService' });
  }
}

/** Service and details only: the wizard checks this step before moving on. */
export const quoteDetailsInput = z.object({ serviceCode: serviceCodeField, ...detailsSchema.shape }).superRefine(checkDetailsFitService);

export const submitQuoteRequestInput = z
  .object({
    company: quoteCompanyInput,
    serviceCode: serviceCodeField,
    ...detailsSchema.shape,
    durationMonths: durationField,
    /** The earlier request this one was pre-filled from ("request again", "renew"). */
    previousQuoteId: recordId.nullable().optional(),
  })
  .superRefine(checkDetailsFitService);

export type SubmitQuoteRequestInput = z.infer<typeof submitQuoteRequestInput>;

export const estimateInput = z.object({
  serviceCode: serviceCodeField,
  ticketsPerMonth: countField,
  pcsCount: countField,
});

export const quoteSorts = ['date_desc', 'date_asc', 'company_asc', 'company_desc', 'status_asc'] as const;

export const listQuoteRequestsInput = z.object({
  status: z.enum(quoteStatuses).optional(),
  search: z.string().trim().max(200, 'validation.tooLong').optional(),
  sort: z.enum(quoteSorts).default('date_desc'),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export const quoteIdInput = z.object({ quoteId: recordId });

export const logQuoteCallInput = z.object({
  quoteId: recordId,
  outcome: z.enum(callOutcomes, { error: 'validation.callOutcome' }),
  note: z
    .string()
    .trim()
    .max(4000, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});
