import type { Transaction } from 'sequelize';
import { recordAudit } from '../../audit/record-audit';
import { Faq } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import type { AdminActor } from '../admin-actor';
import type { FaqFields } from './faq-schemas';

const view = (f: Faq) => ({
  id: f.id,
  questionFr: f.questionFr,
  answerFr: f.answerFr,
  questionEn: f.questionEn,
  answerEn: f.answerEn,
  questionAr: f.questionAr,
  answerAr: f.answerAr,
  position: f.position,
  published: f.published,
  updatedAt: f.updatedAt,
});

/** Every entry, hidden ones too, in the order the public page shows them. */
export async function listFaq() {
  return (
    await Faq.findAll({
      order: [
        ['position', 'ASC'],
        ['id', 'ASC'],
      ],
    })
  ).map(view);
}

const audit = (actor: AdminActor, action: string, id: number, transaction: Transaction, details?: Record<string, unknown>) =>
  recordAudit({ actorUserId: actor.userId, action, recordType: 'faq', recordId: id, details, ip: actor.ip }, transaction);

/** A new entry goes last. */
export async function createFaq(actor: AdminActor, input: FaqFields) {
  return sequelize.transaction(async (transaction) => {
    const last = (await Faq.max<number, Faq>('position', { transaction })) ?? 0;
    const faq = await Faq.create({ ...input, position: last + 1 }, { transaction });
    await audit(actor, 'faq.create', faq.id, transaction, { published: faq.published });
    return view(faq);
  });
}

export async function updateFaq(actor: AdminActor, id: number, input: FaqFields) {
  return sequelize.transaction(async (transaction) => {
    const faq = await Faq.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!faq) throw notFound();
    await faq.update(input, { transaction });
    await audit(actor, 'faq.update', faq.id, transaction, { published: faq.published });
    return view(faq);
  });
}

export async function setFaqPublished(actor: AdminActor, id: number, published: boolean) {
  return sequelize.transaction(async (transaction) => {
    const faq = await Faq.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!faq) throw notFound();
    await faq.update({ published }, { transaction });
    await audit(actor, published ? 'faq.publish' : 'faq.hide', faq.id, transaction);
    return view(faq);
  });
}

/** Writes positions 1..n in the given order (positions may have gaps or ties before). */
async function writeOrder(ids: number[], transaction: Transaction) {
  for (const [index, id] of ids.entries()) await Faq.update({ position: index + 1 }, { where: { id }, transaction });
}

/** Swaps an entry with its neighbour; at either end nothing moves. */
export async function moveFaq(actor: AdminActor, id: number, direction: 'up' | 'down') {
  await sequelize.transaction(async (transaction) => {
    const all = await Faq.findAll({
      order: [
        ['position', 'ASC'],
        ['id', 'ASC'],
      ],
      attributes: ['id'],
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    const ids = all.map((f) => f.id);
    const from = ids.indexOf(id);
    if (from < 0) throw notFound();
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    await writeOrder(ids, transaction);
    await audit(actor, 'faq.move', id, transaction, { direction, position: to + 1 });
  });
  return listFaq();
}

/** An explicit order, which must name every entry exactly once (so none is silently pushed aside). */
export async function reorderFaq(actor: AdminActor, ids: number[]) {
  await sequelize.transaction(async (transaction) => {
    const all = await Faq.findAll({ attributes: ['id'], transaction, lock: transaction.LOCK.UPDATE });
    const known = new Set(all.map((f) => f.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw new AppError('BAD_INPUT', 'errors.admin.faqOrderIncomplete', { field: 'ids' });
    }
    await writeOrder(ids, transaction);
    await recordAudit(
      { actorUserId: actor.userId, action: 'faq.reorder', recordType: 'faq', recordId: null, details: { ids }, ip: actor.ip },
      transaction,
    );
  });
  return listFaq();
}
