/** en texts of the billing screens, merged into the en resources (app/i18n/en.ts). */
export const billingEn = {};
