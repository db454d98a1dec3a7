import { recordIdParam } from '../../server/validation/fields';

/** A route's record id, or a 404: an id no table can hold names a page that does not exist. */
export function idParam(value: string | undefined): number {
  const id = recordIdParam.safeParse(value);
  if (!id.success) throw new Response('Not found', { status: 404 });
  return id.data;
}
