import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../../server/trpc/context';
import { appRouter } from '../../server/trpc/root-router';
import { logger } from '../../server/logger';

/** The tRPC HTTP endpoint, for interactive widgets using @trpc/client. */
function handle({ request }: LoaderFunctionArgs | ActionFunctionArgs) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext(request, resHeaders),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'procedure failed');
    },
  });
}

export const loader = handle;
export const action = handle;
