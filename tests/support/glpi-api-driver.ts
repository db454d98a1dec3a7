import { request as httpRequest } from 'node:http';

/**
 * Drives a GLPI (the real one or the simulator) through its REST API the way a technician's tools
 * would, and reads back what GLPI holds, for tests. Deliberately independent of worker/glpi: the
 * code under test must not be the oracle. Bulk writes go in one request, so that GLPI stamps every
 * row with the same `date_mod` second, as its mass actions do.
 */
export type GlpiRow = Record<string, unknown> & { id: number };

export class GlpiApiDriver {
  private constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  static async open(url: string, userToken: string): Promise<GlpiApiDriver> {
    const response = await fetch(`${url}/initSession`, { headers: { Authorization: `user_token ${userToken}` } });
    const body = (await response.json()) as { session_token?: string };
    if (!response.ok || !body.session_token) throw new Error(`initSession failed: ${response.status} ${JSON.stringify(body)}`);
    const driver = new GlpiApiDriver(url, body.session_token);
    await driver.switchTo(0, true);
    return driver;
  }

  async request(method: string, path: string, options: { query?: Record<string, string>; body?: unknown } = {}) {
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    // node:http rather than fetch: GLPI answers a bulk POST with a `link` header naming every
    // created item, far over fetch's 16 KB header limit once a mass import passes 300 items.
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        `${this.url}${path}${query}`,
        {
          method,
          maxHeaderSize: 16 * 1024 * 1024,
          headers: {
            'Session-Token': this.token,
            'Content-Type': 'application/json',
            ...(payload ? { 'Content-Length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // HTML error pages stay text
    }
    if (status >= 300) throw new Error(`${method} ${path}${query} → ${status} ${text.slice(0, 300)}`);
    return { status, body };
  }

  /** The session sees entities created since it opened only after switching again (GLPI-API.md). */
  async switchTo(entityId: number, recursive: boolean): Promise<void> {
    const { body } = await this.request('POST', '/changeActiveEntities', { body: { entities_id: entityId, is_recursive: recursive } });
    if (body !== true) throw new Error(`changeActiveEntities(${entityId}) refused`);
  }

  /** One request: an import, whose rows share one `date_mod` second. */
  async create(itemtype: string, inputs: Array<Record<string, unknown>>): Promise<number[]> {
    if (inputs.length === 0) return [];
    const { body } = await this.request('POST', `/${itemtype}`, { body: { input: inputs } });
    const results = body as Array<{ id: number | false; message: string }>;
    if (results.some((result) => result.id === false)) throw new Error(`POST ${itemtype} partly refused: ${JSON.stringify(results)}`);
    return results.map((result) => result.id as number);
  }

  async createOne(itemtype: string, input: Record<string, unknown>): Promise<number> {
    const { body } = await this.request('POST', `/${itemtype}`, { body: { input } });
    return (body as { id: number }).id;
  }

  /** One PUT for every row: a mass action. */
  async update(itemtype: string, changes: Array<Record<string, unknown> & { id: number }>): Promise<void> {
    if (changes.length > 0) await this.request('PUT', `/${itemtype}`, { body: { input: changes } });
  }

  async trash(itemtype: string, ids: number[]): Promise<void> {
    if (ids.length > 0) await this.request('DELETE', `/${itemtype}`, { body: { input: ids.map((id) => ({ id })) } });
  }

  async restore(itemtype: string, ids: number[]): Promise<void> {
    await this.update(
      itemtype,
      ids.map((id) => ({ id, is_deleted: 0 })),
    );
  }

  async purge(itemtype: string, ids: number[]): Promise<void> {
    if (ids.length > 0) await this.request('DELETE', `/${itemtype}`, { body: { input: ids.map((id) => ({ id })), force_purge: true } });
  }

  /** Every row GLPI lists for the active entities, in id order, numeric keys (no expand_dropdowns). */
  async all(itemtype: string, options: { trash?: boolean } = {}): Promise<GlpiRow[]> {
    const rows: GlpiRow[] = [];
    for (let start = 0; ; start += 1000) {
      const query: Record<string, string> = { range: `${start}-${start + 999}`, sort: 'id', order: 'ASC', get_hateoas: 'false' };
      if (options.trash) query.is_deleted = 'true';
      let page: GlpiRow[];
      try {
        page = (await this.request('GET', `/${itemtype}`, { query })).body as GlpiRow[];
      } catch (error) {
        if (String(error).includes('ERROR_RANGE_EXCEED_TOTAL')) return rows;
        throw error;
      }
      rows.push(...page);
      if (page.length < 1000) return rows;
    }
  }

  async close(): Promise<void> {
    await fetch(`${this.url}/killSession`, { headers: { 'Session-Token': this.token } }).catch(() => undefined);
  }
}
