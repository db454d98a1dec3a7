export const roles = ['client', 'commercial', 'admin'] as const;
export type Role = (typeof roles)[number];
/**
 * What a client user may do for their company (docs/decisions/110-company-roles.md): the manager
 * everything (billing, documents, every ticket, dashboards, the team); a member their own tickets
 * and the park read-only; billing the documents and payments only.
 */
export const companyRoles = ['manager', 'member', 'billing'] as const;
export type CompanyRole = (typeof companyRoles)[number];

/** Who opens tickets, and so has a GLPI account in the company's entity. */
export const ticketRoles: readonly CompanyRole[] = ['manager', 'member'];
/** Who receives the company's documents (pro-formas, invoices, payments, subscription). */
export const billingRoles: readonly CompanyRole[] = ['manager', 'billing'];
