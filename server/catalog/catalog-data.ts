import catalog from '../../db/seeds/catalog.json';

/**
 * The reference lists of the catalog (copied from the domain's catalog.json into the repo so that
 * the product never reads ../shared at run time). Services and tiers live in the database, where
 * the back-office edits them; these lists are fixed.
 */
export const sectors: readonly string[] = catalog.sectors_fr;
export const employeeRanges: readonly string[] = catalog.employee_ranges;
export const subscriptionDurations: readonly number[] = catalog.subscription_durations_months;
export const vatRatePercent: number = catalog.vat_rate_percent;
export const proformaValidityDays: number = catalog.proforma_validity_days_default;
export { catalog as catalogSeed };
