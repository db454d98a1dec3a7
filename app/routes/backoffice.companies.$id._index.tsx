import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { pageTitle } from '~/utils/page-title';
import { CompanyDocuments } from '~/components/backoffice/company-documents';
import { CompanyAudit, CompanyTimeline } from '~/components/backoffice/company-history';
import { CompanySyncMonitor } from '~/components/backoffice/company-sync-monitor';
import { CompanyReports } from '~/components/backoffice/company-reports';
import { monthsEndingWith, previousMonth } from '../../server/reports/report-month';
import { Pager } from '~/components/pager';
import { FormAlert } from '~/components/form-alert';
import { LegalIdentityForm } from '~/components/backoffice/legal-identity-form';
import { BalanceSummary } from '~/components/billing/balance-summary';
import { SubscriptionChanges } from '~/components/billing/subscription-changes';
import { isSubscriptionIntent, runSubscriptionIntent } from '~/utils/subscription-actions.server';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { orNotFound, staffPage } from '~/utils/page-access.server';
import { formatDate } from '~/utils/billing-format';
import { idParam } from '~/utils/route-params.server';
import { formatDa, formatDateTime, formatMonth, formatNumber, formatPercent } from '../../shared/format';
import { CompanySatisfaction } from '~/components/backoffice/company-satisfaction';

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  { title: pageTitle(matches, 'company', loaded?.overview.company.name) },
];

// This page is the index of /backoffice/companies/:id so that the GLPI page beside it
// (backoffice.companies.$id.glpi.tsx) stays a page of its own rather than a child of this one.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const companyId = idParam(params.id);
  const auditPage = Math.max(1, Math.min(10_000, Number(new URL(request.url).searchParams.get('page')) || 1));
  const [overview, timeline, audit, sync, satisfaction, balance, subscription, reports] = await Promise.all([
    orNotFound(api.backoffice.companies.overview({ companyId })),
    orNotFound(api.backoffice.companies.timeline({ companyId })),
    orNotFound(api.backoffice.companies.audit({ companyId, page: auditPage })),
    orNotFound(api.backoffice.companies.syncMonitor({ companyId })),
    orNotFound(api.backoffice.companies.satisfaction({ companyId })),
    api.payments.balanceOf({ companyId }),
    api.subscriptions.ofCompany({ companyId }),
    api.reports.ofCompany({ companyId }),
  ]);
  // The finished months staff may have a report made (again) for, newest first.
  const reportMonths = monthsEndingWith(previousMonth(), 12).reverse();
  return data(
    { overview, timeline, audit, sync, satisfaction, balance, subscription, reports, reportMonths, locale: ctx.locale },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, ctx, headers } = await serverApi(request, context);
  try {
    if (isSubscriptionIntent(values.intent))
      return data({ ok: true as const, ...(await runSubscriptionIntent(api, values, 'staff', ctx.locale)) }, { headers });
    if (values.intent === 'legal-identity') {
      const { rc, nif, nis, ai, name, address } = values;
      await api.backoffice.companies.updateLegalIdentity({ companyId: idParam(params.id), name: name ?? '', address, rc, nif, nis, ai });
      return data({ ok: true as const, message: 'legalIdentity.saved', params: {} }, { headers });
    }
    if (values.intent === 'regenerate-report') {
      const month = values.month ?? '';
      await api.reports.regenerate({ companyId: idParam(params.id), month });
      return data({ ok: true as const, message: 'report.staff.queued', params: { month: formatMonth(month, ctx.locale) } }, { headers });
    }
    await api.backoffice.companies.syncNow({ companyId: idParam(params.id) });
    return data({ ok: true as const, message: 'boCompany.syncRequested', params: {} }, { headers });
  } catch (error) {
    return data(formFailure(error, values), { headers });
  }
}

export default function BackofficeCompany() {
  const { overview, timeline, audit, sync, satisfaction, balance, subscription, reports, reportMonths, locale } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const { company, people, current, subscriptions, glpi, quota } = overview;
  const legal = [
    ['rc', company.rc],
    ['nif', company.nif],
    ['nis', company.nis],
    ['ai', company.ai],
  ] as const;
  return (
    <>
      <p>
        <Link to="/backoffice/companies">← {t('boCompany.back')}</Link>
      </p>
      <h1>{company.name}</h1>
      <p className="muted">{t('boCompany.clientSince', { date: formatDate(company.createdAt, locale) })}</p>
      {result?.ok ? (
        <FormAlert tone="success" message={result.message} params={result.params} />
      ) : result && !isSubscriptionIntent(result.values.intent) ? (
        <FormAlert message={result.formError} params={result.params} />
      ) : null}
      <div className="two-columns">
        <section className="card" aria-labelledby="bo-company-identity">
          <h2 id="bo-company-identity">{t('boCompany.identity')}</h2>
          <dl className="bo-facts">
            <dt>{t('boCompany.sector')}</dt>
            <dd>{company.sector ?? <span className="muted">{t('boCompany.missing')}</span>}</dd>
            <dt>{t('boCompany.employees')}</dt>
            <dd>{company.employeeRange ?? <span className="muted">{t('boCompany.missing')}</span>}</dd>
            <dt>{t('boCompany.address')}</dt>
            <dd>{company.address ?? <span className="muted">{t('boCompany.missing')}</span>}</dd>
            <dt>{t('boCompany.phone')}</dt>
            <dd>
              {company.phone ? (
                <a href={`tel:${company.phone}`}>{company.phone}</a>
              ) : (
                <span className="muted">{t('boCompany.missing')}</span>
              )}
            </dd>
            {legal.map(([key, value]) => (
              <div key={key} className="bo-facts__row">
                <dt>{t(`boCompany.${key}`)}</dt>
                <dd>{value ?? <span className="muted">{t('boCompany.missing')}</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
        <LegalIdentityForm
          company={company}
          failure={result && !result.ok && result.values.intent === 'legal-identity' ? result : undefined}
          busy={busy}
        />
        <section className="card" aria-labelledby="bo-company-current" data-testid="company-current">
          <h2 id="bo-company-current">{t('boCompany.currentTitle')}</h2>
          {current ? (
            <p>
              {t('boCompany.paidUntil', {
                service: locale === 'en' ? current.service.nameEn : current.service.nameFr,
                tier: current.tierMaxQty,
                date: formatDate(current.endAt, locale),
                count: current.daysLeft,
              })}
            </p>
          ) : (
            <p className="muted">{t('boCompany.noCurrent')}</p>
          )}
          <h3>{t('boCompany.quotaTitle')}</h3>
          {quota.length === 0 ? (
            <p className="muted">{t('boCompany.noQuota')}</p>
          ) : (
            <ul className="list">
              {quota.map((line) => (
                <li key={line.kind} className={line.percent >= 100 ? 'bo-quota bo-quota--over' : 'bo-quota'}>
                  {t('boClients.quotaLine', {
                    kind: t(`boClients.quotaKinds.${line.kind}`),
                    used: formatNumber(line.used, locale),
                    allowed: formatNumber(line.allowed, locale),
                    percent: formatPercent(line.percent, locale),
                  })}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('boCompany.glpiTitle')}</h3>
          <p>
            {glpi.entityId === null ? t('boClients.noGlpi') : t('boClients.glpiEntity', { id: glpi.entityId })} ·{' '}
            <span className={`glpi-state glpi-state--${glpi.provisioningState}`}>
              {t(`boClients.provisioning.${glpi.provisioningState}`)}
            </span>
          </p>
          {glpi.provisioningState === 'failed' && glpi.lastError ? (
            <p className="admin-error-text">{t('boCompany.glpiError', { error: glpi.lastError })}</p>
          ) : null}
          <p>
            <Link to={`/backoffice/companies/${company.id}/glpi`}>{t('boCompany.glpiPage')}</Link>
          </p>
        </section>
      </div>

      <section aria-labelledby="bo-company-people">
        <h2 id="bo-company-people">{t('boCompany.peopleTitle')}</h2>
        <p>
          <Link to={`/backoffice/companies/${company.id}/people`}>{t('team.staffTitle')}</Link>
        </p>
        {people.length === 0 ? (
          <p className="muted">{t('boCompany.noPeople')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption>{t('boCompany.peopleCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('boCompany.person')}</th>
                  <th scope="col">{t('boCompany.email')}</th>
                  <th scope="col">{t('boCompany.phone')}</th>
                  <th scope="col">{t('boCompany.lastLogin')}</th>
                  <th scope="col" className="num">
                    {t('boCompany.logins')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      {p.active ? null : <span className="muted"> ({t('boCompany.inactive')})</span>}
                    </th>
                    <td>
                      <a href={`mailto:${p.email}`}>{p.email}</a>
                    </td>
                    <td>{p.phone ?? ''}</td>
                    <td>{p.lastLoginAt ? formatDateTime(p.lastLoginAt, locale) : <span className="muted">{t('boCompany.never')}</span>}</td>
                    <td className="num">{p.loginCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="bo-company-subscriptions" data-testid="company-subscriptions">
        <h2 id="bo-company-subscriptions">{t('boCompany.subscriptionsTitle')}</h2>
        {subscriptions.length === 0 ? (
          <p className="muted">{t('boCompany.noSubscriptions')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption>{t('boCompany.subscriptionsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('boCompany.service')}</th>
                  <th scope="col">{t('boCompany.tier')}</th>
                  <th scope="col">{t('boCompany.period')}</th>
                  <th scope="col" className="num">
                    {t('boCompany.monthly')}
                  </th>
                  <th scope="col">{t('boCompany.status')}</th>
                  <th scope="col">{t('subscriptionChanges.contract')}</th>
                  <th scope="col">{t('subscriptionChanges.autoRenewColumn')}</th>
                  <th scope="col">{t('boCompany.invoice')}</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{locale === 'en' ? s.serviceNameEn : s.serviceNameFr}</th>
                    <td>{s.tierMaxQty}</td>
                    <td>{t('boCompany.periodValue', { start: formatDate(s.startAt, locale), end: formatDate(s.endAt, locale) })}</td>
                    <td className="num">{formatDa(s.monthlyPriceDa, locale)}</td>
                    <td>
                      <span className={`bo-state bo-state--${s.state}`}>{t(`boClients.state.${s.state}`)}</span>
                    </td>
                    <td data-testid={`subscription-status-${s.id}`}>{t(`subscriptionChanges.status.${s.status}`)}</td>
                    <td>{s.autoRenew ? t('subscriptionChanges.yes') : t('subscriptionChanges.no')}</td>
                    <td>{s.invoice ? <Link to={`/backoffice/invoices/${s.invoice.id}`}>{s.invoice.number}</Link> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {subscription ? (
        <SubscriptionChanges
          subscription={subscription}
          locale={locale}
          failure={result && !result.ok && isSubscriptionIntent(result.values.intent) ? result : undefined}
          busy={busy}
        />
      ) : null}

      <BalanceSummary balance={balance} locale={locale} headingId="bo-company-balance" title={t('subscriptionChanges.balanceTitle')} />

      <section aria-labelledby="bo-company-documents" data-testid="company-documents">
        <h2 id="bo-company-documents">{t('boCompany.documentsTitle')}</h2>
        <CompanyDocuments documents={overview.documents} locale={locale} />
      </section>

      <section aria-labelledby="bo-company-reports">
        <h2 id="bo-company-reports">{t('report.staff.title')}</h2>
        <CompanyReports
          reports={reports}
          months={reportMonths}
          locale={locale}
          busy={busy}
          monthError={result && !result.ok && result.values.intent === 'regenerate-report' ? result.fieldErrors.month : undefined}
        />
      </section>

      <section aria-labelledby="bo-company-sync">
        <h2 id="bo-company-sync">{t('boCompany.syncTitle')}</h2>
        <CompanySyncMonitor monitor={sync} linked={glpi.entityId !== null} busy={busy} locale={locale} />
      </section>

      <CompanySatisfaction satisfaction={satisfaction} locale={locale} />

      <section aria-labelledby="bo-company-timeline">
        <h2 id="bo-company-timeline">{t('boCompany.timelineTitle')}</h2>
        <CompanyTimeline entries={timeline} locale={locale} />
      </section>

      <section aria-labelledby="bo-company-audit">
        <h2 id="bo-company-audit">{t('boCompany.auditTitle')}</h2>
        <CompanyAudit audit={audit} locale={locale} />
        <Pager page={audit.page} pageCount={Math.ceil(audit.total / audit.pageSize)} />
      </section>
    </>
  );
}
