import { z } from 'zod';
import { seedOptionsSchema } from './sim-seed';
import { failNextSchema, knobsSchema, type SimulatorState } from './sim-state';

export type ControlResponse = { status: number; body: unknown };

const fieldsSchema = z.record(z.string(), z.unknown());
const ok = (body: unknown = { ok: true }): ControlResponse => ({ status: 200, body });

/**
 * `/_control/...`: JSON endpoints to play the technician and steer the simulator. Never slowed,
 * failed or taken down by the knobs, so tests can always reach them.
 */
export function handleControl(state: SimulatorState, method: string, path: string, query: URLSearchParams, body: unknown): ControlResponse {
  const parts = path.split('/').filter(Boolean).slice(1);
  const route = `${method} ${parts.map((part) => (/^\d+$/.test(part) ? ':id' : part)).join('/')}`;
  const numbers = parts.filter((part) => /^\d+$/.test(part)).map(Number);
  const id = numbers[0] ?? 0;
  const entityFilter = query.has('entities_id') ? Number(query.get('entities_id')) : undefined;
  try {
    switch (route) {
      case 'GET state':
        return ok({ knobs: state.knobs, failNext: state.failNext, sessions: state.sessions.size, counts: state.counts() });
      case 'POST knobs':
      case 'PATCH knobs':
        return ok(state.setKnobs(knobsSchema.partial().parse(body)));
      case 'POST fail-next':
        state.failNext = failNextSchema.parse(body);
        return ok();
      case 'POST reset':
        state.reset(body === undefined ? undefined : seedOptionsSchema.partial().parse(body));
        return ok(state.counts());
      case 'POST sessions/expire':
        return ok({ expired: state.sessions.expireAll() });
      case 'GET requests':
        return ok(state.requests);
      case 'DELETE requests':
        state.requests.length = 0;
        return ok();
      case 'GET entities':
        return ok(state.rows('Entity'));
      case 'POST entities': {
        const input = z.object({ name: z.string().min(1), parentId: z.number().int().default(0) }).parse(body);
        return ok(state.addEntity(input.name, input.parentId));
      }
      case 'GET users':
        return ok(
          state.rows('User').map((user) => ({
            ...user,
            emails: state.rows('UserEmail').filter((row) => row.users_id === user.id),
            profiles: state.rows('Profile_User').filter((row) => row.users_id === user.id),
          })),
        );
      case 'GET profile-users':
        return ok(state.rows('Profile_User'));
      case 'GET tickets':
        return ok(state.tickets(entityFilter));
      case 'POST tickets/:id/followups': {
        const input = z.object({ content: z.string(), is_private: z.boolean().default(false) }).parse(body);
        return ok(state.addFollowup(id, input.content, input.is_private));
      }
      case 'POST tickets/:id/solutions': {
        const input = z.object({ content: z.string().min(1) }).parse(body);
        return ok(state.addItem('ITILSolution', { itemtype: 'Ticket', items_id: id, content: input.content }));
      }
      case 'POST tickets/:id/documents': {
        const input = z
          .object({
            fileName: z.string().min(1),
            mime: z.string().min(1),
            base64: z.string(),
            followupId: z.number().int().positive().optional(),
          })
          .parse(body);
        return ok(
          state.addDocument(id, { name: input.fileName, mime: input.mime, bytes: Buffer.from(input.base64, 'base64') }, input.followupId),
        );
      }
      case 'POST tickets/:id/items': {
        const input = z.object({ itemtype: z.string().min(1), items_id: z.number().int().positive() }).parse(body);
        return ok(state.linkItem(id, input.itemtype, input.items_id));
      }
      case 'POST tickets/:id/status':
        state.setTicketStatus(id, z.object({ status: z.number().int().min(1).max(6) }).parse(body).status);
        return ok();
      default:
        return itemRoutes(state, method, parts, body, entityFilter);
    }
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}

function itemRoutes(
  state: SimulatorState,
  method: string,
  parts: string[],
  body: unknown,
  entityFilter: number | undefined,
): ControlResponse {
  const [head, itemtypeName, idPart, action] = parts;
  if (head !== 'items' || itemtypeName === undefined) return { status: 404, body: { error: 'unknown control route' } };
  const itemtype = state.itemtypeOf(itemtypeName);
  const id = Number(idPart);
  if (idPart === undefined) {
    if (method === 'GET') return ok(state.rows(itemtype, entityFilter));
    if (method === 'POST') return ok(state.addItem(itemtype, fieldsSchema.parse(body)));
  } else if (action === undefined) {
    if (method === 'PATCH' || method === 'PUT') {
      state.update(itemtype, id, fieldsSchema.parse(body));
      return ok();
    }
    if (method === 'DELETE') {
      state.purge(itemtype, id);
      return ok();
    }
  } else if (method === 'POST' && action === 'trash') {
    state.trash(itemtype, id);
    return ok();
  } else if (method === 'POST' && action === 'restore') {
    state.restore(itemtype, id);
    return ok();
  }
  return { status: 404, body: { error: 'unknown control route' } };
}
