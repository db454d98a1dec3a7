import { Op, QueryTypes, type Transaction } from 'sequelize';
import { billingRoles, type CompanyRole } from '../accounts/roles';
import { sequelize } from '../db/sequelize';
import { resolveLocale } from '../../shared/i18n/locales';
import { config } from '../config';
import { Notification, User } from '../db/models';
import { enqueueMail } from '../mail/enqueue-mail';
import type { Attachment } from '../mail/enqueue-mail';
import type { MailParams, MailTemplateName } from '../mail/mail-templates';

type MailPart<N extends MailTemplateName> = { template: N; params: MailParams<N>; attachments?: Attachment[] };

/**
 * Tells people something happened: an in-app notification (an i18n key `notifications.<kind>`
 * and its parameters, shown in the reader's language) and, when given, an e-mail in their
 * language. Written in the caller's transaction: nothing is announced for a change rolled back.
 */
export async function notifyUsers<N extends MailTemplateName>(
  input: { userIds: number[]; kind: string; params: Record<string, string | number>; link?: string | null; mail?: MailPart<N> },
  transaction?: Transaction,
): Promise<void> {
  if (input.userIds.length === 0) return;
  const users = await User.findAll({ where: { id: { [Op.in]: input.userIds }, active: true }, transaction });
  for (const user of users) {
    await Notification.create(
      { userId: user.id, kind: input.kind, params: input.params, link: input.link ?? null, readAt: null },
      { transaction },
    );
    if (input.mail) {
      await enqueueMail(
        {
          to: user.email,
          template: input.mail.template,
          locale: resolveLocale(user.locale),
          params: input.mail.params,
          attachments: input.mail.attachments,
        },
        transaction,
      );
    }
  }
}

async function activeOfCompany(companyId: number, companyRoles: readonly CompanyRole[], transaction?: Transaction): Promise<number[]> {
  const users = await User.findAll({
    where: { companyId, role: 'client', companyRole: [...companyRoles], active: true },
    attributes: ['id'],
    transaction,
  });
  return users.map((u) => u.id);
}

/** The people concerned by a client company's documents and payments: its managers and billing contacts (never a member). */
export function companyUserIds(companyId: number, transaction?: Transaction): Promise<number[]> {
  return activeOfCompany(companyId, billingRoles, transaction);
}

/** A client company's managers: its plan and dashboards (quota warnings). */
export function companyManagerIds(companyId: number, transaction?: Transaction): Promise<number[]> {
  return activeOfCompany(companyId, ['manager'], transaction);
}

/**
 * Who hears about a ticket: the company's managers, and the members its cached actors name as
 * requester or observer (docs/decisions/110-company-roles.md).
 */
export async function ticketAudienceIds(companyId: number, glpiTicketId: number, transaction?: Transaction): Promise<number[]> {
  const [managers, members] = await Promise.all([
    companyManagerIds(companyId, transaction),
    sequelize.query<{ id: number }>(
      `SELECT DISTINCT u.id FROM users u
         JOIN glpi_user_links l ON l.user_id = u.id
         JOIN glpi_tickets t ON t.company_id = u.company_id AND t.glpi_id = :glpiTicketId
         LEFT JOIN glpi_ticket_actors a ON a.glpi_entity_id = t.glpi_entity_id AND a.ticket_glpi_id = t.glpi_id AND a.glpi_user_id = l.glpi_user_id
        WHERE u.company_id = :companyId AND u.role = 'client' AND u.company_role = 'member' AND u.active = 1
          AND (a.glpi_user_id IS NOT NULL OR t.requester_glpi_user_id = l.glpi_user_id)`,
      { replacements: { companyId, glpiTicketId }, type: QueryTypes.SELECT, transaction },
    ),
  ]);
  return [...new Set([...managers, ...members.map((row) => Number(row.id))])];
}

/** The sales team: in-app for every commercial and admin, one e-mail to the team's address. */
export async function notifyStaff<N extends MailTemplateName>(
  input: { kind: string; params: Record<string, string | number>; link?: string | null; mail?: MailPart<N> },
  transaction?: Transaction,
): Promise<void> {
  const staff = await User.findAll({
    where: { role: { [Op.in]: ['commercial', 'admin'] }, active: true },
    attributes: ['id'],
    transaction,
  });
  await notifyUsers({ userIds: staff.map((u) => u.id), kind: input.kind, params: input.params, link: input.link }, transaction);
  if (input.mail) {
    await enqueueMail(
      {
        to: config.STAFF_EMAIL,
        template: input.mail.template,
        locale: 'fr',
        params: input.mail.params,
        attachments: input.mail.attachments,
      },
      transaction,
    );
  }
}
