/** fr texts of the billing screens, merged into the fr resources (app/i18n/fr.ts). */
export const billingFr = {};
