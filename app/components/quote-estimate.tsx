import type { inferRouterInputs } from '@trpc/server';
import { useEffect, useState } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../shared/i18n/locales';
import { formatDa } from '../../shared/format';
import { trpc } from '~/utils/trpc-client';
import type { AppRouter } from '../../server/trpc/root-router';

type ServiceCode = inferRouterInputs<AppRouter>['quotes']['estimate']['serviceCode'];

type Estimate = { monthlyPriceDa: number | null } | null;

const asCount = (text: string | undefined) => {
  const v = (text ?? '').trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : undefined;
};

/**
 * The monthly price from the tiers, updated as the visitor types (over /api/trpc). Without
 * JavaScript the server's estimate (given as `initial`) is shown instead.
 */
export function QuoteEstimate(props: {
  serviceCode: ServiceCode;
  ticketsPerMonth?: string;
  pcsCount?: string;
  initial: Estimate;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const [estimate, setEstimate] = useState<Estimate>(props.initial);
  const { serviceCode, ticketsPerMonth, pcsCount } = props;

  const tickets = asCount(ticketsPerMonth);
  const pcs = asCount(pcsCount);
  const priceable = tickets !== undefined && pcs !== undefined && (tickets !== null || pcs !== null);

  useEffect(() => {
    if (!priceable) return;
    let current = true;
    const timer = setTimeout(() => {
      trpc.quotes.estimate
        .query({ serviceCode, ticketsPerMonth: tickets, pcsCount: pcs })
        .then((result) => current && setEstimate(result))
        .catch(() => current && setEstimate(null));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [serviceCode, tickets, pcs, priceable]);
  const shown = priceable ? estimate : null;

  return (
    <aside className="quote-estimate" aria-labelledby="quote-estimate-title">
      <h2 id="quote-estimate-title">{t('quote.estimateTitle')}</h2>
      <p className="quote-estimate__value" aria-live="polite" data-testid="quote-estimate">
        {shown === null
          ? t('quote.estimatePending')
          : shown.monthlyPriceDa === null
            ? t('quote.estimateCustom')
            : t('quote.estimateAmount', { price: formatDa(shown.monthlyPriceDa, props.locale) })}
      </p>
      <p className="muted small">{t('quote.estimateNote')}</p>
    </aside>
  );
}
