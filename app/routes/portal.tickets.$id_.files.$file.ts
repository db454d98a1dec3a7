import type { LoaderFunctionArgs } from '@remix-run/node';
import { orNotFound, signedInPage } from '~/utils/page-access.server';
import { fileResponse } from '~/utils/billing.server';
import { ticketParam } from '~/utils/route-params.server';

/**
 * A file of a ticket: a technician's (fetched from GLPI by the worker) or the client's own upload.
 * Always downloaded, never rendered in our pages: GLPI's files are whatever a technician attached.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api } = await signedInPage(request, context);
  const ticket = ticketParam(params.id);
  if (!/^[go][1-9][0-9]{0,11}$/.test(params.file ?? '')) throw new Response('Not found', { status: 404 });
  const file = await orNotFound(api.portal.tickets.file({ ticket, file: params.file! }));
  return fileResponse(file, 'attachment');
}
