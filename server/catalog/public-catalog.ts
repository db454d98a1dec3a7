import { Op } from 'sequelize';
import { Faq, PaymentMethod, PriceTier, Service } from '../db/models';

/** Active services with their tiers in order: what the public services page shows. */
export async function listPublicServices() {
  const services = await Service.findAll({
    where: { active: true },
    include: [{ model: PriceTier, as: 'tiers' }],
    order: [
      ['position', 'ASC'],
      [{ model: PriceTier, as: 'tiers' }, 'minQty', 'ASC'],
    ],
  });
  return services.map((s) => ({
    code: s.code,
    nameFr: s.nameFr,
    nameEn: s.nameEn,
    nameAr: s.nameAr,
    pricedBy: s.pricedBy,
    scopeFr: s.scopeFr,
    scopeEn: s.scopeEn,
    scopeAr: s.scopeAr,
    tiers: (s.tiers ?? []).map((t) => ({ min: t.minQty, max: t.maxQty, monthlyPriceDa: t.monthlyPriceDa })),
  }));
}

export async function listPaymentMethods() {
  const methods = await PaymentMethod.findAll({ where: { active: true }, order: [['position', 'ASC']] });
  return methods.map((m) => ({ code: m.code, nameFr: m.nameFr, nameEn: m.nameEn, nameAr: m.nameAr }));
}

/** Published FAQ entries, optionally filtered by words found in the question or the answer. */
export async function searchPublishedFaq(query: string | undefined) {
  const words = (query ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const escaped = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const entries = await Faq.findAll({
    where: {
      published: true,
      [Op.and]: words.map((w) => ({
        [Op.or]: ['questionFr', 'answerFr', 'questionEn', 'answerEn', 'questionAr', 'answerAr'].map((field) => ({
          [field]: { [Op.like]: escaped(w) },
        })),
      })),
    },
    order: [
      ['position', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return entries.map((e) => ({
    id: e.id,
    questionFr: e.questionFr,
    answerFr: e.answerFr,
    questionEn: e.questionEn,
    answerEn: e.answerEn,
    questionAr: e.questionAr,
    answerAr: e.answerAr,
  }));
}
