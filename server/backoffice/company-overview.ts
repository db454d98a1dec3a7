import { Op, col, fn } from 'sequelize';
import { z } from 'zod';
import { Company, GlpiCompanyLink, Invoice, LoginEvent, Service, Subscription, User } from '../db/models';
import { notFound } from '../errors';
import { quotaUsage } from '../portal/quota-usage';
import { listClientDocuments } from '../sales/documents/client-documents';
import { companySubscription } from '../subscriptions/company-subscription';
import { subscriptionStateOf } from './subscription-state';
import { recordId } from '../validation/fields';

export const companyIdInput = z.object({ companyId: recordId });

/**
 * Everything the staff's company page shows at the top: identity and legal ids, its people with
 * their last log-in, its documents (the same list the client sees), its subscriptions, the GLPI
 * link and this month's quota use.
 */
export async function companyOverview(companyId: number, now = new Date()) {
  const company = await Company.findByPk(companyId);
  if (!company) throw notFound();
  const [users, documents, subscriptions, glpiLink, quota, current] = await Promise.all([
    companyPeople(companyId),
    listClientDocuments(companyId),
    Subscription.findAll({
      where: { companyId },
      include: [
        { model: Service, as: 'service', attributes: ['code', 'nameFr', 'nameEn'] },
        { model: Invoice, as: 'invoice', attributes: ['id', 'number'] },
      ],
      order: [
        ['startAt', 'DESC'],
        ['id', 'DESC'],
      ],
    }) as Promise<Array<Subscription & { service: Service; invoice: Invoice | null }>>,
    GlpiCompanyLink.findByPk(companyId),
    quotaUsage([companyId], now),
    companySubscription(companyId, now),
  ]);
  return {
    company: {
      id: company.id,
      name: company.name,
      sector: company.sector,
      employeeRange: company.employeeRange,
      address: company.address,
      phone: company.phone,
      rc: company.rc,
      nif: company.nif,
      nis: company.nis,
      ai: company.ai,
      createdAt: company.createdAt,
    },
    people: users,
    documents,
    current,
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      state: subscriptionStateOf(s, now),
      status: s.status,
      autoRenew: s.autoRenew,
      serviceCode: s.service.code,
      serviceNameFr: s.service.nameFr,
      serviceNameEn: s.service.nameEn,
      tierMaxQty: s.tierMaxQty,
      monthlyPriceDa: s.monthlyPriceDa,
      months: s.months,
      startAt: s.startAt,
      endAt: s.endAt,
      invoice: s.invoice ? { id: s.invoice.id, number: s.invoice.number } : null,
    })),
    glpi: {
      provisioningState: glpiLink?.provisioningState ?? ('none' as const),
      entityId: glpiLink?.glpiEntityId ?? null,
      entityName: glpiLink?.glpiEntityName ?? null,
      lastError: glpiLink?.lastError ?? null,
    },
    quota: quota.get(companyId) ?? [],
  };
}

/** The company's accounts, with their last log-in and how many times they logged in (two queries, whatever the headcount). */
async function companyPeople(companyId: number) {
  const users = await User.findAll({
    where: { companyId },
    attributes: ['id', 'email', 'firstName', 'lastName', 'phone', 'role', 'active', 'createdAt'],
    order: [['id', 'ASC']],
  });
  const logins =
    users.length === 0
      ? []
      : ((await LoginEvent.findAll({
          attributes: ['userId', [fn('MAX', col('created_at')), 'lastAt'], [fn('COUNT', col('id')), 'count']],
          where: { userId: { [Op.in]: users.map((u) => u.id) } },
          group: ['userId'],
          raw: true,
        })) as unknown as Array<{ userId: number; lastAt: Date | string; count: number | string }>);
  const loginsOf = new Map(logins.map((l) => [Number(l.userId), l]));
  return users.map((u) => {
    const login = loginsOf.get(u.id);
    return {
      id: u.id,
      name: `${u.firstName} ${u.lastName}`,
      email: u.email,
      phone: u.phone,
      active: u.active,
      createdAt: u.createdAt,
      lastLoginAt: login ? new Date(login.lastAt) : null,
      loginCount: login ? Number(login.count) : 0,
    };
  });
}
