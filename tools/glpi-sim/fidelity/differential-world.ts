import { createdId, createdIds, type ApiClient } from './api-client';

/**
 * One small world, built through the API only, the same way in the simulator and in a real GLPI:
 * client entity A (computers, a monitor, an OS row, warranties, dropdowns, tickets in every status,
 * public and private follow-ups, a Self-Service user with an API token of their own) and entity B
 * (computers only: no ticket). Names carry a tag so that other test files sharing the real GLPI
 * never meet these rows. Ids differ between the two servers; probes use `ids` and names.
 */
export type DiffWorld = {
  api: ApiClient;
  tag: string;
  /** Session of the API account (Super-Admin, root, recursive); probes switch its active entity. */
  admin: string;
  /** Session of the Self-Service user, opened with their own token. */
  self: string;
  /** Session of a second Self-Service user whose default entity was never set. */
  noDefault: string;
  ids: Record<string, number>;
  /** The second a bulk PUT stamped on the 30 computers it changed. */
  bulkPutSecond: string;
  /** Names of the rows probes compare as sets. */
  names: Record<'putGroup' | 'futureTie' | 'aTickets' | 'selfTickets', string[]>;
};

/** Enough rows, with distinct date_mod values, for MariaDB to read small pages through the date_mod index. */
const computersInA = 2000;
const futureTieSecond = '2031-03-04 05:06:07';
export const oldSecond = '2026-01-02 03:04:05';
const ticketStatuses = [1, 2, 3, 4, 5, 6] as const;

export async function buildWorld(api: ApiClient, userToken: string, tag: string): Promise<DiffWorld> {
  const admin = await api.login(userToken);
  const post = async (path: string, input: unknown) =>
    createdId(await api.call('POST', path, { session: admin, body: { input } }), `POST ${path}`);
  const postMany = async (path: string, input: unknown[]) =>
    createdIds(await api.call('POST', path, { session: admin, body: { input } }), `POST ${path}`);
  const ids: Record<string, number> = {};
  ids.A = await post('/Entity', { name: `Diff ${tag} A`, entities_id: 0 });
  ids.B = await post('/Entity', { name: `Diff ${tag} B`, entities_id: 0 });
  // A session sees an entity created after it opened only once it switches again (GLPI-API.md).
  await api.call('POST', '/changeActiveEntities', { session: admin, body: { entities_id: 0, is_recursive: true } });

  const makers = await postMany(
    '/Manufacturer',
    [1, 2, 3].map((n) => ({ name: `Diff ${tag} maker ${n}` })),
  );
  const systems = await postMany(
    '/OperatingSystem',
    [1, 2].map((n) => ({ name: `Diff ${tag} OS ${n}` })),
  );
  makers.forEach((id, index) => (ids[`maker${index + 1}`] = id));
  systems.forEach((id, index) => (ids[`os${index + 1}`] = id));
  ids.computerModel = await post('/ComputerModel', { name: `Diff ${tag} model` });
  ids.computerType = await post('/ComputerType', { name: `Diff ${tag} type` });
  ids.monitorModel = await post('/MonitorModel', { name: `Diff ${tag} screen` });
  ids.state = await post('/State', { name: `Diff ${tag} in use`, entities_id: 0, is_recursive: 1 });
  ids.category = await post('/ITILCategory', { name: `Diff ${tag} hardware`, entities_id: 0, is_recursive: 1 });
  ids.site = await post('/Location', { name: `Diff ${tag} site`, entities_id: ids.A });
  ids.floor = await post('/Location', { name: 'Floor 2', entities_id: ids.A, locations_id: ids.site });

  // Computers of A, each a minute older than the previous; the first one fully described.
  const base = Date.parse('2026-06-01T00:00:00Z');
  const computers = await postMany(
    '/Computer',
    Array.from({ length: computersInA }, (_, index) => {
      const stamp = new Date(base - index * 60_000).toISOString().slice(0, 19).replace('T', ' ');
      const rich =
        index === 0
          ? {
              manufacturers_id: ids.maker1,
              computermodels_id: ids.computerModel,
              computertypes_id: ids.computerType,
              states_id: ids.state,
              locations_id: ids.floor,
              serial: `SN-${tag}`,
            }
          : {};
      return { name: pcName(tag, index + 1), entities_id: ids.A, date_mod: stamp, date_creation: stamp, ...rich };
    }),
  );
  ids.pc1 = computers[0] ?? 0;
  ids.pcTrashed = computers[1] ?? 0;
  const futureTie = Array.from({ length: 40 }, (_, index) => `D${tag}-TIE-${String(index + 1).padStart(2, '0')}`);
  await postMany(
    '/Computer',
    futureTie.map((name) => ({ name, entities_id: ids.B, date_mod: futureTieSecond, date_creation: futureTieSecond })),
  );
  ids.monitor = await post('/Monitor', {
    name: `D${tag}-MON-1`,
    entities_id: ids.A,
    monitormodels_id: ids.monitorModel,
    manufacturers_id: ids.maker2,
  });
  ids.os = await post('/Item_OperatingSystem', { itemtype: 'Computer', items_id: ids.pc1, operatingsystems_id: ids.os1 });
  ids.infocom = await post('/Infocom', {
    itemtype: 'Computer',
    items_id: ids.pc1,
    buy_date: '2025-02-03',
    warranty_date: '2025-02-03',
    warranty_duration: 24,
  });
  await post('/Infocom', {
    itemtype: 'Monitor',
    items_id: ids.monitor,
    buy_date: '2025-02-03',
    warranty_date: '2025-02-03',
    warranty_duration: 12,
  });
  await api.call('DELETE', `/Computer/${ids.pcTrashed}`, { session: admin });
  // One request changes 30 computers: one date_mod second for all (a mass action).
  const putGroup = computers.slice(2, 32);
  await api.call('PUT', '/Computer', { session: admin, body: { input: putGroup.map((id) => ({ id, comment: 'mass action' })) } });
  const changed = await api.call('GET', `/Computer/${putGroup[0]}`, { session: admin });
  const bulkPutSecond = String((changed.body as { date_mod?: unknown }).date_mod);

  const login = `diff.${tag}`;
  ids.selfUser = await post('/User', {
    name: login,
    realname: 'Diff',
    firstname: 'Client',
    password: 'Diff-passw0rd!',
    password2: 'Diff-passw0rd!',
    _profiles_id: 1,
    _entities_id: ids.A,
    _is_recursive: 0,
  });
  const selfToken = `diff${tag}token${'0'.repeat(20)}`.slice(0, 40);
  await api.call('PUT', `/User/${ids.selfUser}`, {
    session: admin,
    body: { input: { api_token: selfToken, entities_id: ids.A, profiles_id: 1 } },
  });

  // Tickets in every status; the Self-Service user requests some of them.
  const requested = new Set([1, 2, 5, 6]);
  const tickets = await postMany(
    '/Ticket',
    ticketStatuses.map((status) => ({
      name: `D${tag} status ${status}`,
      content: `<p>Status ${status} & more</p>`,
      entities_id: ids.A,
      status,
      itilcategories_id: ids.category,
      ...(requested.has(status) ? { _users_id_requester: ids.selfUser } : {}),
      ...(status === 2 ? { _users_id_assign: 2 } : {}),
    })),
  );
  ticketStatuses.forEach((status, index) => {
    ids[`ticket${status}`] = tickets[index] ?? 0;
  });
  // Closed at creation (never taken into account) and open, both last changed long ago.
  ids.closedUntaken = await post('/Ticket', {
    name: `D${tag} imported closed`,
    content: 'x',
    entities_id: ids.A,
    status: 6,
    date: oldSecond,
    date_mod: oldSecond,
  });
  ids.openOld = await post('/Ticket', {
    name: `D${tag} open, old`,
    content: 'y',
    entities_id: ids.A,
    date: oldSecond,
    date_mod: oldSecond,
  });
  const followup = (ticket: number, content: string, isPrivate = 0) =>
    post('/ITILFollowup', { itemtype: 'Ticket', items_id: ticket, content, is_private: isPrivate });
  ids.publicFollowup = await followup(ids.ticket1 ?? 0, '<p>We are on it</p>');
  ids.privateFollowup = await followup(ids.ticket1 ?? 0, '<p>Internal note</p>', 1);
  await followup(ids.closedUntaken, '<p>Answer on a closed ticket</p>');
  await followup(ids.openOld, '<p>Answer on an open ticket</p>');

  ids.noDefaultUser = await post('/User', { name: `diff.${tag}.nodefault`, _profiles_id: 1, _entities_id: ids.A, _is_recursive: 0 });
  const noDefaultToken = `diff${tag}nodefault${'0'.repeat(20)}`.slice(0, 40);
  await api.call('PUT', `/User/${ids.noDefaultUser}`, { session: admin, body: { input: { api_token: noDefaultToken } } });

  const self = await api.login(selfToken);
  const noDefault = await api.login(noDefaultToken);
  return {
    api,
    tag,
    admin,
    self,
    noDefault,
    ids,
    bulkPutSecond,
    names: {
      putGroup: putGroup.map((_, index) => pcName(tag, index + 3)),
      futureTie,
      aTickets: [...ticketStatuses.map((status) => `D${tag} status ${status}`), `D${tag} imported closed`, `D${tag} open, old`],
      selfTickets: [...requested].map((status) => `D${tag} status ${status}`),
    },
  };
}

export function pcName(tag: string, n: number): string {
  return `D${tag}-PC-${String(n).padStart(4, '0')}`;
}
