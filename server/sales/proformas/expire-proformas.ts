import { Op } from 'sequelize';
import { Proforma } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { logger } from '../../logger';
import { algiersDate } from '../../calendar/algiers-calendar';
import { expireProforma, isPastValidity } from './proforma-validity';

/**
 * Scheduled (daily and at worker start): every pending pro-forma past its last valid day becomes
 * expired. One transaction per pro-forma, re-checked under its lock, so a client accepting at the
 * same moment and a second run of the job are both harmless.
 */
export async function expireOverdueProformas(now = new Date()): Promise<number> {
  const overdue = await Proforma.findAll({
    where: { status: 'pending', validUntil: { [Op.lt]: algiersDate(now) } },
    attributes: ['id'],
    limit: 1000,
  });
  let expired = 0;
  for (const { id } of overdue) {
    try {
      const changed = await sequelize.transaction(async (transaction) => {
        const proforma = await Proforma.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
        if (!proforma || proforma.status !== 'pending' || !isPastValidity(proforma, now)) return false;
        await expireProforma(proforma, null, transaction);
        return true;
      });
      if (changed) expired += 1;
    } catch (error) {
      logger.error({ err: error, proformaId: id }, 'pro-forma not expired');
    }
  }
  return expired;
}
