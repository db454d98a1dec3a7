import { QueryTypes } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import { GlpiSchemaError } from '../glpi/glpi-errors';
import { solutionSchema, type GlpiItem } from '../glpi/glpi-schemas';
import { rawText, type SqlValue } from './glpi-rows';
import { glpiDateToUtc } from './glpi-time';
import type { PairWriter } from './pair-writer';
import { ticketPartRows } from './ticket-part-rows';
import type { SyncContext } from './sync-context';
import { upsertRows } from './upsert-batch';

export type Solution = GlpiItem<'ITILSolution'>;
type Prepared = { solutions: Solution[] };

const columns = [
  'glpi_id',
  'glpi_ticket_id',
  'glpi_user_id',
  'content',
  'status',
  'approved_at',
  'posted_at',
  'glpi_updated_at',
  'raw',
  'deleted_at',
] as const;
const solutionKey: ReadonlySet<string> = new Set(['glpi_id']);

/**
 * Technicians' solutions, read server-wide by their own `date_mod` like follow-ups (an ITILSolution
 * has no entity of its own). Rows of changes and problems are skipped. They need no routing: the
 * portal reaches a solution only through its company's cached ticket. GLPI marks a solution
 * accepted or refused with a plain UPDATE that leaves its `date_mod` alone
 * (CommonITILObject::post_updateItem), so the portal reads the ticket's status beside it, and the
 * outbox reads the ticket's solutions back after the client answered.
 */
export function solutionWriter(ctx: SyncContext): PairWriter<Prepared> {
  const offset = ctx.options.glpiUtcOffsetMinutes;
  return {
    itemtype: 'ITILSolution',
    expand: false,
    hasTrash: false,
    reconcileBy: 'id',
    async prepare(_client, rows) {
      const solutions = parseSolutions(rows).filter((solution) => solution.itemtype === 'Ticket');
      const cached = await cachedSolutions(solutions.map((s) => s.id));
      return { solutions: solutions.filter((s) => cached.get(s.id) !== JSON.stringify(s)) };
    },
    async write({ solutions }, mode, transaction) {
      await upsertRows(
        'glpi_ticket_solutions',
        columns,
        solutions.map((s) => solutionValues(s, offset, mode.deletedAt)),
        transaction,
        solutionKey,
      );
      return solutions.length;
    },
    ...ticketPartRows('glpi_ticket_solutions'),
  };
}

export function solutionValues(solution: Solution, offsetMinutes: number, deletedAt: string | null): SqlValue[] {
  return [
    solution.id,
    solution.items_id,
    solution.users_id > 0 ? solution.users_id : null,
    solution.content,
    solution.status,
    glpiDateToUtc(solution.date_approval, offsetMinutes),
    glpiDateToUtc(solution.date_creation, offsetMinutes),
    glpiDateToUtc(solution.date_mod, offsetMinutes),
    JSON.stringify(solution),
    deletedAt,
  ];
}

export function parseSolutions(rows: unknown[]): Solution[] {
  const parsed = solutionSchema.array().safeParse(rows);
  if (!parsed.success) throw new GlpiSchemaError('ITILSolution', parsed.error.issues, null);
  return parsed.data;
}

async function cachedSolutions(ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; raw: unknown }>(
    'SELECT glpi_id AS id, raw FROM glpi_ticket_solutions WHERE glpi_id IN (:ids) AND deleted_at IS NULL',
    { replacements: { ids }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [Number(row.id), rawText(row.raw)]));
}
