import type { z } from 'zod';
import { addressKey } from '../auth/login-rate-limit';
import { consumeWriteLimits } from '../auth/rate-limit';
import { config } from '../config';
import { ContactMessage } from '../db/models';
import { sequelize } from '../db/sequelize';
import { requestLog } from '../request-context';
import { enqueueMail } from '../mail/enqueue-mail';
import type { contactMessageInput } from './contact-schemas';

/**
 * A visitor's message: stored, then e-mailed to the sales team. A filled honeypot gets the same
 * answer as a real message (a robot learns nothing) but nothing is stored or sent.
 */
export async function submitContactMessage(input: z.infer<typeof contactMessageInput>, ip: string | null): Promise<{ ok: true }> {
  if (input.website) {
    requestLog().info({ ip }, 'contact message dropped: honeypot filled');
    return { ok: true };
  }
  await consumeWriteLimits([['contactPerAddress', addressKey(ip)]]);

  await sequelize.transaction(async (transaction) => {
    await ContactMessage.create(
      { name: input.name, email: input.email, phone: input.phone, company: input.company, message: input.message, ip },
      { transaction },
    );
    await enqueueMail(
      {
        to: config.STAFF_EMAIL,
        template: 'contact-message',
        locale: 'fr',
        params: { name: input.name, email: input.email, phone: input.phone ?? '—', company: input.company ?? '—', message: input.message },
      },
      transaction,
    );
  });
  return { ok: true };
}
