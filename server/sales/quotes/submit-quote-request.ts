import { translator } from '../../../shared/i18n/i18n';
import { resolveLocale, type Locale } from '../../../shared/i18n/locales';
import { formatDa } from '../../../shared/format';
import { recordAudit } from '../../audit/record-audit';
import { estimateMonthlyPrice } from '../../catalog/tier-pricing';
import { config } from '../../config';
import { Company, QuoteRequest, Service, User } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import { notifyStaff, notifyUsers } from '../../notifications/notify';
import type { SubmitQuoteRequestInput } from './quote-request-schemas';
import { quoteReference } from './quote-reference';

/**
 * A client asks for a quote. Their company is created with the first request (and the account
 * attached to it) or, later, updated with what they typed; the estimate is the catalog's tier
 * price at this moment (null above the top tier: the commercial sets it).
 */
export async function submitQuoteRequest(userId: number, input: SubmitQuoteRequestInput, ip: string | null) {
  const service = await Service.findOne({ where: { code: input.serviceCode, active: true } });
  if (!service) throw new AppError('BAD_INPUT', 'validation.serviceRequired', { field: 'serviceCode' });
  const estimate = await estimateMonthlyPrice(input.serviceCode, input);
  const monthlyPriceDa = estimate?.monthlyPriceDa ?? null;

  return sequelize.transaction(async (transaction) => {
    // Locked so that two quick submissions by a company-less client create one company, not two.
    const user = await User.findByPk(userId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!user || user.role !== 'client') throw new AppError('FORBIDDEN', 'errors.forbidden');

    const { name, sector, employeeRange, address, phone, rc, nif, nis, ai } = input.company;
    const companyValues = { name, sector, employeeRange, address, phone, rc, nif, nis, ai };
    let company: Company;
    if (user.companyId === null) {
      company = await Company.create(companyValues, { transaction });
      user.companyId = company.id;
      await user.save({ transaction });
      await recordAudit({ actorUserId: userId, action: 'company.create', recordType: 'company', recordId: company.id, ip }, transaction);
    } else {
      const existing = await Company.findByPk(user.companyId, { transaction });
      if (!existing) throw notFound();
      company = await existing.update(companyValues, { transaction });
      await recordAudit({ actorUserId: userId, action: 'company.update', recordType: 'company', recordId: company.id, ip }, transaction);
    }

    const previousQuoteId =
      input.previousQuoteId != null &&
      (await QuoteRequest.count({ where: { id: input.previousQuoteId, companyId: company.id }, transaction })) > 0
        ? input.previousQuoteId
        : null;

    const quote = await QuoteRequest.create(
      {
        companyId: company.id,
        requesterUserId: userId,
        serviceId: service.id,
        durationMonths: input.durationMonths,
        ticketsPerMonth: input.ticketsPerMonth,
        pcsCount: input.pcsCount,
        softwareCount: input.softwareCount,
        description: input.description,
        estimatedMonthlyPriceDa: monthlyPriceDa,
        contactedAt: null,
        previousQuoteId,
      },
      { transaction },
    );
    await recordAudit(
      {
        actorUserId: userId,
        action: 'quote.submit',
        recordType: 'quote_request',
        recordId: quote.id,
        details: { service: service.code, durationMonths: quote.durationMonths, estimatedMonthlyPriceDa: monthlyPriceDa, previousQuoteId },
        ip,
      },
      transaction,
    );

    const reference = quoteReference(quote.id);
    const clientLocale = resolveLocale(user.locale);
    const estimateIn = (locale: Locale) =>
      monthlyPriceDa === null
        ? translator(locale)('mailSales.estimateCustom')
        : translator(locale)('mailSales.estimateAmount', { amount: formatDa(monthlyPriceDa, locale) });
    const serviceName = clientLocale === 'en' ? service.nameEn : service.nameFr;

    await notifyUsers(
      {
        userIds: [userId],
        kind: 'quoteReceived',
        params: { reference, serviceName },
        link: '/portal',
        mail: {
          template: 'quote-received',
          params: {
            name: user.firstName,
            reference,
            serviceName,
            durationMonths: quote.durationMonths,
            estimate: estimateIn(clientLocale),
            portalUrl: new URL('/portal', config.APP_URL).toString(),
          },
        },
      },
      transaction,
    );
    await notifyStaff(
      {
        kind: 'newQuoteRequest',
        params: { reference, companyName: company.name },
        link: `/backoffice/quotes/${quote.id}`,
        mail: {
          template: 'new-quote-request',
          params: {
            reference,
            companyName: company.name,
            contactName: `${user.firstName} ${user.lastName}`,
            phone: company.phone ?? user.phone ?? '',
            serviceName: service.nameFr,
            durationMonths: quote.durationMonths,
            estimate: estimateIn('fr'),
            quoteUrl: new URL(`/backoffice/quotes/${quote.id}`, config.APP_URL).toString(),
          },
        },
      },
      transaction,
    );

    return { quoteId: quote.id, reference, companyId: company.id, estimatedMonthlyPriceDa: monthlyPriceDa };
  });
}
