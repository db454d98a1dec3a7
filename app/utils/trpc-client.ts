import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../../server/trpc/root-router';

/** The server's maxBatchSize (server/http/trpc-endpoint.ts): a larger batch would be refused whole. */
const maxItems = 10;

/** For interactive widgets in the browser: the same procedures as the loaders, over /api/trpc. */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems })],
});
