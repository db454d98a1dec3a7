import { QueryTypes } from 'sequelize';
import { Company } from '../db/models';
import { sequelize } from '../db/sequelize';
import { algiersMonth } from '../calendar/algiers-calendar';
import { absoluteUrl } from '../sales/billing-links';
import { companyManagerIds, notifyUsers } from '../notifications/notify';
import { quotaUsage, type QuotaKind, type QuotaLine } from './quota-usage';

const thresholds = [80, 100] as const;
type Threshold = (typeof thresholds)[number];

const templateOf = (kind: QuotaKind, threshold: Threshold) => `quota-${kind}-${threshold}` as const;
const notificationKind = (kind: QuotaKind, threshold: Threshold) => `quota${kind === 'tickets' ? 'Tickets' : 'Computers'}${threshold}`;

export type SentWarning = { companyId: number; kind: QuotaKind; threshold: Threshold; used: number; allowed: number };

/**
 * Warns the users of each subscribed company whose usage reached 80 % or 100 % of its plan: an
 * in-app notification and an e-mail, once a month per (company, kind, threshold). The row in
 * quota_warnings and the notifications are written in one transaction, and the unique key decides
 * who sends when two workers run at once. Reaching 100 % first records 80 % silently: a late
 * "80 %" after "100 %" would only confuse.
 */
export async function sendQuotaWarnings(options: { companyIds?: number[]; now?: Date } = {}): Promise<SentWarning[]> {
  const now = options.now ?? new Date();
  const month = algiersMonth(now);
  const usage = await quotaUsage(options.companyIds ?? 'all', now);
  const sent: SentWarning[] = [];
  for (const [companyId, lines] of usage) {
    for (const line of lines) {
      const reached = thresholds.filter((threshold) => line.allowed > 0 && line.used * 100 >= threshold * line.allowed);
      const highest = reached.at(-1);
      if (highest === undefined) continue;
      const warned = await sequelize.transaction(async (transaction) => {
        let notify = false;
        for (const threshold of reached) {
          const [, affected] = await sequelize.query(
            'INSERT IGNORE INTO quota_warnings (company_id, kind, month, used, allowed, created_at) VALUES (:companyId, :kind, :month, :used, :allowed, NOW())',
            {
              replacements: { companyId, kind: `${line.kind}_${threshold}`, month, used: line.used, allowed: line.allowed },
              type: QueryTypes.INSERT,
              transaction,
            },
          );
          if (affected === 1 && threshold === highest) notify = true;
        }
        if (notify) await warn(companyId, line, highest, transaction);
        return notify;
      });
      if (warned) sent.push({ companyId, kind: line.kind, threshold: highest, used: line.used, allowed: line.allowed });
    }
  }
  return sent;
}

async function warn(companyId: number, line: QuotaLine, threshold: Threshold, transaction: Parameters<typeof notifyUsers>[1]) {
  const company = await Company.findByPk(companyId, { attributes: ['name'], transaction });
  const params = { used: line.used, allowed: line.allowed };
  await notifyUsers(
    {
      userIds: await companyManagerIds(companyId, transaction),
      kind: notificationKind(line.kind, threshold),
      params,
      link: '/portal/dashboard',
      mail: {
        template: templateOf(line.kind, threshold),
        params: {
          companyName: company?.name ?? '',
          used: String(line.used),
          allowed: String(line.allowed),
          dashboardUrl: absoluteUrl('/portal/dashboard'),
        },
      },
    },
    transaction,
  );
}
