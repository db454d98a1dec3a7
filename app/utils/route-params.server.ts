import { recordIdParam } from '../../server/validation/fields';

/** A route's record id, or a 404: an id no table can hold names a page that does not exist. */
export function idParam(value: string | undefined): number {
  const id = recordIdParam.safeParse(value);
  if (!id.success) throw new Response('Not found', { status: 404 });
  return id.data;
}

/** `/portal/tickets/123` is GLPI's ticket 123; `/portal/tickets/outbox-45` a ticket GLPI has not numbered yet. */
export function ticketParam(value: string | undefined): { glpiId: number } | { outboxId: number } {
  const outbox = value?.startsWith('outbox-') ?? false;
  const id = idParam(outbox ? value!.slice('outbox-'.length) : value);
  return outbox ? { outboxId: id } : { glpiId: id };
}
