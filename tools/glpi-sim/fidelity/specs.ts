import type { ShapeOptions } from './compare';
import type { World, WorldUser } from './world';

/**
 * Recorded exchanges the simulator does not reproduce, with the reason. The suite fails when a
 * fixture is neither here nor replayed, so a new recording cannot slip through unchecked.
 */
export const uncovered: Record<string, string> = {
  api_root_inline_doc: 'HTML documentation page',
  changeActiveProfile_4_super_admin: 'changeActiveProfile is not simulated (a session keeps the profile it opened on)',
  changeActiveProfile_not_owned_999: 'changeActiveProfile is not simulated',
  getActiveProfile: "the active profile's rights (bitmasks) are not simulated",
  getActiveProfile_with_app_token: "the active profile's rights (bitmasks) are not simulated",
  getFullSession: 'the 84-key PHP session is not simulated',
  getGlpiConfig: 'GLPI configuration is not simulated',
  getMassiveActions_Ticket: 'massive actions are not simulated',
  getMultipleItems: 'not used by the client',
  getMultipleItems_incl_missing: 'not used by the client',
  get_Computer_id_expand_dropdowns_with_all: 'with_* extras (devices, disks, logs…) are not simulated',
  'get_Profile_id_ProfileRight_range_0-4': 'the Profile item type is not served',
  get_Profile_id_created: 'the Profile item type is not served',
  get_Profile_list_only_id: 'the Profile item type is not served',
  get_Ticket_add_keys_names: 'add_keys_names is not simulated',
  get_Ticket_id_add_keys_names: 'add_keys_names is not simulated',
  get_Ticket_id_Group_Ticket: 'groups on tickets are not simulated',
  get_Ticket_id_Log_subitem: 'history (Log) is not simulated',
  get_Ticket_id_get_sha1: 'get_sha1 is not simulated',
  get_Ticket_id_with_logs_no_hateoas: 'with_logs is not simulated',
  initSession_POST_json_body_login_password: 'login/password auth is not simulated (the client uses user_token)',
  initSession_POST_json_body_wrong_password: 'login/password auth is not simulated',
  initSession_basic_auth_glpi: 'Basic auth is not simulated (the client uses user_token)',
  initSession_basic_auth_no_ticket_rights_user: 'Basic auth is not simulated',
  initSession_basic_auth_self_service_user: 'Basic auth is not simulated',
  initSession_basic_auth_tech_user: 'Basic auth is not simulated',
  initSession_basic_auth_wrong_password: 'Basic auth is not simulated',
  initSession_get_full_session_true: 'the PHP session is not simulated',
  listSearchOptions_Computer: 'search option listing is not simulated',
  listSearchOptions_Ticket: 'search option listing is not simulated',
  listSearchOptions_Ticket_raw: 'search option listing is not simulated',
  post_Profile: 'the Profile item type is not served',
  search_Computer_metacriteria_monitor: 'metacriteria are not simulated',
  search_Ticket_date_mod_morethan_uid_cols: 'uid_cols is not simulated',
  search_Ticket_multi_valued_user_columns_uid_cols: 'uid_cols is not simulated',
  search_Ticket_rawdata: 'rawdata (SQL debug output) is not simulated',
  search_Ticket_status_notold_giveItems: 'giveItems (UI HTML) is not simulated',
  // A profile without any right (the recorded "No Ticket Access", id 9): the simulator knows Super-Admin,
  // Technician (both with every right) and Self-Service only.
  noticket_error_get_Computer_list_403: 'profiles without rights are not simulated',
  noticket_error_get_Ticket_id_403: 'profiles without rights are not simulated',
  noticket_error_get_Ticket_list_403: 'profiles without rights are not simulated',
  noticket_error_post_Ticket: 'profiles without rights are not simulated',
  noticket_error_search_Ticket_403: 'profiles without rights are not simulated',
  noticket_getActiveEntities: 'profiles without rights are not simulated',
  noticket_getMyProfiles: 'profiles without rights are not simulated',
  noticket_listSearchOptions_Ticket: 'profiles without rights are not simulated',
};

export type Scope = { entityId: number; recursive: boolean };

export type Spec = ShapeOptions & {
  /** Whose session replays it (default: the API account, Super-Admin). */
  as?: WorldUser;
  /** Active entity of the replaying session (default: root, recursive, as after login). */
  scope?: Scope;
  path?: (world: World) => string;
  query?: (world: World, original: string) => string;
  body?: (world: World, original: unknown) => unknown;
  headers?: (world: World, token: string) => Record<string, string | undefined>;
  /** Runs in the replaying session first; may return values used by path/body through `world.ids`. */
  before?: (world: World, token: string) => Promise<void>;
};

const alphaOnly: Scope = { entityId: 1, recursive: false };
const id = (name: string) => (world: World) => world.ids[name] ?? -1;
const path =
  (itemtype: string, name: string, suffix = '') =>
  (world: World) =>
    `/${itemtype}/${id(name)(world)}${suffix}`;
const change = (body: unknown) => async (world: World, token: string) => {
  await world.api(
    body === 'GET' ? 'GET' : 'POST',
    body === 'GET' ? '/changeActiveEntities?entities_id=2&is_recursive=true' : '/changeActiveEntities',
    body === 'GET' ? undefined : body,
    token,
  );
};
const newEntityInSession = async (world: World, token: string) => {
  const response = await world.api('POST', '/Entity', { input: { name: `Created in session ${Date.now()}`, entities_id: 0 } }, token);
  world.ids.entityInSession = (response.body as { id: number }).id;
};
const idKeyed: Spec = { idKeyedAt: ['[0]', '[1]'] };

export const specs: Record<string, Spec> = {
  initSession_bad_user_token: { headers: () => ({ Authorization: 'user_token not-the-token' }) },
  initSession_wrong_app_token: { headers: () => ({ 'App-Token': 'not-the-app-token' }) },
  getActiveProfile_wrong_app_token_on_existing_session: { headers: () => ({ 'App-Token': 'not-the-app-token' }) },
  error_invalid_session_token: { headers: () => ({ 'Session-Token': 'notavalidsessiontoken00000' }) },
  killSession_twice: { before: (world, token) => world.api('GET', '/killSession', undefined, token).then(() => undefined) },
  error_session_token_after_killSession: {
    before: (world, token) => world.api('GET', '/killSession', undefined, token).then(() => undefined),
  },
  error_session_expired_session_file_removed: { before: async (world) => void world.sim.state.sessions.expireAll() },
  getActiveEntities_session_token_as_query_param: {
    query: (_world, original) => original.replace(/session_token=[^&]*/, 'session_token=<session>'),
    headers: () => ({ 'Session-Token': undefined }),
  },
  getActiveEntities_alpha_not_recursive: { before: change({ entities_id: 1, is_recursive: false }) },
  getActiveEntities_root_not_recursive: { before: change({ entities_id: 0, is_recursive: false }) },
  getActiveEntities_after_GET_change_beta_recursive: { before: change('GET') },
  getActiveEntities_after_all: { before: change({ entities_id: 'all' }) },
  getActiveEntities_after_change_back_to_root_recursive: { before: change({ entities_id: 0, is_recursive: true }) },
  getActiveEntities_after_without_entities_id: { before: change({ is_recursive: true }) },

  get_Computer_list_active_entity_alpha_only: { scope: alphaOnly },
  get_Computer_range_end_past_total: { query: (world) => `range=${computerTotal(world) - 2}-${computerTotal(world) + 5}` },
  get_Computer_range_starting_exactly_at_total: { query: (world) => `range=${computerTotal(world)}-${computerTotal(world) + 5}` },
  get_Computer_id: { path: path('Computer', 'computerAlpha') },
  get_Computer_id_trashed_item: { path: path('Computer', 'computerTrashed') },
  get_Computer_id_after_restore: { path: path('Computer', 'computerRestored') },
  error_get_Computer_in_other_entity_not_active: { scope: alphaOnly, path: path('Computer', 'computerBeta') },
  error_get_Computer_purged_id_404: { path: path('Computer', 'computerPurged') },
  get_Entity_created_after_initSession_403: { before: newEntityInSession, path: path('Entity', 'entityInSession') },
  get_Software_id_SoftwareLicense: { path: path('Software', 'softwareWithoutLicense', '/SoftwareLicense') },
  get_Ticket_searchText_name: { query: () => 'range=0-2&searchText[name]=imprimante' },
  get_Ticket_id: { path: path('Ticket', 'ticketWithFollowups') },
  get_Ticket_id_expand_dropdowns: { path: path('Ticket', 'ticketWithFollowups') },
  get_Ticket_id_ITILFollowup: { path: path('Ticket', 'ticketWithFollowups', '/ITILFollowup') },
  get_Ticket_id_ITILFollowup_expand_dropdowns_with_private: { path: path('Ticket', 'ticketWithFollowups', '/ITILFollowup') },
  get_Ticket_id_Item_Ticket_linked_items: { path: path('Ticket', 'ticketWithItem', '/Item_Ticket') },
  get_Ticket_id_ITILSolution_empty: { path: path('Ticket', 'ticketWithFollowups', '/ITILSolution') },
  get_Ticket_id_TicketTask_empty: { path: path('Ticket', 'ticketWithFollowups', '/TicketTask') },
  get_Ticket_id_Ticket_User_actors: { path: path('Ticket', 'ticketWithFollowups', '/Ticket_User') },
  get_Ticket_id_ITILFollowup_after_posts: { path: path('Ticket', 'ticketCafe', '/ITILFollowup') },
  get_Ticket_id_Ticket_User_after_post: { path: path('Ticket', 'ticketCafe', '/Ticket_User') },
  get_Ticket_id_Ticket_User_multi_expand_dropdowns: { path: path('Ticket', 'ticketTwoRequesters', '/Ticket_User') },
  'get_Ticket_id_after_post_X-GLPI-Sanitized-Content_false': { path: path('Ticket', 'ticketCafe') },
  get_Ticket_id_after_post_sanitized_default: { path: path('Ticket', 'ticketCafe') },
  get_Ticket_id_after_put: { path: path('Ticket', 'ticketCafe') },
  get_Ticket_id_after_put_solved: { path: path('Ticket', 'ticketCafe') },
  get_Ticket_id_closed_at_creation_dates_result: { path: path('Ticket', 'ticketClosed') },
  error_get_Ticket_in_other_entity_not_active: { scope: alphaOnly, path: path('Ticket', 'ticketBeta') },
  error_get_Ticket_purged_id_404: { path: path('Ticket', 'ticketPurged') },

  search_Ticket_active_entity_alpha_only: { scope: alphaOnly },
  'search_Ticket_by_id_X-GLPI-Sanitized-Content_false': {
    query: (world, original) => original.replace('value%5D=55', `value%5D=${id('ticketCafe')(world)}`),
  },
  search_Ticket_by_id_sanitized_default: {
    query: (world, original) => original.replace('value%5D=55', `value%5D=${id('ticketCafe')(world)}`),
  },
  search_Ticket_multi_valued_user_columns: {
    query: (world, original) => original.replace('value%5D=64', `value%5D=${id('ticketTwoRequesters')(world)}`),
  },
  search_Ticket_date_mod_morethan_withindexes: { idKeyedAt: ['data'] },

  post_User: {
    body: () => ({
      input: {
        name: 'fidelity.user',
        password: 'x1234567!',
        password2: 'x1234567!',
        realname: 'Fidèle',
        firstname: 'Fatima',
        entities_id: 1,
        _useremails: ['fidelity@example.dz'],
      },
    }),
  },
  post_Entity_single: { body: () => ({ input: { name: 'Fidelity single', entities_id: 0 } }) },
  post_Entity_bulk_3_children_of_root: { body: () => ({ input: [1, 2, 3].map((n) => ({ name: `Fidelity bulk ${n}`, entities_id: 0 })) }) },
  post_ITILFollowup: { body: (world, original) => withItemsId(original, id('ticketCafe')(world)) },
  post_Ticket_id_ITILFollowup_subitem_route: {
    path: path('Ticket', 'ticketCafe', '/ITILFollowup'),
    body: (world, original) => withItemsId(original, id('ticketCafe')(world)),
  },
  post_Computer_into_new_entity_after_changeActiveEntities_refresh: {
    before: async (world, token) => {
      await newEntityInSession(world, token);
      await change({ entities_id: 0, is_recursive: true })(world, token);
    },
    body: (world) => ({ input: { name: 'TEMP-PC-1', entities_id: id('entityInSession')(world) } }),
  },
  error_post_Computer_into_entity_created_after_initSession: {
    before: newEntityInSession,
    body: (world) => ({ input: { name: 'TEMP-PC-1', entities_id: id('entityInSession')(world) } }),
  },
  error_post_Computer_into_non_active_entity: { scope: alphaOnly },
  error_put_Computer_in_other_entity: { scope: alphaOnly, path: path('Computer', 'computerBeta') },
  error_put_Ticket_without_input_key: { path: path('Ticket', 'ticketCafe') },
  put_Ticket_id: { path: path('Ticket', 'ticketCafe'), ...idKeyed },
  put_Ticket_id_status_solved: { path: path('Ticket', 'ticketCafe'), ...idKeyed },
  patch_Ticket_id: { path: path('Ticket', 'ticketCafe'), ...idKeyed },
  put_Ticket_bulk_input_array: {
    ...idKeyed,
    body: (world) => ({
      input: [
        { id: id('ticketBulkA')(world), status: 4 },
        { id: id('ticketBulkB')(world), priority: 5 },
      ],
    }),
  },
  put_Computer_id_is_deleted_0_restore: { path: path('Computer', 'computerTrashed'), ...idKeyed },
  delete_Computer_bulk_body_to_trash: {
    ...idKeyed,
    body: (world) => ({ input: [{ id: id('computerToTrashA')(world) }, { id: id('computerToTrashB')(world) }] }),
  },
  delete_Computer_id_force_purge: { path: path('Computer', 'computerToPurge'), ...idKeyed },
  delete_Computer_id_to_trash: { path: path('Computer', 'computerToTrash'), ...idKeyed },
  delete_Entity_force_purge: { path: path('Entity', 'entityToPurge'), ...idKeyed },
  delete_Profile_User_purge: { path: path('Profile_User', 'profileUserToPurge'), ...idKeyed },
  delete_Ticket_id_force_purge: { path: path('Ticket', 'ticketToPurge'), ...idKeyed },
  delete_Ticket_id_to_trash: { path: path('Ticket', 'ticketToTrash'), ...idKeyed },
  error_delete_Computer_already_purged: { path: path('Computer', 'computerPurged') },

  selfservice_getActiveEntities: { as: 'alpha' },
  selfservice_getMyEntities: { as: 'alpha' },
  selfservice_getMyProfiles: { as: 'alpha' },
  selfservice_get_Computer_list: { as: 'alpha' },
  selfservice_get_Ticket_list_own_only: { as: 'alpha' },
  selfservice_search_Ticket: { as: 'alpha' },
  selfservice_post_Ticket: { as: 'alpha' },
  selfservice_get_Ticket_id_own: { as: 'alpha', path: path('Ticket', 'ticketWithFollowups') },
  selfservice_get_Ticket_id_ITILFollowup_private_hidden: { as: 'alpha', path: path('Ticket', 'ticketWithFollowups', '/ITILFollowup') },
  selfservice_error_get_Ticket_id_other_entity: { as: 'alpha', path: path('Ticket', 'ticketBeta') },
  tech_getMyProfiles: { as: 'tech' },
  'tech_get_Ticket_range_0-1': { as: 'tech' },
};

function computerTotal(world: World): number {
  return world.sim.state.rows('Computer').filter((row) => row.is_deleted === 0).length;
}

function withItemsId(original: unknown, ticketId: number): unknown {
  const input = (original as { input: Record<string, unknown> }).input;
  return { input: { ...input, items_id: ticketId } };
}
