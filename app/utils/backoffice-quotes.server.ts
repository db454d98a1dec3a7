/** Server-only values the back-office quote pages need in their loaders (never in the browser bundle). */
export { listQuoteRequestsInput, quoteSorts } from '../../server/sales/quotes/quote-request-schemas';
export { quoteStatuses } from '../../server/sales/pipeline-states';
export { callOutcomes } from '../../server/db/models/quote-call';
