import { oldSecond, pcName, type DiffWorld } from './differential-world';
import type { ShapeOptions } from './compare';
import { writeAnswerShape } from './differential-compare';
import type { RawResponse } from './world';

/**
 * One request sent to both servers. `scope` switches the admin session first (root = all entities).
 * `project` picks the values that are the point of the probe (an error code, the rows a page holds,
 * a name where an id would be); they must be equal on both. `check` is a rule each answer must meet
 * on its own (the data of the two servers differ around the world: other test files share the real GLPI).
 */
export type Probe = {
  name: string;
  as?: 'admin' | 'self' | 'noDefault' | 'nobody';
  scope?: 'root' | 'A' | 'B';
  method?: string;
  path: (w: DiffWorld) => string;
  body?: (w: DiffWorld) => unknown;
  headers?: Record<string, string>;
  project?: (answer: RawResponse, w: DiffWorld) => unknown;
  check?: (answer: RawResponse, w: DiffWorld) => string | null;
  shape?: ShapeOptions;
};

type Row = Record<string, unknown>;
const rows = (answer: RawResponse): Row[] => (Array.isArray(answer.body) ? (answer.body as Row[]) : []);
const sortedNames = (answer: RawResponse) =>
  rows(answer)
    .map((row) => String(row.name))
    .sort();
const total = (answer: RawResponse) => Number(/\/(\d+)$/.exec(answer.headers['content-range'] ?? '')?.[1] ?? 0);
const searchNames = (answer: RawResponse) => ((answer.body as { data?: Row[] }).data ?? []).map((row) => String(row['1'])).sort();
const first = (answer: RawResponse): Row => rows(answer)[0] ?? (answer.body as Row);
const byDateDesc = 'sort=date_mod&order=DESC&get_hateoas=false';

export const readProbes: Probe[] = [
  // Lists sorted by date_mod with tied seconds.
  {
    name: 'a page holding exactly a tied second (40 rows dated in the future)',
    scope: 'root',
    path: () => `/Computer?range=0-39&${byDateDesc}`,
    project: sortedNames,
  },
  {
    name: 'the page after it',
    scope: 'root',
    path: () => `/Computer?range=40-41&${byDateDesc}`,
    project: (answer, w) => rows(answer).every((row) => !w.names.futureTie.includes(String(row.name))),
  },
  {
    name: 'the 30 rows of one bulk PUT, one second',
    scope: 'A',
    path: () => `/Computer?range=0-29&${byDateDesc}`,
    project: sortedNames,
    check: (answer, w) =>
      rows(answer).every((row) => row.date_mod === w.bulkPutSecond) ? null : 'rows of another second in the bulk PUT page',
  },
  {
    name: 'the rows after the bulk PUT, each its own second',
    scope: 'A',
    path: () => `/Computer?range=30-34&${byDateDesc}`,
    project: (answer) => rows(answer).map((row) => row.name),
  },
  { name: 'a list with the default HATEOAS links', scope: 'A', path: () => '/Computer?range=0-1&sort=name&order=ASC' },
  { name: 'only ids', scope: 'A', path: () => '/Computer?range=0-4&only_id=true' },
  // expand_dropdowns
  {
    name: 'a computer with expand_dropdowns',
    scope: 'A',
    path: (w) => `/Computer/${w.ids.pc1}?expand_dropdowns=true`,
    project: (answer) =>
      pick(first(answer), [
        'manufacturers_id',
        'computermodels_id',
        'computertypes_id',
        'states_id',
        'locations_id',
        'users_id',
        'groups_id',
      ]),
  },
  {
    name: 'Item_OperatingSystem without expand_dropdowns',
    scope: 'A',
    path: () => '/Item_OperatingSystem?range=0-9',
    project: (answer) => typeof first(answer).items_id,
  },
  {
    name: 'Item_OperatingSystem with expand_dropdowns: items_id is the asset name',
    scope: 'A',
    path: () => '/Item_OperatingSystem?range=0-9&expand_dropdowns=true',
    project: (answer) => pick(first(answer), ['items_id', 'operatingsystems_id']),
  },
  {
    name: 'Infocom with expand_dropdowns: items_id is the asset name',
    scope: 'A',
    path: () => '/Infocom?range=0-9&sort=id&expand_dropdowns=true',
    project: (answer) =>
      rows(answer)
        .map((row) => row.items_id)
        .sort(),
  },
  { name: 'tickets with expand_dropdowns', scope: 'A', path: () => '/Ticket?range=0-2&sort=id&expand_dropdowns=true' },
  { name: 'a ticket with its links', scope: 'A', path: (w) => `/Ticket/${w.ids.ticket2}` },
  {
    name: "a ticket's actors",
    scope: 'A',
    path: (w) => `/Ticket/${w.ids.ticket2}/Ticket_User`,
    project: (answer) =>
      rows(answer)
        .map((row) => row.type)
        .sort(),
  },
  { name: 'follow-ups by date_mod, private ones included', scope: 'root', path: () => '/ITILFollowup?range=0-1&sort=date_mod&order=DESC' },
  // (A page smaller than this world's own follow-ups: the real GLPI is shared with other test files, and this list is server-wide.)
  {
    name: 'the active entities of the API account',
    scope: 'A',
    path: () => '/getActiveEntities',
    project: (answer, w) =>
      (answer.body as { active_entity: { id: number; active_entity_recursive: unknown } }).active_entity.id === w.ids.A,
  },
  // Trash
  { name: 'the trash alone (is_deleted=true)', scope: 'A', path: () => '/Computer?range=0-9&is_deleted=true', project: sortedNames },
  // searchText
  {
    name: 'searchText anchored at the start',
    scope: 'A',
    path: (w) => `/Computer?range=0-99&get_hateoas=false&searchText[name]=${encodeURIComponent(`^${pcName(w.tag, 1).slice(0, -1)}`)}`,
    project: sortedNames,
  },
  {
    name: 'searchText anchored at both ends on a datetime',
    scope: 'A',
    path: (w) => `/Computer?range=0-99&get_hateoas=false&searchText[date_mod]=${encodeURIComponent(`^${w.bulkPutSecond}$`)}`,
    project: sortedNames,
  },
  { name: 'searchText NULL', scope: 'A', path: () => '/Computer?range=0-0&searchText[serial]=NULL', project: total },
  {
    name: 'searchText on a column that does not exist (an SQL error)',
    scope: 'A',
    path: () => '/Computer?range=0-0&searchText[no_such_column]=x',
  },
  // Search
  {
    name: 'search with forcedisplay 2 and 19 and a date_mod criterion',
    scope: 'root',
    path: () =>
      `/search/Computer?range=0-99&forcedisplay[0]=2&forcedisplay[1]=19&criteria[0][field]=19&criteria[0][searchtype]=morethan&criteria[0][value]=${encodeURIComponent('2030-01-01 00:00:00')}`,
    project: (answer) => ({
      names: searchNames(answer),
      dates: [...new Set(((answer.body as { data?: Row[] }).data ?? []).map((row) => row['19']))],
    }),
  },
  {
    name: 'ticket search with forcedisplay 2 and 19 and a date_mod criterion',
    scope: 'A',
    path: () =>
      `/search/Ticket?range=0-99&forcedisplay[0]=2&forcedisplay[1]=19&criteria[0][field]=19&criteria[0][searchtype]=morethan&criteria[0][value]=2000-01-01`,
    project: searchNames,
  },
  // Follow-ups
  {
    name: 'GET /ITILFollowup from an entity without tickets',
    scope: 'B',
    path: () => `/ITILFollowup?range=0-0&${byDateDesc}`,
    check: (answer) => (total(answer) >= 4 ? null : `only ${total(answer)} follow-ups listed`),
  },
  {
    name: 'GET /search/ITILFollowup from an entity without tickets',
    scope: 'B',
    path: () => '/search/ITILFollowup?range=0-0',
    check: (answer) => (Number((answer.body as { totalcount?: unknown }).totalcount) >= 4 ? null : 'follow-ups missing'),
  },
  {
    name: "a ticket's follow-ups, private included for the Super-Admin",
    scope: 'A',
    path: (w) => `/Ticket/${w.ids.ticket1}/ITILFollowup`,
    project: (answer) =>
      rows(answer)
        .map((row) => row.is_private)
        .sort(),
  },
  {
    name: 'a closed ticket never taken into account keeps its date_mod after a follow-up',
    scope: 'A',
    path: (w) => `/Ticket/${w.ids.closedUntaken}`,
    project: (answer) => first(answer).date_mod === oldSecond,
  },
  {
    name: 'an open ticket gets a new date_mod from a follow-up',
    scope: 'A',
    path: (w) => `/Ticket/${w.ids.openOld}`,
    project: (answer) => first(answer).date_mod !== oldSecond && first(answer).takeintoaccountdate !== null,
  },
  // Dropdown tables
  ...['Manufacturer', 'OperatingSystem', 'ComputerModel', 'ComputerType', 'MonitorModel', 'State', 'ITILCategory', 'User'].map(
    (itemtype): Probe => ({
      name: `${itemtype} list by date_mod`,
      scope: 'root',
      path: () => `/${itemtype}?range=0-999&sort=date_mod&order=DESC`,
    }),
  ),
  {
    name: 'users seen from another entity: only those with a profile there or above, recursive',
    scope: 'B',
    path: () => '/User?range=0-999&get_hateoas=false',
    project: (answer, w) => ({
      apiAccount: rows(answer).some((row) => row.id === 2),
      clientUser: rows(answer).some((row) => row.id === w.ids.selfUser),
    }),
  },
  {
    name: "dropdowns seen from another entity: root recursive ones yes, another client's no",
    scope: 'B',
    path: () => '/Location?range=0-999&get_hateoas=false',
    project: (answer, w) => rows(answer).filter((row) => String(row.name).includes(w.tag)).length,
  },
  {
    name: 'a root, recursive State seen from a client entity',
    scope: 'B',
    path: () => '/State?range=0-999&get_hateoas=false',
    project: (answer, w) => rows(answer).filter((row) => String(row.name).includes(w.tag)).length,
  },
  {
    name: 'Location list of a client entity',
    scope: 'A',
    path: () => '/Location?range=0-9&expand_dropdowns=true',
    project: (answer) =>
      rows(answer)
        .map((row) => row.completename)
        .sort(),
  },
  { name: 'SoftwareCategory has no date_mod to sort on', scope: 'root', path: () => '/SoftwareCategory?range=0-1&sort=date_mod' },
  // Errors
  { name: 'a bad range', path: () => '/Computer?range=abc' },
  { name: 'a range past the end', scope: 'A', path: () => '/Computer?range=100000-100010' },
  { name: 'an unknown item type', path: () => '/NotAnItemtype?range=0-2' },
  { name: 'an unknown item', path: () => '/Computer/999999999' },
  { name: 'a bad user token', as: 'nobody', path: () => '/initSession', headers: { Authorization: 'user_token not-a-token' } },
  { name: 'no session token', as: 'nobody', path: () => '/getActiveEntities' },
  {
    name: 'an unknown session token',
    as: 'nobody',
    path: () => '/getActiveEntities',
    headers: { 'Session-Token': 'notasessiontoken0000000000' },
  },
  // The Self-Service user's session
  {
    name: "Self-Service: active entity is the user's",
    as: 'self',
    path: () => '/getActiveEntities',
    project: (answer, w) => {
      const active = (
        answer.body as { active_entity: { id: number; active_entity_recursive: unknown; active_entities: Array<{ id: number }> } }
      ).active_entity;
      return [active.id === w.ids.A, active.active_entity_recursive, active.active_entities.map((entity) => entity.id === w.ids.A)];
    },
  },
  {
    name: "Self-Service without a default entity: all its profile's entities, not recursive",
    as: 'noDefault',
    path: () => '/getActiveEntities',
    project: (answer, w) => {
      const active = (answer.body as { active_entity: { id: number; active_entity_recursive: unknown } }).active_entity;
      return [active.id === w.ids.A, active.active_entity_recursive];
    },
  },
  {
    name: 'Self-Service: its entities',
    as: 'self',
    path: () => '/getMyEntities',
    project: (answer) => (answer.body as { myentities: Row[] }).myentities.length,
  },
  {
    name: 'Self-Service: profiles',
    as: 'self',
    path: () => '/getMyProfiles',
    project: (answer) => (answer.body as { myprofiles: Row[] }).myprofiles.map((profile) => [profile.id, profile.name]),
  },
  { name: 'Self-Service: own tickets only', as: 'self', path: () => '/Ticket?range=0-99&get_hateoas=false', project: sortedNames },
  {
    name: 'Self-Service: public follow-ups only',
    as: 'self',
    path: (w) => `/Ticket/${w.ids.ticket1}/ITILFollowup`,
    project: (answer) => rows(answer).map((row) => row.is_private),
  },
  { name: 'Self-Service: no computers', as: 'self', path: () => '/Computer?range=0-4' },
  { name: 'Self-Service: no users', as: 'self', path: (w) => `/User/${w.ids.selfUser}` },
  { name: 'Self-Service: a ticket it does not own', as: 'self', path: (w) => `/Ticket/${w.ids.ticket3}` },
];

/** Writes of the API account, sent after every read probe. */
export const writeProbes: Probe[] = (
  [
    {
      name: 'a bulk POST',
      scope: 'A',
      method: 'POST',
      path: () => '/Computer',
      body: (w) => ({ input: [1, 2].map((n) => ({ name: `D${w.tag}-NEW-${n}` })) }),
    },
    {
      name: 'a bulk PUT with an id that does not exist',
      scope: 'A',
      method: 'PUT',
      path: () => '/Computer',
      body: (w) => ({
        input: [
          { id: w.ids.pc1, comment: 'again' },
          { id: 999_999_999, comment: 'nobody' },
        ],
      }),
      project: (answer) => (answer.body as unknown[]).length,
    },
    {
      name: 'a PUT without input',
      scope: 'A',
      method: 'PUT',
      path: (w) => `/Computer/${w.ids.pc1}`,
      body: () => ({ comment: 'no input key' }),
    },
    { name: 'trashing a computer', scope: 'A', method: 'DELETE', path: (w) => `/Computer/${w.ids.pc1}` },
    {
      name: 'a follow-up on a ticket the API account cannot see',
      scope: 'B',
      method: 'POST',
      path: () => '/ITILFollowup',
      body: (w) => ({ input: { itemtype: 'Ticket', items_id: w.ids.ticket1, content: 'From B' } }),
    },
    {
      name: 'an Infocom for an asset that does not exist',
      scope: 'A',
      method: 'POST',
      path: () => '/Infocom',
      body: () => ({ input: { itemtype: 'Monitor', items_id: 999_999_999, buy_date: '2025-01-01' } }),
    },
  ] satisfies Probe[]
).map((probe) => ({ ...probe, shape: writeAnswerShape }));

function pick(row: Row, keys: string[]): Row {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}
