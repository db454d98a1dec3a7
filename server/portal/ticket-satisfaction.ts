import { randomBytes } from 'node:crypto';
import { Op, QueryTypes, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { sha256 } from '../auth/token-hash';
import { GlpiTicket, GlpiUserLink, TicketSurvey } from '../db/models';
import { ticketAudienceIds } from '../notifications/notify';
import { sequelize } from '../db/sequelize';
import { AppError, notFound } from '../errors';
import { satisfactionPayloadSchema } from '../glpi-outbox/outbox-payload';
import { queueSatisfaction } from '../glpi-outbox/queue-outbox';

/** How long a survey link works after the ticket was solved or closed. */
export const SURVEY_DAYS = 30;
export const satisfactionAnswerSchema = satisfactionPayloadSchema;
export type SatisfactionAnswer = z.input<typeof satisfactionAnswerSchema>;

const answerable = (status: number) => status === 5 || status === 6;

/**
 * Opens the survey of a ticket the sync just saw solved or closed (once per ticket: a ticket solved,
 * reopened and closed keeps its first survey). Returns it with its recipient when it was created
 * now (the caller mails it), null when it already existed or no client of the company can answer.
 */
export async function openSurvey(
  companyId: number,
  glpiTicketId: number,
  transaction: Transaction,
  now = new Date(),
): Promise<TicketSurvey | null> {
  const userId = await surveyRecipient(companyId, glpiTicketId, transaction);
  if (userId === null) return null;
  const created = await findOrCreateSurvey(companyId, glpiTicketId, userId, now, transaction);
  return created ? TicketSurvey.findOne({ where: { companyId, glpiTicketId }, transaction }) : null;
}

/**
 * The ticket's requester when the platform knows their GLPI account and they hear about the ticket,
 * else the first of those who do (its managers and members, notify.ts): never a billing contact.
 */
async function surveyRecipient(companyId: number, glpiTicketId: number, transaction: Transaction): Promise<number | null> {
  const audience = await ticketAudienceIds(companyId, glpiTicketId, transaction);
  const ticket = await GlpiTicket.findOne({
    where: { companyId, glpiId: glpiTicketId, deletedAt: null },
    attributes: ['requesterGlpiUserId'],
    transaction,
  });
  if (ticket?.requesterGlpiUserId) {
    const link = await GlpiUserLink.findOne({ where: { glpiUserId: ticket.requesterGlpiUserId }, attributes: ['userId'], transaction });
    if (link && audience.includes(link.userId)) return link.userId;
  }
  return [...audience].sort((a, b) => a - b)[0] ?? null;
}

/**
 * The survey's link, made when its mail is sent (mail-links.ts): a new token replaces the previous
 * one, stored only as a SHA-256. Null once answered or expired: such a mail is not sent.
 */
export async function issueSurveyLink(surveyId: number, now = new Date()): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const [updated] = await TicketSurvey.update(
    { tokenHash: sha256(token) },
    { where: { id: surveyId, answeredAt: { [Op.is]: null }, expiresAt: { [Op.gt]: now } } },
  );
  return updated === 1 ? token : null;
}

/** A token's survey, or why it cannot be answered: forged or unknown, already answered, expired. */
async function surveyOfToken(token: string, now: Date, transaction?: Transaction): Promise<TicketSurvey> {
  const survey = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? await TicketSurvey.findOne({
        where: { tokenHash: sha256(token) },
        transaction,
        ...(transaction ? { lock: transaction.LOCK.UPDATE } : {}),
      })
    : null;
  if (!survey) throw new AppError('NOT_FOUND', 'satisfaction.errors.invalid');
  if (survey.answeredAt) throw new AppError('CONFLICT', 'satisfaction.errors.used');
  if (survey.expiresAt <= now) throw new AppError('CONFLICT', 'satisfaction.errors.expired');
  return survey;
}

/** What the page behind the mail's link shows: the ticket it is about, nothing else of the company. */
export async function surveyByToken(token: string, now = new Date()) {
  const survey = await surveyOfToken(token, now);
  const ticket = await GlpiTicket.findOne({ where: { companyId: survey.companyId, glpiId: survey.glpiTicketId }, attributes: ['name'] });
  return { ticketId: survey.glpiTicketId, ticketTitle: ticket?.name ?? null, expiresAt: survey.expiresAt };
}

/**
 * The answer from the mail's link, without logging in. The input is checked before anything is
 * read; the survey row is locked and answered in one transaction with its outbox row, so a link
 * used twice at once is answered once; used again later, it is told so.
 */
export async function answerByToken(token: string, input: SatisfactionAnswer, now = new Date()) {
  const answer = satisfactionAnswerSchema.parse(input);
  return sequelize.transaction(async (transaction) => {
    const survey = await surveyOfToken(token, now, transaction);
    if (survey.userId === null) throw new AppError('CONFLICT', 'satisfaction.errors.invalid');
    await record(survey, survey.userId, answer, 'mail', transaction);
    return { ticketId: survey.glpiTicketId };
  });
}

/** The answer from the portal, by a client of the ticket's company; the ticket must be solved or closed. */
export async function answerFromPortal(
  companyId: number,
  userId: number,
  glpiTicketId: number,
  input: SatisfactionAnswer,
  now = new Date(),
) {
  const answer = satisfactionAnswerSchema.parse(input);
  return sequelize.transaction(async (transaction) => {
    const ticket = await GlpiTicket.findOne({
      where: { companyId, glpiId: glpiTicketId, deletedAt: null },
      attributes: ['status'],
      transaction,
    });
    if (!ticket) throw notFound();
    if (!answerable(ticket.status)) throw new AppError('CONFLICT', 'satisfaction.errors.notSolved');
    await findOrCreateSurvey(companyId, glpiTicketId, userId, now, transaction);
    const survey = await TicketSurvey.findOne({
      where: { companyId, glpiTicketId },
      transaction,
      lock: transaction.LOCK.UPDATE,
      rejectOnEmpty: true,
    });
    if (survey.answeredAt) throw new AppError('CONFLICT', 'satisfaction.errors.used');
    await record(survey, userId, answer, 'portal', transaction);
    return { ticketId: glpiTicketId };
  });
}

async function record(
  survey: TicketSurvey,
  userId: number,
  answer: z.output<typeof satisfactionAnswerSchema>,
  via: 'mail' | 'portal',
  transaction: Transaction,
) {
  const entry = await queueSatisfaction({ companyId: survey.companyId, userId, glpiTicketId: survey.glpiTicketId, ...answer }, transaction);
  // The token's hash stays: the link used again is told it was answered, rather than that it is unknown.
  await survey.update(
    { rating: answer.rating, comment: answer.comment || null, answeredAt: new Date(), answeredVia: via, outboxId: entry.id },
    { transaction },
  );
}

/** The ticket page's view: the answer given, or whether one may be given now. */
export async function ticketSatisfaction(companyId: number, glpiTicketId: number, status: number) {
  const survey = await TicketSurvey.findOne({ where: { companyId, glpiTicketId }, attributes: ['rating', 'comment', 'answeredAt'] });
  if (survey?.answeredAt) return { canAnswer: false, rating: survey.rating, comment: survey.comment, answeredAt: survey.answeredAt };
  return { canAnswer: answerable(status), rating: null, comment: null, answeredAt: null };
}

/** Average rating and answers per month, the last 12 months (Algiers), for the company's dashboard. */
export async function satisfactionByMonth(companyId: number, now = new Date()) {
  const rows = await sequelize.query<{ month: string; answers: number; average: string | number }>(
    `SELECT DATE_FORMAT(CONVERT_TZ(answered_at, '+00:00', '+01:00'), '%Y-%m') AS month, COUNT(*) AS answers, AVG(rating) AS average
     FROM ticket_surveys WHERE company_id = :companyId AND answered_at IS NOT NULL AND answered_at > DATE_SUB(:now, INTERVAL 12 MONTH)
     GROUP BY month ORDER BY month`,
    { replacements: { companyId, now }, type: QueryTypes.SELECT },
  );
  const byMonth = new Map(
    rows.map((row) => [row.month, { answers: Number(row.answers), average: Math.round(Number(row.average) * 10) / 10 }]),
  );
  // Algeria keeps UTC+1 all year: the month of an instant there.
  const algiers = new Date(now.getTime() + 3_600_000);
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(algiers.getUTCFullYear(), algiers.getUTCMonth() - 11 + index, 1));
    const month = date.toISOString().slice(0, 7);
    return { month, answers: byMonth.get(month)?.answers ?? 0, average: byMonth.get(month)?.average ?? null };
  });
}

/** Staff: a company's satisfaction (all answers), with its latest comments. */
export async function companySatisfaction(companyId: number) {
  const [summary] = await sequelize.query<{ answers: number; average: string | number | null; sent: number }>(
    'SELECT COUNT(answered_at) AS answers, AVG(rating) AS average, COUNT(*) AS sent FROM ticket_surveys WHERE company_id = :companyId',
    { replacements: { companyId }, type: QueryTypes.SELECT },
  );
  const latest = await TicketSurvey.findAll({
    where: { companyId, answeredAt: { [Op.ne]: null } },
    order: [['answeredAt', 'DESC']],
    limit: 5,
    attributes: ['glpiTicketId', 'rating', 'comment', 'answeredAt', 'answeredVia'],
  });
  return {
    surveys: Number(summary?.sent ?? 0),
    answers: Number(summary?.answers ?? 0),
    average: summary?.average === null || summary?.average === undefined ? null : Math.round(Number(summary.average) * 10) / 10,
    latest: latest.map((row) => ({
      ticketId: row.glpiTicketId,
      rating: row.rating,
      comment: row.comment,
      answeredAt: row.answeredAt,
      via: row.answeredVia,
    })),
    byMonth: await satisfactionByMonth(companyId),
  };
}

/** The ticket's one survey, unanswered, for `userId`, made if it does not exist yet; true when made now. */
async function findOrCreateSurvey(
  companyId: number,
  glpiTicketId: number,
  userId: number,
  now: Date,
  transaction: Transaction,
): Promise<boolean> {
  const [, created] = await TicketSurvey.findOrCreate({
    where: { companyId, glpiTicketId },
    defaults: {
      companyId,
      glpiTicketId,
      userId,
      tokenHash: null,
      expiresAt: new Date(now.getTime() + SURVEY_DAYS * 86_400_000),
      rating: null,
      comment: null,
      answeredAt: null,
      answeredVia: null,
      outboxId: null,
    },
    transaction,
  });
  return created;
}
