import { send, type RawResponse } from './world';

/** A bare GLPI REST client for tests: one base URL, raw answers (status, headers as sent, parsed body). */
export type ApiClient = {
  url: string;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; session?: string; headers?: Record<string, string> },
  ): Promise<RawResponse>;
  /** `initSession` with this user token; throws when GLPI refuses it. */
  login(userToken: string): Promise<string>;
};

export function apiClient(url: string): ApiClient {
  const call: ApiClient['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.session !== undefined) headers['Session-Token'] = options.session;
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return send(`${url}${path}`, method, headers, body);
  };
  return {
    url,
    call,
    login: async (userToken) => {
      const response = await call('GET', '/initSession', { headers: { Authorization: `user_token ${userToken}` } });
      const token = (response.body as { session_token?: unknown }).session_token;
      if (response.status !== 200 || typeof token !== 'string')
        throw new Error(`initSession → ${response.status} ${JSON.stringify(response.body)}`);
      return token;
    },
  };
}

/** The body of a 201 single add: its id, or a readable failure. */
export function createdId(response: RawResponse, what: string): number {
  const id = (response.body as { id?: unknown } | null)?.id;
  if (response.status !== 201 || typeof id !== 'number') throw new Error(`${what} → ${response.status} ${JSON.stringify(response.body)}`);
  return id;
}

/** The ids of a 201 bulk add, in input order. */
export function createdIds(response: RawResponse, what: string): number[] {
  const rows = response.body as Array<{ id?: unknown }>;
  if (response.status !== 201 || !Array.isArray(rows) || rows.some((row) => typeof row.id !== 'number')) {
    throw new Error(`${what} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return rows.map((row) => Number(row.id));
}
