import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { Company, EmailLogEntry, GlpiOutboxEntry, TicketSurvey } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { answerByToken, companySatisfaction, satisfactionByMonth, surveyByToken } from '../../server/portal/ticket-satisfaction';
import { notifyPendingSyncEvents } from '../../worker/sync/notify-sync-events';
import { tokenMailedTo } from '../support/account-mail';
import { closeTestResources } from '../support/close-resources';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';
import { testClient } from '../support/trpc-caller';
import { expectRefused, subscribedClient } from './portal-support';

/**
 * A ticket solved in GLPI opens a satisfaction survey: one mail whose link works without a session,
 * once, until it expires; the same answer from the portal. Bad input stores nothing. The delivery
 * to GLPI's TicketSatisfaction is checked against the real GLPI (ticket-satisfaction-real-glpi.test.ts).
 */
let h: SyncHarness;
let companyId: number;
let otherId: number;
let client: Awaited<ReturnType<typeof subscribedClient>>;

beforeAll(async () => {
  await seedCatalog();
  h = await startSyncHarness({ sim: { seed: { seed: 33, entities: 2, assets: 5, tickets: 24 } }, options: { glpiUtcOffsetMinutes: 0 } });
  const [entityId, otherEntity] = h.entityIds as [number, number];
  companyId = h.companyOf.get(entityId)!;
  otherId = h.companyOf.get(otherEntity)!;
  client = await subscribedClient({ company: (await Company.findByPk(companyId))! });
  await h.syncAll();
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

const ticketsWith = async (status: number[]) =>
  (
    await sequelize.query<{ id: number }>(
      'SELECT glpi_id AS id FROM glpi_tickets WHERE company_id = :companyId AND status IN (:status) AND deleted_at IS NULL ORDER BY glpi_id',
      { replacements: { companyId, status }, type: QueryTypes.SELECT },
    )
  ).map((row) => Number(row.id));
const answersStored = () => GlpiOutboxEntry.count({ where: { companyId, kind: 'satisfaction' } });

describe('ticket satisfaction', () => {
  it('mails a single-use, expiring link when the sync sees a ticket solved; bad input and forged links store nothing', async () => {
    const [open] = await ticketsWith([1, 2, 3, 4]);
    h.sim.state.addItem('ITILSolution', { itemtype: 'Ticket', items_id: open!, content: 'Câble remplacé.' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await h.cycle(companyId);
    await notifyPendingSyncEvents({ companyId });

    const survey = await TicketSurvey.findOne({ where: { companyId, glpiTicketId: open! }, rejectOnEmpty: true });
    expect(survey.userId).toBe(client.user.id);
    // email_log keeps the survey's reference, never a working link.
    const logged = await EmailLogEntry.findOne({
      where: { recipient: client.user.email, template: 'ticket-satisfaction' },
      rejectOnEmpty: true,
    });
    expect(JSON.stringify(logged.params)).not.toContain('/satisfaction/');
    const token = (await tokenMailedTo(client.user.email, '/satisfaction/'))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await TicketSurvey.findByPk(survey.id))!.tokenHash).not.toContain(token);

    // No session: a browser that never logged in.
    const visitor = testClient();
    expect(await visitor.run((api) => api.satisfaction.view({ token }))).toMatchObject({ ticketId: open });
    const before = await answersStored();
    await expectRefused(
      visitor.run((api) => api.satisfaction.answer({ token, rating: 6, comment: 'Trop bien' })),
      'BAD_REQUEST',
    );
    await expectRefused(
      visitor.run((api) => api.satisfaction.answer({ token, rating: 0, comment: '' })),
      'BAD_REQUEST',
    );
    await expectRefused(
      visitor.run((api) =>
        api.satisfaction.answer({ token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, rating: 4, comment: '' }),
      ),
      'NOT_FOUND',
      'satisfaction.errors.invalid',
    );
    await expectRefused(
      visitor.run((api) => api.satisfaction.view({ token: 'forged' })),
      'NOT_FOUND',
      'satisfaction.errors.invalid',
    );
    expect(await answersStored()).toBe(before);
    expect((await TicketSurvey.findByPk(survey.id))!.answeredAt).toBeNull();

    expect(await visitor.run((api) => api.satisfaction.answer({ token, rating: 4, comment: 'Rapide et efficace.' }))).toEqual({
      ticketId: open,
    });
    expect(await answersStored()).toBe(before + 1);
    const entry = await GlpiOutboxEntry.findOne({ where: { companyId, kind: 'satisfaction', glpiTicketId: open! }, rejectOnEmpty: true });
    expect(entry).toMatchObject({ userId: client.user.id, payload: { rating: 4, comment: 'Rapide et efficace.' } });
    // Used twice: refused with a clear message, nothing more stored.
    await expectRefused(
      visitor.run((api) => api.satisfaction.answer({ token, rating: 1, comment: '' })),
      'CONFLICT',
      'satisfaction.errors.used',
    );
    await expectRefused(
      visitor.run((api) => api.satisfaction.view({ token })),
      'CONFLICT',
      'satisfaction.errors.used',
    );
    expect(await answersStored()).toBe(before + 1);
    expect(await TicketSurvey.findByPk(survey.id)).toMatchObject({ rating: 4, answeredVia: 'mail' });
    // A second sync of the same solve mails nothing new.
    await h.cycle(companyId);
    await notifyPendingSyncEvents({ companyId });
    expect(await EmailLogEntry.count({ where: { recipient: client.user.email, template: 'ticket-satisfaction' } })).toBe(1);
  }, 120_000);

  it('refuses an expired link', async () => {
    const [, closed] = await ticketsWith([6]);
    const survey = await TicketSurvey.create({
      companyId,
      glpiTicketId: closed!,
      userId: client.user.id,
      tokenHash: null,
      expiresAt: new Date(Date.now() + 60_000),
      rating: null,
      comment: null,
      answeredAt: null,
      answeredVia: null,
      outboxId: null,
    });
    const { issueSurveyLink } = await import('../../server/portal/ticket-satisfaction');
    const token = (await issueSurveyLink(survey.id))!;
    const later = new Date(Date.now() + 120_000);
    await expect(surveyByToken(token, later)).rejects.toMatchObject({ code: 'CONFLICT', message: 'satisfaction.errors.expired' });
    await expect(answerByToken(token, { rating: 5, comment: '' }, later)).rejects.toMatchObject({ message: 'satisfaction.errors.expired' });
    expect((await TicketSurvey.findByPk(survey.id))!.answeredAt).toBeNull();
    // An expired survey gets no new link either.
    expect(await issueSurveyLink(survey.id, later)).toBeNull();
  });

  it('takes the answer from the portal once, for the company’s own solved or closed tickets only', async () => {
    const surveyed = new Set(
      (await TicketSurvey.findAll({ where: { companyId }, attributes: ['glpiTicketId'] })).map((s) => s.glpiTicketId),
    );
    const [closed, second] = (await ticketsWith([5, 6])).filter((id) => !surveyed.has(id));
    const [open] = await ticketsWith([1, 2, 3, 4]);
    await client.browser.run((api) => api.portal.tickets.rate({ glpiId: second!, rating: 2, comment: 'Trop long.' }));
    await expectRefused(
      client.browser.run((api) => api.portal.tickets.rate({ glpiId: second!, rating: 5, comment: '' })),
      'CONFLICT',
      'satisfaction.errors.used',
    );
    const page = await client.browser.run((api) => api.portal.tickets.conversation({ glpiId: second! }));
    expect(page.satisfaction).toMatchObject({ canAnswer: false, rating: 2, comment: 'Trop long.' });
    await expectRefused(
      client.browser.run((api) => api.portal.tickets.rate({ glpiId: closed!, rating: 9, comment: '' })),
      'BAD_REQUEST',
    );
    if (open !== undefined && open !== closed) {
      await expectRefused(
        client.browser.run((api) => api.portal.tickets.rate({ glpiId: open, rating: 3, comment: '' })),
        'CONFLICT',
        'satisfaction.errors.notSolved',
      );
    }
    // Another company's client cannot rate this company's ticket.
    const other = await subscribedClient({ company: (await Company.findByPk(otherId))! });
    await expectRefused(
      other.browser.run((api) => api.portal.tickets.rate({ glpiId: closed!, rating: 1, comment: '' })),
      'NOT_FOUND',
    );
    expect(await TicketSurvey.count({ where: { companyId: otherId } })).toBe(0);

    // The mail's answer (4) and this one (2), both this month.
    const months = await satisfactionByMonth(companyId);
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toMatchObject({ answers: 2, average: 3 });
    expect(await companySatisfaction(companyId)).toMatchObject({ answers: 2, average: 3 });
  });
});
