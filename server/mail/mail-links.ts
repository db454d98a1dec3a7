import { randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import { issuePasswordToken } from '../accounts/password-token';
import { sha256 } from '../auth/token-hash';
import { config } from '../config';
import { PendingRegistration, User } from '../db/models';
import { sequelize } from '../db/sequelize';
import type { MailTemplateName } from './mail-templates';
import { issueSurveyLink } from '../portal/ticket-satisfaction';

/**
 * The single-use links of the account mails, made when the mail is sent and put only into the
 * message: email_log keeps the mail's parameters, never a working link. Each send (a retry, an
 * admin's resend) makes a new link and ends the previous one. Null when the link no longer
 * applies (the account was deactivated, the invitation accepted, the registration confirmed or
 * expired): such a mail is not sent.
 */
type LinkMaker = (params: Record<string, unknown>) => Promise<Record<string, string> | null>;

const absolute = (path: string) => new URL(path, config.APP_URL).toString();

/** Staff and client invitations share the link: an account not yet given a password, still active. */
const invitationLink = (userId: number) =>
  sequelize.transaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!user?.active || user.passwordHash !== null) return null;
    return { invitationUrl: absolute(`/invitation/${await issuePasswordToken(user.id, 'invitation', transaction)}`) };
  });

const makers: Partial<Record<MailTemplateName, LinkMaker>> = {
  'password-reset': async ({ userId }) =>
    sequelize.transaction(async (transaction) => {
      const user = await User.findByPk(Number(userId), { transaction, lock: transaction.LOCK.UPDATE });
      if (!user?.active) return null;
      return { resetUrl: absolute(`/reset-password/${await issuePasswordToken(user.id, 'reset', transaction)}`) };
    }),
  'employee-invitation': ({ userId }) => invitationLink(Number(userId)),
  'company-invitation': ({ userId }) => invitationLink(Number(userId)),
  'registration-confirm': async ({ registrationId }) => {
    const token = randomBytes(32).toString('base64url');
    const [updated] = await PendingRegistration.update(
      { tokenHash: sha256(token) },
      { where: { id: Number(registrationId), expiresAt: { [Op.gt]: new Date() } } },
    );
    return updated === 1 ? { confirmUrl: absolute(`/register/confirm/${token}`) } : null;
  },
  'ticket-satisfaction': async ({ surveyId }) => {
    const token = await issueSurveyLink(Number(surveyId));
    if (token === null) return null;
    const surveyUrl = absolute(`/satisfaction/${token}`);
    return { surveyUrl, ...Object.fromEntries([1, 2, 3, 4, 5].map((stars) => [`star${stars}Url`, `${surveyUrl}?note=${stars}`])) };
  },
};

/** The link values for this mail, {} for a mail without a link, null when its link no longer applies. */
export async function makeMailLink(template: MailTemplateName, params: Record<string, unknown>): Promise<Record<string, string> | null> {
  const maker = makers[template];
  return maker ? maker(params) : {};
}
