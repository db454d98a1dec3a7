import { z } from 'zod';
import { GlpiRequestError, GlpiSchemaError } from './glpi-errors';
import { decodeGlpiHtml } from './glpi-html';
import type { GlpiResponse } from './glpi-http';
import {
  addedBulkSchema,
  addedSchema,
  updatedSchema,
  writeSchemas,
  type CreateInput,
  type UpdateInput,
  type WritableItemtype,
} from './glpi-schemas';
import type { GlpiSession } from './glpi-session';

export type CreateResult = { index: number; ok: true; id: number; message: string } | { index: number; ok: false; message: string };
export type UpdateResult = { id: number; ok: true } | { id: number; ok: false; message: string };

const partialSchema = z.tuple([z.string(), z.unknown()]);

function parseBody<S extends z.ZodType>(label: string, schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new GlpiSchemaError(label, parsed.error.issues, null);
  return parsed.data;
}

const message = (text: string | null) => decodeGlpiHtml(text ?? '');

/**
 * POST `{"input": {...}}` (single) or `{"input": [...]}` (bulk). A bulk call answers 201 when all
 * items were added, 207 `["ERROR_GLPI_PARTIAL_ADD", [...]]` when some were, 400 with the same array
 * when none were (post_Ticket_bulk_partial_failure); each item's result is reported in input order.
 */
export async function createItems<T extends WritableItemtype>(
  session: GlpiSession,
  itemtype: T,
  inputs: Array<CreateInput<T>>,
  options: { single: boolean },
): Promise<CreateResult[]> {
  const schema: z.ZodType = writeSchemas[itemtype].create;
  const payload = inputs.map((input) => schema.parse(input));
  if (payload.length === 0) return [];
  let response: GlpiResponse;
  try {
    response = await session.request({ method: 'POST', path: `/${itemtype}`, body: { input: options.single ? payload[0] : payload } });
  } catch (error) {
    if (!options.single && error instanceof GlpiRequestError && Array.isArray(error.detail)) {
      return toCreateResults(parseBody(itemtype, addedBulkSchema, error.detail));
    }
    throw error;
  }
  if (options.single) {
    const added = parseBody(itemtype, addedSchema, response.body);
    return [{ index: 0, ok: true, id: added.id, message: message(added.message) }];
  }
  const body = response.status === 207 ? parseBody(itemtype, partialSchema, response.body)[1] : response.body;
  const results = toCreateResults(parseBody(itemtype, addedBulkSchema, body));
  if (results.length !== inputs.length) {
    throw new GlpiSchemaError(
      itemtype,
      [{ code: 'custom', path: [], message: `${results.length} results for ${inputs.length} inputs`, input: body }],
      null,
    );
  }
  return results;
}

function toCreateResults(rows: z.output<typeof addedBulkSchema>): CreateResult[] {
  return rows.map((row, index) =>
    row.id === false ? { index, ok: false, message: message(row.message) } : { index, ok: true, id: row.id, message: message(row.message) },
  );
}

/**
 * PUT answers `[{"<id>": true, "message": ""}]`. GLPI silently leaves unknown ids out of a bulk
 * answer, so they are reported here as failures rather than lost.
 */
export async function updateItems<T extends WritableItemtype>(
  session: GlpiSession,
  itemtype: T,
  changes: Array<{ id: number; input: UpdateInput<T> }>,
  options: { single: boolean },
): Promise<UpdateResult[]> {
  const schema: z.ZodType = writeSchemas[itemtype].update;
  const payload = changes.map((change) => ({ id: change.id, input: schema.parse(change.input) as Record<string, unknown> }));
  const [first] = payload;
  if (first === undefined) return [];
  let body: unknown;
  try {
    const response = options.single
      ? await session.request({ method: 'PUT', path: `/${itemtype}/${first.id}`, body: { input: first.input } })
      : await session.request({
          method: 'PUT',
          path: `/${itemtype}`,
          body: { input: payload.map((change) => ({ ...change.input, id: change.id })) },
        });
    body = response.status === 207 ? parseBody(itemtype, partialSchema, response.body)[1] : response.body;
  } catch (error) {
    if (!options.single && error instanceof GlpiRequestError && Array.isArray(error.detail)) body = error.detail;
    else throw error;
  }
  const rows = parseBody(itemtype, updatedSchema, body);
  const outcome = new Map<number, UpdateResult>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'message' || !/^\d+$/.test(key)) continue;
      const id = Number(key);
      outcome.set(
        id,
        value === true
          ? { id, ok: true }
          : { id, ok: false, message: message(typeof row.message === 'string' ? row.message : null) || 'refused' },
      );
    }
  }
  return payload.map((change) => outcome.get(change.id) ?? { id: change.id, ok: false, message: 'not found' });
}
