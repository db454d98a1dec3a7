import type { inferRouterOutputs } from '@trpc/server';
import { Form } from '@remix-run/react';
import { useId } from 'react';
import { FormField } from '~/components/form-field';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatDate, formatDay } from '~/utils/billing-format';
import { formatDa } from '../../../shared/format';
import type { FormFailure } from '~/trpc.server';
import type { AppRouter } from '../../../server/trpc/root-router';

type Current = NonNullable<inferRouterOutputs<AppRouter>['subscriptions']['current']>;
export const subscriptionIntents = ['change-tier', 'auto-renew', 'cancel-at-term'] as const;

/** The day before `instant` in Algiers, as a date input's bound. */
function dayBefore(instant: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date(new Date(instant).getTime() - 86_400_000));
}

/**
 * What may be changed on a running subscription, for the client on their home and for staff on
 * the company's page (the same forms, posted to the page's action with an intent): the tier from
 * a chosen day, automatic renewal, and cancellation at term.
 */
export function SubscriptionChanges({
  subscription,
  locale,
  failure,
  busy,
}: {
  subscription: Current;
  locale: Locale;
  failure?: FormFailure & { values: Record<string, string> };
  busy: boolean;
}) {
  const { t } = useTranslation();
  const tierId = useId();
  const renewId = useId();
  const confirmId = useId();
  const failed = (intent: (typeof subscriptionIntents)[number]) => (failure?.values.intent === intent ? failure : undefined);
  const change = failed('change-tier');
  const canChangeTier = subscription.status === 'active' && subscription.pendingChange === null;
  const last = subscription.last;
  const tierError = change?.fieldErrors.tierMaxQty;
  return (
    <section className="card subscription-changes" aria-labelledby="subscription-changes-title" data-testid="subscription-changes">
      <h2 id="subscription-changes-title">{t('subscriptionChanges.title')}</h2>
      {failure && !failure.fieldErrors.tierMaxQty && !failure.fieldErrors.effectiveOn && failure.formError ? (
        <div className="alert alert--error" role="alert">
          {t(failure.formError, failure.params)}
        </div>
      ) : null}
      {subscription.scheduledChange ? (
        <p data-testid="subscription-scheduled-change">
          {t('subscriptionChanges.changeScheduled', {
            tier: subscription.scheduledChange.tierMaxQty,
            date: formatDate(subscription.scheduledChange.startAt, locale),
          })}
        </p>
      ) : null}
      {subscription.pendingChange ? <p>{t('subscriptionChanges.changePending', { number: subscription.pendingChange.number })}</p> : null}
      {last.status === 'cancelled_at_term' ? (
        <p data-testid="subscription-cancelled-at-term">
          <strong>{t('subscriptionChanges.cancelledAtTerm', { end: formatDate(subscription.endAt, locale) })}</strong>
        </p>
      ) : null}

      {canChangeTier ? (
        <Form method="post" noValidate className="form">
          <h3>{t('subscriptionChanges.changeTitle')}</h3>
          <p className="muted">
            {t('subscriptionChanges.currentTier', { max: subscription.tierMaxQty, price: formatDa(subscription.monthlyPriceDa, locale) })}
          </p>
          <input type="hidden" name="subscriptionId" value={subscription.id} />
          <div className={`field${tierError ? ' field--error' : ''}`}>
            <label htmlFor={tierId}>{t('subscriptionChanges.tier')}</label>
            <select
              id={tierId}
              name="tierMaxQty"
              defaultValue={change?.values.tierMaxQty ?? ''}
              aria-invalid={tierError ? true : undefined}
              aria-describedby={tierError ? `${tierId}-error` : undefined}
            >
              <option value="">{t('subscriptionChanges.chooseTier')}</option>
              {subscription.tiers
                .filter((tier) => tier.maxQty !== subscription.tierMaxQty)
                .map((tier) => (
                  <option key={tier.maxQty} value={tier.maxQty}>
                    {t('subscriptionChanges.tierOption', { max: tier.maxQty, price: formatDa(tier.monthlyPriceDa, locale) })}
                  </option>
                ))}
            </select>
            {tierError ? (
              <p id={`${tierId}-error`} className="field__error" role="alert">
                {t(tierError)}
              </p>
            ) : null}
          </div>
          <FormField
            name="effectiveOn"
            type="date"
            label={t('subscriptionChanges.effectiveOn')}
            hint={t('subscriptionChanges.effectiveOnHint', { end: formatDay(dayBefore(subscription.periodEndAt), locale) })}
            defaultValue={change?.values.effectiveOn}
            error={change?.fieldErrors.effectiveOn}
          />
          <p className="muted small">{t('subscriptionChanges.changeExplain')}</p>
          <button type="submit" name="intent" value="change-tier" className="button" disabled={busy}>
            {t('subscriptionChanges.changeSubmit')}
          </button>
        </Form>
      ) : null}

      {last.status === 'active' ? (
        <>
          <Form method="post" className="form">
            <h3>{t('subscriptionChanges.renewTitle')}</h3>
            <input type="hidden" name="subscriptionId" value={last.id} />
            <div className="field field--checkbox">
              <input id={renewId} type="checkbox" name="autoRenew" value="on" defaultChecked={last.autoRenew} />
              <label htmlFor={renewId}>{t('subscriptionChanges.autoRenewLabel')}</label>
            </div>
            <button type="submit" name="intent" value="auto-renew" className="button button--ghost" disabled={busy}>
              {t('subscriptionChanges.autoRenewSave')}
            </button>
          </Form>
          <Form method="post" className="form">
            <h3>{t('subscriptionChanges.cancelTitle')}</h3>
            <p>{t('subscriptionChanges.cancelExplain', { end: formatDate(subscription.endAt, locale) })}</p>
            <input type="hidden" name="subscriptionId" value={last.id} />
            <div className="field field--checkbox">
              <input id={confirmId} type="checkbox" name="confirm" value="on" required />
              <label htmlFor={confirmId}>{t('subscriptionChanges.cancelConfirm')}</label>
            </div>
            <button type="submit" name="intent" value="cancel-at-term" className="button button--ghost" disabled={busy}>
              {t('subscriptionChanges.cancelSubmit')}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
