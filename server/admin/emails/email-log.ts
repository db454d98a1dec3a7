import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { AuditEntry, EmailLogEntry } from '../../db/models';
import { emailStates } from '../../db/models/email-log-entry';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import { addJob } from '../../jobs/queues';
import { mailJobId } from '../../mail/enqueue-mail';
import { algiersMidnight, addDays } from '../../calendar/algiers-calendar';
import { pageWindow, type AdminActor } from '../admin-actor';
import { recordId } from '../../validation/fields';

const pageSize = 50;
const day = z.iso.date('validation.admin.date');

export const emailLogInput = z.object({
  state: z.enum(emailStates).optional(),
  recipient: z.string().trim().max(254, 'validation.tooLong').optional(),
  template: z.string().trim().max(60, 'validation.tooLong').optional(),
  /** Algiers calendar days, both included. */
  from: day.optional(),
  to: day.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export const emailIdInput = z.object({ id: recordId });

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The e-mail log, newest first: state, attempts and the last error of every outgoing mail. */
export async function listEmailLog(input: z.infer<typeof emailLogInput>) {
  const where: WhereOptions<EmailLogEntry> = {
    ...(input.state ? { state: input.state } : {}),
    ...(input.recipient ? { recipient: { [Op.like]: like(input.recipient) } } : {}),
    ...(input.template ? { template: input.template } : {}),
    ...(input.from || input.to
      ? {
          createdAt: {
            ...(input.from ? { [Op.gte]: algiersMidnight(input.from) } : {}),
            ...(input.to ? { [Op.lt]: algiersMidnight(addDays(input.to, 1)) } : {}),
          },
        }
      : {}),
  };
  const { rows, count } = await EmailLogEntry.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    attributes: ['id', 'recipient', 'template', 'locale', 'subject', 'state', 'attempts', 'lastError', 'sentAt', 'createdAt', 'updatedAt'],
    ...pageWindow(input.page, pageSize),
  });
  const templates = await EmailLogEntry.findAll({ attributes: ['template'], group: ['template'], order: [['template', 'ASC']], raw: true });
  return {
    total: count,
    page: input.page,
    pageSize,
    templates: templates.map((t) => t.template),
    entries: rows.map((e) => ({
      id: Number(e.id),
      recipient: e.recipient,
      template: e.template,
      locale: e.locale,
      subject: e.subject,
      state: e.state,
      attempts: e.attempts,
      lastError: e.lastError,
      sentAt: e.sentAt,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    })),
  };
}

/**
 * Sends a logged mail again: the row goes back to `queued` and a new job is added. The job id is
 * new for every resend, because BullMQ ignores an add whose id it still keeps (the first job stays
 * in the failed or completed set); the send job itself re-reads the row, so it sends once.
 */
export async function resendEmail(actor: AdminActor, id: number) {
  const { resendNumber, previousState, previousError, createdAt } = await sequelize.transaction(async (transaction) => {
    const entry = await EmailLogEntry.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!entry) throw notFound();
    // `sending`: a worker holds it now; its claim settles it (or hands it on) by itself.
    if (entry.state === 'queued' || entry.state === 'sending') throw new AppError('CONFLICT', 'errors.admin.mailAlreadyQueued');
    const previous = await AuditEntry.count({ where: { action: 'email.resend', recordType: 'email', recordId: String(id) }, transaction });
    const before = { previousState: entry.state, previousError: entry.lastError };
    await entry.update({ state: 'queued', lastError: null }, { transaction });
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'email.resend',
        recordType: 'email',
        recordId: id,
        details: { recipient: entry.recipient, template: entry.template },
        ip: actor.ip,
      },
      transaction,
    );
    return { resendNumber: previous + 1, createdAt: entry.createdAt, ...before };
  });
  // The row's creation stamp too: a reset database's mail of the same id and resend count is other work.
  const jobId = `${mailJobId({ id, createdAt })}-resend-${resendNumber}`;
  try {
    await addJob('mail', { emailLogId: id }, { jobId });
  } catch {
    // Redis refused the job: put the row back as it was, so that the admin can simply try again.
    await EmailLogEntry.update({ state: previousState, lastError: previousError }, { where: { id } });
    throw new AppError('UNAVAILABLE', 'errors.admin.queueUnavailable');
  }
  return { ok: true as const, jobId };
}
