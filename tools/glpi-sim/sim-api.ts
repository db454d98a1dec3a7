import { flag, glpiError, json, type SimRequest, type SimResponse } from './sim-http';
import { emptyItemtypes, getItem, getSubItems, listItems } from './sim-read';
import { search } from './sim-search';
import {
  changeActiveEntities,
  checkAppToken,
  findSession,
  getActiveEntities,
  getMyEntities,
  getMyProfiles,
  initSession,
  type AuthOptions,
  type SessionRegistry,
  type SimSession,
} from './sim-sessions';
import { isTemplatedType, type Store, type TemplatedType } from './sim-store';
import { formatGlpiDate } from './sim-text';
import { addItem, deleteItem, updateItem, type WriteContext } from './sim-write';
import { downloadDocument, postDocument, wantsFile } from './sim-documents';

export type ApiContext = { store: () => Store; sessions: SessionRegistry; auth: AuthOptions };

type Body = { ok: true; value: unknown } | { ok: false; response: SimResponse };

function parseBody(request: SimRequest): Body {
  if (request.rawBody.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(request.rawBody) as unknown };
  } catch {
    return { ok: false, response: glpiError(request, 400, 'ERROR_JSON_PAYLOAD_INVALID', 'JSON payload seems not valid') };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function handleApi(ctx: ApiContext, request: SimRequest): SimResponse {
  if (request.method === 'GET' && request.rawBody.trim() !== '') {
    // Refused before the API is initialised, hence the doc URL without a host (error_get_with_json_body).
    return json(400, [
      'ERROR_JSON_PAYLOAD_FORBIDDEN',
      'GET Request should not have json payload (http body); view documentation in your browser at /#ERROR_JSON_PAYLOAD_FORBIDDEN',
    ]);
  }
  const appTokenError = checkAppToken(request, ctx.auth);
  if (appTokenError) return appTokenError;
  const segments = request.path.split('/').filter((segment) => segment !== '');
  const [first] = segments;
  if (first === undefined) {
    return {
      status: 200,
      headers: {},
      body: null,
      rawBody: '<html><body>GLPI simulator API</body></html>',
      contentType: 'text/html; charset=UTF-8',
    };
  }
  if (first === 'initSession') return initSession(request, ctx.auth, ctx.sessions);
  const session = findSession(request, ctx.sessions);
  if ('status' in session) return session;
  const body = parseBody(request);
  if (!body.ok) return body.response;
  const store = ctx.store();
  switch (first) {
    case 'killSession':
      ctx.sessions.kill(session.token);
      return json(200, true);
    case 'changeActiveEntities':
      return changeActiveEntities(request, isObject(body.value) ? body.value : {}, session, ctx.sessions);
    case 'getActiveEntities':
      return getActiveEntities(session);
    case 'getMyEntities':
      return getMyEntities(request, store, session);
    case 'getMyProfiles':
      return getMyProfiles(store, session);
    case 'search': {
      const itemtype = segments[1] ?? '';
      if (!isTemplatedType(itemtype)) return unknownItemtype(request);
      return search(store, session, itemtype, request);
    }
    default:
      return itemRoute(store, session, request, segments, body.value);
  }
}

function unknownItemtype(request: SimRequest): SimResponse {
  return glpiError(request, 400, 'ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM', 'resource not found or not an instance of CommonDBTM');
}

function itemRoute(store: Store, session: SimSession, request: SimRequest, segments: string[], body: unknown): SimResponse {
  const [itemtype = '', idSegment, subtype] = segments;
  const id = idSegment === undefined ? undefined : Number(idSegment);
  if (!isTemplatedType(itemtype)) {
    if (emptyItemtypes.has(itemtype) && request.method === 'GET') {
      return id === undefined
        ? json(200, [], { 'Accept-Range': `${itemtype} 1000` })
        : glpiError(request, 404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
    }
    return unknownItemtype(request);
  }
  if (id !== undefined && !Number.isInteger(id)) return unknownItemtype(request);
  const writer: WriteContext = { store, session, actorUserId: session.userId, stamp: formatGlpiDate(request.receivedAt) };
  switch (request.method) {
    case 'GET':
      if (id === undefined) return listItems(store, session, itemtype, request);
      if (itemtype === 'Document' && subtype === undefined && wantsFile(request)) return downloadDocument(store, session, id, request);
      if (subtype !== undefined) return getSubItems(store, session, itemtype, id, subtype, request);
      return getItem(store, session, itemtype, id, request);
    case 'POST': {
      // POST /Ticket/:id/ITILFollowup works like POST /ITILFollowup (post_Ticket_id_ITILFollowup_subitem_route).
      if (subtype !== undefined && isTemplatedType(subtype) && id !== undefined) {
        return post(writer, request, subtype, body, { itemtype, items_id: id });
      }
      if (itemtype === 'Document' && request.form) return postDocument(writer, request);
      return post(writer, request, itemtype, body, {});
    }
    case 'PUT':
    case 'PATCH':
      return change(request, body, id, 'update', (targetId, input) => updateItem(writer, itemtype, targetId, input));
    case 'DELETE': {
      const purge = flag(request.query, 'force_purge', false);
      const input = body === undefined && id !== undefined ? { input: { id } } : body;
      return change(request, input, id, 'delete', (targetId) => deleteItem(writer, itemtype, targetId, purge));
    }
    default:
      return glpiError(request, 400, 'ERROR', 'Bad Request');
  }
}

function badArray(request: SimRequest): SimResponse {
  return glpiError(request, 400, 'ERROR_BAD_ARRAY', 'input parameter must be an array of objects');
}

function post(
  writer: WriteContext,
  request: SimRequest,
  itemtype: TemplatedType,
  body: unknown,
  defaults: Record<string, unknown>,
): SimResponse {
  const input = isObject(body) ? body.input : undefined;
  if (isObject(input)) {
    const result = addItem(writer, itemtype, { ...defaults, ...input });
    if (!result.ok) return json(400, ['ERROR_GLPI_ADD', result.message]);
    // GLPI sends these two header names in lower case (post_Ticket_single_with_requester, post_Ticket_bulk_input_array).
    return json(201, { id: result.id, message: result.message }, { location: `${request.apiBase}/${itemtype}/${result.id}` });
  }
  if (!Array.isArray(input) || !input.every(isObject)) return badArray(request);
  const results = input.map((item) => addItem(writer, itemtype, { ...defaults, ...item }));
  const body207 = results.map((result) =>
    result.ok ? { id: result.id, message: result.message } : { id: false, message: result.message },
  );
  const succeeded = results.filter((result) => result.ok).length;
  if (succeeded === 0) return json(400, ['ERROR_GLPI_ADD', body207]);
  if (succeeded < results.length) return json(207, ['ERROR_GLPI_PARTIAL_ADD', body207]);
  const link = results.map((result) => (result.ok ? `${request.apiBase}/${itemtype}/${result.id}` : '')).join(',');
  return json(201, body207, { link });
}

type Change = (id: number, input: Record<string, unknown>) => { ok: true } | { ok: false; message: string | null };

/**
 * PUT/PATCH/DELETE as API::updateItems / deleteItems answer them: `[{"<id>": true, "message": ""}]`.
 * A one-object input fails as a whole (400, the message alone; null for an update of an unknown id).
 * An array input counts every failure: all failed → 400, some → 207 with the per-item results, where
 * an update leaves an unknown id out of the array (but still counts it) and a delete lists it as
 * `{"<id>": false, "message": "Item not found"}` (checked on 10.0.12).
 */
function change(request: SimRequest, body: unknown, id: number | undefined, kind: 'update' | 'delete', apply: Change): SimResponse {
  const [errorCode, partialCode] =
    kind === 'update' ? ['ERROR_GLPI_UPDATE', 'ERROR_GLPI_PARTIAL_UPDATE'] : ['ERROR_GLPI_DELETE', 'ERROR_GLPI_PARTIAL_DELETE'];
  const input = isObject(body) ? body.input : undefined;
  if (isObject(input)) {
    const targetId = id ?? Number(input.id);
    const result = apply(targetId, input);
    if (!result.ok) return json(400, [errorCode, result.message]);
    return json(200, [{ [String(targetId)]: true, message: '' }]);
  }
  if (!Array.isArray(input) || !input.every(isObject)) return badArray(request);
  const results: Array<Record<string, unknown>> = [];
  let failed = 0;
  for (const item of input) {
    const targetId = Number(item.id);
    const result = apply(targetId, item);
    if (result.ok) {
      results.push({ [String(targetId)]: true, message: '' });
      continue;
    }
    failed += 1;
    const unknown = kind === 'update' ? result.message === null : result.message === 'Item not found';
    if (!unknown || kind === 'delete') results.push({ [String(targetId)]: false, message: result.message });
  }
  if (failed > 0 && failed === input.length) return json(400, [errorCode, results]);
  if (failed > 0) return json(207, [partialCode, results]);
  return json(200, results);
}
