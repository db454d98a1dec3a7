import type { serverApi } from '~/trpc.server';
import { parseTypedNumber } from '~/utils/billing.server';
import { formatDa } from '../../shared/format';
import type { Locale } from '../../shared/i18n/locales';
import { AppError } from '../../server/errors';

type Api = Awaited<ReturnType<typeof serverApi>>['api'];

/** The intents of the subscription forms (components/billing/subscription-changes.tsx). */
export const isSubscriptionIntent = (intent: string | undefined) =>
  intent === 'change-tier' || intent === 'auto-renew' || intent === 'cancel-at-term';

/**
 * Runs one subscription form for the client (their company's procedures) or the staff (any
 * company's); returns the success message. Zod in the procedures judges the typed values.
 */
export async function runSubscriptionIntent(
  api: Api,
  values: Record<string, string>,
  audience: 'client' | 'staff',
  locale: Locale,
): Promise<{ message: string; params: Record<string, string | number> }> {
  const subscriptionId = parseTypedNumber(values.subscriptionId);
  const calls = api.subscriptions;
  if (values.intent === 'change-tier') {
    const input = { subscriptionId, tierMaxQty: parseTypedNumber(values.tierMaxQty), effectiveOn: values.effectiveOn ?? '' };
    const result = audience === 'client' ? await calls.changeTier(input) : await calls.changeTierOf(input);
    return result.proforma
      ? {
          message: 'subscriptionChanges.proformaIssued',
          params: { number: result.proforma.number, amount: formatDa(result.amountExclTaxCents / 100, locale) },
        }
      : { message: 'subscriptionChanges.changeApplied', params: {} };
  }
  if (values.intent === 'auto-renew') {
    const input = { subscriptionId, autoRenew: values.autoRenew === 'on' };
    await (audience === 'client' ? calls.setAutoRenew(input) : calls.setAutoRenewOf(input));
    return { message: 'subscriptionChanges.autoRenewSaved', params: {} };
  }
  // The box is required in the page; without it (no browser validation) nothing is cancelled.
  if (values.confirm !== 'on') throw new AppError('BAD_INPUT', 'validation.subscriptionChanges.confirm');
  await (audience === 'client' ? calls.cancelAtTerm({ subscriptionId }) : calls.cancelAtTermOf({ subscriptionId }));
  return { message: 'subscriptionChanges.cancelSaved', params: {} };
}
