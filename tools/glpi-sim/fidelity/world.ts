import { request as httpRequest } from 'node:http';
import { startGlpiSimulator, type GlpiSimulator } from '../glpi-simulator';
import type { Fixture } from './fixtures';

export type RawResponse = { status: number; headers: Record<string, string>; rawNames: string[]; body: unknown };

/** node:http rather than fetch: fetch refuses a GET with a body, and hides the case of header names. */
export function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        maxHeaderSize: 1 << 20,
        headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: compared as a string.
          }
          const names = res.rawHeaders.filter((_, index) => index % 2 === 0);
          const values: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers))
            values[key] = Array.isArray(value) ? value.join(', ') : String(value ?? '');
          resolve({ status: res.statusCode ?? 0, headers: values, rawNames: names, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * The simulator seeded like the recorded server: Client Alpha (1), Beta (2), Gamma (3) and Bulk Load
 * (4) under the root entity, their users 7-10, 1,200 bulk computers in Bulk Load, and the handful of
 * items the fixtures act upon (a purged computer, three trashed ones, a ticket with HTML content…).
 */
export type World = {
  sim: GlpiSimulator;
  api(method: string, path: string, body?: unknown, token?: string): Promise<RawResponse>;
  /** A session of the API account, or of a recorded user: `alpha` (Self-Service on Client Alpha) or `tech`. */
  openSession(as?: WorldUser): Promise<string>;
  ids: Record<string, number>;
};

export type WorldUser = 'alpha' | 'tech';
/** API tokens of the recorded server's other users, set on the simulator's users with the same ids. */
const userTokens: Record<WorldUser, { userId: number; token: string }> = {
  alpha: { userId: 7, token: 'fidelity-alpha-user-token' },
  tech: { userId: 4, token: 'fidelity-tech-user-token' },
};

export async function createWorld(bulkFixture: Fixture | undefined): Promise<World> {
  const sim = await startGlpiSimulator({
    appToken: 'fidelity-app-token',
    appTokenRequired: false,
    seed: {
      seed: 7,
      entities: 0,
      parentEntityName: null,
      assets: 400,
      tickets: 300,
      namedEntities: ['Client Alpha', 'Client Beta', 'Client Gamma', 'Bulk Load'],
      referenceDate: '2026-11-29T00:00:00Z',
    },
  });
  let adminToken = '';
  const api = (method: string, path: string, body?: unknown, token = adminToken) =>
    send(
      `${sim.url}${path}`,
      method,
      { 'Session-Token': token, 'Content-Type': 'application/json' },
      body === undefined ? undefined : JSON.stringify(body),
    );
  const openSession = async (as?: WorldUser) => {
    const userToken = as === undefined ? sim.userToken : userTokens[as].token;
    const response = await send(`${sim.url}/initSession`, 'GET', { Authorization: `user_token ${userToken}` });
    const body = response.body as { session_token: string };
    return body.session_token;
  };
  adminToken = await openSession();
  const { state } = sim;
  for (const { userId, token } of Object.values(userTokens)) state.update('User', userId, { api_token: token });
  const created = async (path: string, body: unknown): Promise<number> => {
    const response = await api('POST', path, body);
    const id = (response.body as { id?: unknown }).id;
    if (response.status !== 201 || typeof id !== 'number') throw new Error(`world setup: POST ${path} → ${response.status}`);
    return id;
  };

  if (bulkFixture) await api('POST', '/Computer', bulkFixture.request.body);
  const computers = (entityId: number) => state.rows('Computer', entityId).map((row) => Number(row.id));
  for (const row of state.rows('Computer')) if (row.is_deleted === 1) state.restore('Computer', Number(row.id));
  const alpha = computers(1);
  const at = (list: number[], index: number) => {
    const value = index < 0 ? list[list.length + index] : list[index];
    if (value === undefined) throw new Error('world setup: not enough computers');
    return value;
  };
  // Like the recorded Computer 1-3: the first is assigned to the entity's user, the next two to nobody.
  alpha.slice(0, 3).forEach((id, index) => state.update('Computer', id, { users_id: index === 0 ? 7 : 0 }));
  const ids: Record<string, number> = {
    computerAlpha: at(alpha, 0),
    computerBeta: at(computers(2), 0),
    computerPurged: at(alpha, -1),
    computerTrashed: at(alpha, -2),
    computerRestored: at(alpha, -5),
    computerToTrashA: at(alpha, 5),
    computerToTrashB: at(alpha, 6),
    computerToPurge: at(alpha, 7),
    computerToTrash: at(alpha, 8),
  };
  state.purge('Computer', ids.computerPurged ?? 0);
  for (const index of [-2, -3, -4]) state.trash('Computer', at(alpha, index));
  state.trash('Computer', ids.computerRestored ?? 0);
  state.restore('Computer', ids.computerRestored ?? 0);

  const tickets = (entityId: number) => state.tickets(entityId);
  // Like the recorded ticket 17: two public follow-ups and a private one, the private hidden from Self-Service.
  const publicCount = (ticket: Record<string, unknown>) =>
    (ticket.followups as Array<{ is_private: unknown }>).filter((row) => row.is_private === 0).length;
  const withFollowups = tickets(1).find((ticket) => publicCount(ticket) >= 2);
  const gamma = tickets(3).map((ticket) => Number(ticket.id));
  ids.ticketWithFollowups = Number(withFollowups?.id);
  ids.ticketBeta = Number(tickets(2)[0]?.id);
  ids.ticketPurged = at(gamma, -1);
  ids.ticketTrashed = at(gamma, -2);
  ids.ticketToPurge = at(gamma, -3);
  ids.ticketToTrash = at(gamma, -4);
  ids.ticketBulkA = at(gamma, 0);
  ids.ticketBulkB = at(gamma, 1);
  state.purge('Ticket', ids.ticketPurged ?? 0);
  state.trash('Ticket', ids.ticketTrashed ?? 0);

  ids.ticketCafe = await created('/Ticket', {
    input: {
      name: 'Café machine & <printer> "B2" offline',
      content: '<p>Hello team,</p><p>The printer near the café is offline since 08:00 &amp; shows error <b>E-52</b>.</p>',
      entities_id: 1,
      type: 1,
      urgency: 4,
      impact: 3,
      itilcategories_id: 5,
      _users_id_requester: 7,
    },
  });
  await created('/ITILFollowup', {
    input: { itemtype: 'Ticket', items_id: ids.ticketCafe, content: '<p>Technician will check at 14:00.</p>', is_private: 0 },
  });
  await created(`/Ticket/${ids.ticketCafe}/ITILFollowup`, {
    input: { itemtype: 'Ticket', items_id: ids.ticketCafe, content: '<p>Private note</p>', is_private: 1 },
  });
  // Like the recorded ticket 1: one computer linked to it.
  ids.ticketWithItem = await created('/Ticket', { input: { name: 'Écran noir', content: '<p>x</p>', entities_id: 1 } });
  await created('/Item_Ticket', { input: { tickets_id: ids.ticketWithItem, itemtype: 'Computer', items_id: ids.computerAlpha } });
  ids.ticketClosed = await created('/Ticket', {
    input: { name: 'Closed at creation', content: '<p>x</p>', entities_id: 3, status: 6, date: '2025-12-31 09:00:00' },
  });
  ids.ticketTwoRequesters = await created('/Ticket', {
    input: { name: 'Shared printer offline', content: '<p>Two</p>', entities_id: 1, _users_id_requester: [7, 5], _users_id_assign: [4, 2] },
  });
  await created('/User', {
    input: {
      name: 'alpha.user',
      password: 'Passw0rd!Alpha',
      password2: 'Passw0rd!Alpha',
      realname: 'Alvarez',
      firstname: 'Anna',
      entities_id: 1,
      _useremails: ['alpha.user@alpha.example.com'],
    },
  });
  ids.profileUserToPurge = await created('/Profile_User', { input: { users_id: 8, profiles_id: 1, entities_id: 2, is_recursive: 0 } });
  ids.entityToPurge = state.addEntity('Temp Entity', 0).id;
  const licensed = new Set(state.rows('SoftwareLicense').map((row) => row.softwares_id));
  ids.softwareWithoutLicense = Number(state.rows('Software').find((row) => !licensed.has(row.id))?.id);
  return { sim, api, openSession, ids };
}
