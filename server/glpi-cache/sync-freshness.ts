import { Op } from 'sequelize';
import { GlpiSyncState } from '../db/models';

export type SyncFreshness = {
  /** Last successful sync per item type ("data as of …"), null before the first one. */
  byItemtype: Record<string, Date | null>;
  /** The oldest of them: what a page mixing several types should show. */
  oldest: Date | null;
};

/**
 * When the cache of a company was last refreshed from GLPI, per item type: its entity's pairs and
 * the server-wide ones every client shares (follow-ups, dropdowns).
 */
export async function syncFreshness(companyId: number): Promise<SyncFreshness> {
  const states = await GlpiSyncState.findAll({
    where: { [Op.or]: [{ companyId }, { companyId: { [Op.is]: null } }] },
    attributes: ['itemtype', 'lastSuccessAt'],
  });
  const byItemtype = Object.fromEntries(states.map((state) => [state.itemtype, state.lastSuccessAt]));
  const dates = states.map((state) => state.lastSuccessAt);
  const oldest =
    dates.length === 0 || dates.some((date) => date === null) ? null : new Date(Math.min(...dates.map((date) => (date as Date).getTime())));
  return { byItemtype, oldest };
}
