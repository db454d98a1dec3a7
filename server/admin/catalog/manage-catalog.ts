import { Op, type Transaction } from 'sequelize';
import { recordAudit } from '../../audit/record-audit';
import { PriceTier, Service } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import type { AdminActor } from '../admin-actor';
import type { TierValues, UpdateServiceInput } from './catalog-schemas';

/**
 * The catalog as the admin edits it. Prices apply to pro-formas issued afterwards only: a pro-forma
 * and its invoice copy their lines and totals when they are issued, and subscriptions store their
 * own monthly price, so nothing here rewrites a document.
 */
export async function listCatalog() {
  const services = await Service.findAll({
    include: [{ model: PriceTier, as: 'tiers' }],
    order: [
      ['position', 'ASC'],
      ['id', 'ASC'],
      [{ model: PriceTier, as: 'tiers' }, 'minQty', 'ASC'],
    ],
  });
  return services.map((s) => ({
    id: s.id,
    code: s.code,
    nameFr: s.nameFr,
    nameEn: s.nameEn,
    nameAr: s.nameAr,
    pricedBy: s.pricedBy,
    scopeFr: s.scopeFr,
    scopeEn: s.scopeEn,
    scopeAr: s.scopeAr,
    active: s.active,
    tiers: (s.tiers ?? []).map((t) => ({ id: t.id, minQty: t.minQty, maxQty: t.maxQty, monthlyPriceDa: t.monthlyPriceDa })),
  }));
}

export async function updateService(actor: AdminActor, input: UpdateServiceInput) {
  await sequelize.transaction(async (transaction) => {
    const service = await Service.findByPk(input.id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!service) throw notFound();
    const before = { nameFr: service.nameFr, nameEn: service.nameEn, nameAr: service.nameAr, active: service.active };
    await service.update(
      {
        nameFr: input.nameFr,
        nameEn: input.nameEn,
        scopeFr: input.scopeFr,
        scopeEn: input.scopeEn,
        nameAr: input.nameAr,
        scopeAr: input.scopeAr,
        active: input.active,
      },
      { transaction },
    );
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'catalog.service_update',
        recordType: 'service',
        recordId: service.id,
        details: { before, after: { nameFr: input.nameFr, nameEn: input.nameEn, nameAr: input.nameAr, active: input.active } },
        ip: actor.ip,
      },
      transaction,
    );
  });
  return { ok: true as const };
}

/** Ranges are inclusive on both ends, so [1, 10] and [10, 20] overlap on 10. */
async function assertNoOverlap(serviceId: number, range: TierValues, exceptTierId: number | null, transaction: Transaction) {
  const clash = await PriceTier.findOne({
    where: {
      serviceId,
      minQty: { [Op.lte]: range.maxQty },
      maxQty: { [Op.gte]: range.minQty },
      ...(exceptTierId ? { id: { [Op.ne]: exceptTierId } } : {}),
    },
    transaction,
  });
  if (clash)
    throw new AppError('CONFLICT', 'errors.admin.tierOverlap', { field: 'minQty', params: { min: clash.minQty, max: clash.maxQty } });
}

/** The service row is locked first, so two admins adding tiers at once cannot both pass the check. */
async function lockService(serviceId: number, transaction: Transaction) {
  const service = await Service.findByPk(serviceId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!service) throw notFound();
  return service;
}

const tierDetails = (t: TierValues) => ({ minQty: t.minQty, maxQty: t.maxQty, monthlyPriceDa: t.monthlyPriceDa });

export async function createTier(actor: AdminActor, input: TierValues & { serviceId: number }) {
  return sequelize.transaction(async (transaction) => {
    await lockService(input.serviceId, transaction);
    await assertNoOverlap(input.serviceId, input, null, transaction);
    const tier = await PriceTier.create(input, { transaction });
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'catalog.tier_create',
        recordType: 'price_tier',
        recordId: tier.id,
        details: { serviceId: input.serviceId, ...tierDetails(input) },
        ip: actor.ip,
      },
      transaction,
    );
    return { id: tier.id };
  });
}

export async function updateTier(actor: AdminActor, input: TierValues & { id: number }) {
  await sequelize.transaction(async (transaction) => {
    const existing = await PriceTier.findByPk(input.id, { transaction });
    if (!existing) throw notFound();
    await lockService(existing.serviceId, transaction);
    await assertNoOverlap(existing.serviceId, input, existing.id, transaction);
    const before = tierDetails(existing);
    await existing.update(tierDetails(input), { transaction });
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'catalog.tier_update',
        recordType: 'price_tier',
        recordId: existing.id,
        details: { serviceId: existing.serviceId, before, after: tierDetails(input) },
        ip: actor.ip,
      },
      transaction,
    );
  });
  return { ok: true as const };
}

export async function deleteTier(actor: AdminActor, id: number) {
  await sequelize.transaction(async (transaction) => {
    const existing = await PriceTier.findByPk(id, { transaction });
    if (!existing) throw notFound();
    await lockService(existing.serviceId, transaction);
    await existing.destroy({ transaction });
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'catalog.tier_delete',
        recordType: 'price_tier',
        recordId: id,
        details: { serviceId: existing.serviceId, ...tierDetails(existing) },
        ip: actor.ip,
      },
      transaction,
    );
  });
  return { ok: true as const };
}
