import { companySorts } from '../../server/backoffice/list-companies';
import { companySubscriptionStates } from '../../server/backoffice/subscription-state';

/** Server-only values the back-office client pages need in their loaders (never in the browser bundle). */
export { listCompaniesInput } from '../../server/backoffice/list-companies';
export const companyListFilters = { states: companySubscriptionStates, sorts: companySorts };
