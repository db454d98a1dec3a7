import { z } from 'zod';
import { GlpiNotFoundError, GlpiRangeError, GlpiSchemaError } from './glpi-errors';
import type { GlpiResponse, QueryValue } from './glpi-http';
import {
  idDateRowSchema,
  isAssetDetailItemtype,
  isDropdownItemtype,
  itemSchemas,
  onlyIdSchema,
  parseContentRange,
  searchResponseSchema,
  type GlpiItem,
  type GlpiItemtype,
  type IdDate,
} from './glpi-schemas';
import type { EntityScope, GlpiSession } from './glpi-session';
import { createItems, updateItems, type CreateResult, type UpdateResult } from './glpi-writes';
import type { CreateInput, UpdateInput, WritableItemtype } from './glpi-schemas';

export type ListOptions = {
  /** A column name (`date_mod`), not a search option id. Default `id`. */
  sort?: string;
  order?: 'ASC' | 'DESC';
  /** true reads the trash only: GLPI never returns trashed and live rows together. */
  isDeleted?: boolean;
  /** First row (0-based) of the first page. */
  start?: number;
  pageSize?: number;
  /** Case-insensitive "contains" on columns, e.g. `{ name: 'printer' }`. */
  searchText?: Record<string, string>;
};

export type Page<T> = {
  items: T[];
  /** Rows GLPI returned, templates included: what the next page's start is computed from. */
  fetched: number;
  start: number;
  /** Total from Content-Range at the time of this page. */
  total: number;
};

export type SearchCriterion = {
  /** Search option id: 19 last update, 80 entity, 12 status, 2 id, 1 name (GLPI-API.md). */
  field: number;
  searchtype: 'contains' | 'equals' | 'notequals' | 'lessthan' | 'morethan' | 'under';
  value: string | number;
  link?: 'AND' | 'OR' | 'AND NOT' | 'OR NOT';
};

export type SearchOptions = {
  criteria?: SearchCriterion[];
  /** Columns to return; the id (2) is not returned unless asked for. */
  forcedisplay?: number[];
  /** Search option id. */
  sort?: number;
  order?: 'ASC' | 'DESC';
  start?: number;
  pageSize?: number;
  isDeleted?: boolean;
};

export type SearchPage = { rows: Array<Record<string, unknown>>; start: number; total: number };

const defaultPageSize = 500;

/** An empty list is `[]` (get_Document_empty_list); only what finding a document again needs. */
const documentRowsSchema = z
  .array(z.looseObject({ id: z.number().int().positive(), comment: z.string().nullable().optional() }))
  .transform((rows) => rows.map((row) => ({ id: row.id, comment: row.comment ?? null })));

/**
 * Typed access to GLPI through one session. Reads are scoped by the session's active entity: call
 * `useEntity` first (GlpiSessionPool does it for you).
 */
export class GlpiClient {
  constructor(readonly session: GlpiSession) {}

  get scope(): EntityScope | null {
    return this.session.entityScope;
  }

  useEntity(entityId: number, recursive = false): Promise<void> {
    return this.session.changeActiveEntities(entityId, recursive);
  }

  async listPage<T extends GlpiItemtype>(itemtype: T, options: ListOptions = {}): Promise<Page<GlpiItem<T>>> {
    const start = options.start ?? 0;
    const size = options.pageSize ?? defaultPageSize;
    const query: Array<[string, QueryValue]> = [
      // Always send a range: the default page is 20 rows with an off-by-one header (get_Ticket_no_range_default).
      ['range', `${start}-${start + size - 1}`],
      ['get_hateoas', 'false'],
    ];
    if (options.sort) query.push(['sort', options.sort]);
    if (options.order) query.push(['order', options.order]);
    if (options.isDeleted) query.push(['is_deleted', 'true']);
    for (const [column, text] of Object.entries(options.searchText ?? {})) query.push([`searchText[${column}]`, text]);
    const response = await this.session.request({ method: 'GET', path: `/${itemtype}`, query });
    const rows = parse(itemtype, arraySchema(schemaOf(itemtype)), response);
    return {
      items: rows.filter((row) => !('is_template' in row) || row.is_template !== 1),
      fetched: rows.length,
      start,
      total: totalOf(response, start + rows.length),
    };
  }

  /**
   * Pages until the end announced by Content-Range, never asking past it. A list that shrinks while
   * it is read (an item purged between two pages) ends cleanly instead of failing on a 400.
   */
  async *pages<T extends GlpiItemtype>(itemtype: T, options: ListOptions = {}): AsyncGenerator<Page<GlpiItem<T>>> {
    let start = options.start ?? 0;
    let first = true;
    for (;;) {
      let page: Page<GlpiItem<T>>;
      try {
        page = await this.listPage(itemtype, { ...options, start });
      } catch (error) {
        if (!first && error instanceof GlpiRangeError) return;
        throw error;
      }
      first = false;
      yield page;
      start += page.fetched;
      if (page.fetched === 0 || start >= page.total) return;
    }
  }

  async listAll<T extends GlpiItemtype>(itemtype: T, options: ListOptions = {}): Promise<Array<GlpiItem<T>>> {
    const items: Array<GlpiItem<T>> = [];
    for await (const page of this.pages(itemtype, options)) items.push(...page.items);
    return items;
  }

  async getItem<T extends GlpiItemtype>(itemtype: T, id: number): Promise<GlpiItem<T>> {
    const response = await this.session.request({ method: 'GET', path: `/${itemtype}/${id}`, query: [['get_hateoas', 'false']] });
    return parse(itemtype, schemaOf(itemtype), response);
  }

  /** Sub-items such as a ticket's follow-ups (`GET /Ticket/:id/ITILFollowup`), every page of them. */
  async getSubItems<S extends GlpiItemtype>(parent: GlpiItemtype, parentId: number, subtype: S): Promise<Array<GlpiItem<S>>> {
    const items: Array<GlpiItem<S>> = [];
    for (let start = 0; ;) {
      const response = await this.session.request({
        method: 'GET',
        path: `/${parent}/${parentId}/${subtype}`,
        query: [
          ['range', `${start}-${start + defaultPageSize - 1}`],
          ['get_hateoas', 'false'],
        ],
      });
      const rows = parse(subtype, arraySchema(schemaOf(subtype)), response);
      items.push(...rows);
      start += rows.length;
      if (rows.length === 0 || start >= totalOf(response, start)) return items;
    }
  }

  getFollowups(ticketId: number): Promise<Array<GlpiItem<'ITILFollowup'>>> {
    return this.getSubItems('Ticket', ticketId, 'ITILFollowup');
  }

  async searchPage(itemtype: GlpiItemtype, options: SearchOptions = {}): Promise<SearchPage> {
    const start = options.start ?? 0;
    const size = options.pageSize ?? defaultPageSize;
    const query: Array<[string, QueryValue]> = [['range', `${start}-${start + size - 1}`]];
    (options.criteria ?? []).forEach((criterion, index) => {
      if (criterion.link) query.push([`criteria[${index}][link]`, criterion.link]);
      query.push([`criteria[${index}][field]`, criterion.field]);
      query.push([`criteria[${index}][searchtype]`, criterion.searchtype]);
      query.push([`criteria[${index}][value]`, criterion.value]);
    });
    (options.forcedisplay ?? []).forEach((column, index) => query.push([`forcedisplay[${index}]`, column]));
    if (options.sort !== undefined) query.push(['sort', options.sort]);
    if (options.order) query.push(['order', options.order]);
    if (options.isDeleted) query.push(['is_deleted', '1']);
    const response = await this.session.request({ method: 'GET', path: `/search/${itemtype}`, query });
    const body = parse(`search/${itemtype}`, searchResponseSchema, response);
    return { rows: body.data ?? [], start, total: body.totalcount };
  }

  async *searchPages(itemtype: GlpiItemtype, options: SearchOptions = {}): AsyncGenerator<SearchPage> {
    let start = options.start ?? 0;
    let first = true;
    for (;;) {
      let page: SearchPage;
      try {
        page = await this.searchPage(itemtype, { ...options, start });
      } catch (error) {
        if (!first && error instanceof GlpiRangeError) return;
        throw error;
      }
      first = false;
      yield page;
      start += page.rows.length;
      if (page.rows.length === 0 || start >= page.total) return;
    }
  }

  /** Every page of a search, concatenated. */
  async search(itemtype: GlpiItemtype, options: SearchOptions = {}): Promise<{ total: number; rows: Array<Record<string, unknown>> }> {
    const rows: Array<Record<string, unknown>> = [];
    let total = 0;
    for await (const page of this.searchPages(itemtype, options)) {
      rows.push(...page.rows);
      total = page.total;
    }
    return { total, rows };
  }

  /**
   * (id, date_mod) of every item of the active entity, for the reconcile: search with forcedisplay
   * 2 and 19. SoftwareLicense has no "last update" search option, and an asset's OS and Infocom rows
   * and dropdowns no search of their own, so these are read from the list instead.
   */
  async listIdDates(itemtype: GlpiItemtype, options: { isDeleted?: boolean; pageSize?: number } = {}): Promise<IdDate[]> {
    const result: IdDate[] = [];
    if (itemtype === 'SoftwareLicense' || isAssetDetailItemtype(itemtype) || isDropdownItemtype(itemtype)) {
      for await (const page of this.pages(itemtype, { ...options, sort: 'id' })) {
        result.push(...page.items.map((item) => ({ id: item.id, date_mod: item.date_mod ?? null })));
      }
      return result;
    }
    for await (const page of this.searchPages(itemtype, { ...options, forcedisplay: [2, 19], sort: 2, order: 'ASC' })) {
      const rows = page.rows.map((row, index) => {
        const parsed = idDateRowSchema.safeParse(row);
        if (!parsed.success) throw new GlpiSchemaError(`search/${itemtype}`, withRow(parsed.error.issues, index), null);
        return parsed.data;
      });
      result.push(...rows);
    }
    return result;
  }

  /** Ids only (`only_id=true`), cheaper than full rows. */
  async listIds(itemtype: GlpiItemtype, options: { isDeleted?: boolean; pageSize?: number } = {}): Promise<number[]> {
    const ids: number[] = [];
    for (let start = 0; ;) {
      const size = options.pageSize ?? 5000;
      const query: Array<[string, QueryValue]> = [
        ['range', `${start}-${start + size - 1}`],
        ['only_id', 'true'],
        ['get_hateoas', 'false'],
      ];
      if (options.isDeleted) query.push(['is_deleted', 'true']);
      const response = await this.session.request({ method: 'GET', path: `/${itemtype}`, query });
      const rows = parse(itemtype, arraySchema(onlyIdSchema), response);
      ids.push(...rows.map((row) => row.id));
      start += rows.length;
      if (rows.length === 0 || start >= totalOf(response, start)) return ids;
    }
  }

  /** Creates one item; throws a typed error when GLPI refuses it. */
  async create<T extends WritableItemtype>(itemtype: T, input: CreateInput<T>): Promise<{ id: number; message: string }> {
    const [result] = await createItems(this.session, itemtype, [input], { single: true });
    if (!result || !result.ok) throw new Error('unreachable: a refused single create throws');
    return { id: result.id, message: result.message };
  }

  /** Creates several items in one request; each result says whether its item was created. */
  createMany<T extends WritableItemtype>(itemtype: T, inputs: Array<CreateInput<T>>): Promise<CreateResult[]> {
    return createItems(this.session, itemtype, inputs, { single: false });
  }

  async update<T extends WritableItemtype>(itemtype: T, id: number, input: UpdateInput<T>): Promise<void> {
    await updateItems(this.session, itemtype, [{ id, input }], { single: true });
  }

  updateMany<T extends WritableItemtype>(itemtype: T, changes: Array<{ id: number; input: UpdateInput<T> }>): Promise<UpdateResult[]> {
    return updateItems(this.session, itemtype, changes, { single: false });
  }

  /** Deletes an item for good (`force_purge`); an item already gone counts as deleted. */
  async purge(itemtype: GlpiItemtype, id: number): Promise<void> {
    try {
      await this.session.request({ method: 'DELETE', path: `/${itemtype}/${id}`, query: [['force_purge', 'true']] });
    } catch (error) {
      if (!(error instanceof GlpiNotFoundError)) throw error;
    }
  }

  /**
   * Uploads a file as a GLPI Document linked to a ticket: GLPI's multipart form, the item's fields
   * in `uploadManifest` and the file under `filename[0]`; `itemtype`/`items_id` make GLPI add the
   * Document_Item itself. The comment carries what finds it again after a crash.
   */
  async uploadDocument(input: {
    ticketId: number;
    fileName: string;
    mime: string;
    bytes: Uint8Array;
    comment: string;
  }): Promise<{ id: number }> {
    const form = new FormData();
    form.append(
      'uploadManifest',
      JSON.stringify({
        input: { name: input.fileName, _filename: [input.fileName], itemtype: 'Ticket', items_id: input.ticketId, comment: input.comment },
      }),
    );
    form.append('filename[0]', new Blob([new Uint8Array(input.bytes)], { type: input.mime }), input.fileName);
    const response = await this.session.request({ method: 'POST', path: '/Document', form });
    return parse('Document', onlyIdSchema, response);
  }

  /** Documents whose comment contains the text (GLPI's `searchText`), as the session's entities see them. */
  async findDocuments(commentContains: string): Promise<Array<{ id: number; comment: string | null }>> {
    const response = await this.session.request({
      method: 'GET',
      path: '/Document',
      query: [
        ['searchText[comment]', commentContains],
        ['range', '0-49'],
      ],
    });
    return parse('Document', documentRowsSchema, response);
  }

  /** A document's file, as GLPI serves it to a session allowed to read it. */
  async downloadDocument(id: number): Promise<Uint8Array> {
    const response = await this.session.request({ method: 'GET', path: `/Document/${id}`, binary: true });
    if (!(response.body instanceof Uint8Array)) throw new GlpiSchemaError('Document', [], null);
    return response.body;
  }

  /** A reply on a ticket; `isPrivate` makes it a technicians' note. */
  addFollowup(ticketId: number, content: string, options: { isPrivate?: boolean } = {}): Promise<{ id: number; message: string }> {
    return this.create('ITILFollowup', { itemtype: 'Ticket', items_id: ticketId, content, is_private: options.isPrivate ?? false });
  }
}

/** The schema of an item type, typed by it (TypeScript cannot narrow an indexed generic lookup itself). */
const typedSchemas: { [K in GlpiItemtype]: z.ZodType<GlpiItem<K>> } = itemSchemas;
function schemaOf<T extends GlpiItemtype>(itemtype: T): z.ZodType<GlpiItem<T>> {
  return typedSchemas[itemtype];
}

function arraySchema<S extends z.ZodType>(schema: S) {
  return schema.array();
}

export function parse<S extends z.ZodType>(itemtype: string, schema: S, response: GlpiResponse): z.output<S> {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new GlpiSchemaError(itemtype, parsed.error.issues, null);
  return parsed.data;
}

function withRow(issues: readonly z.core.$ZodIssue[], row: number): z.core.$ZodIssue[] {
  return issues.map((issue) => ({ ...issue, path: [row, ...issue.path] }));
}

/** Content-Range is absent when the list is empty (get_Document_empty_list). */
function totalOf(response: GlpiResponse, fallback: number): number {
  const range = parseContentRange(response.headers.get('Content-Range'));
  return range ? range.total : fallback;
}
