/** en texts of the sales screens, merged into the en resources (app/i18n/en.ts). */
export const salesEn = {};
