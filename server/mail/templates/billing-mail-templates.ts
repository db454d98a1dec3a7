/** Mail templates of the billing screens (see define-template.ts). */
export const billingMailTemplates = {};
