/** fr texts of the sales screens, merged into the fr resources (app/i18n/fr.ts). */
export const salesFr = {};
