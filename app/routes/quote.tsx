import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { pickLocalized } from '../../shared/i18n/locales';
import { FormAlert } from '~/components/form-alert';
import { QuoteAccountStep } from '~/components/quote-wizard-account';
import { QuoteEstimate } from '~/components/quote-estimate';
import { ReviewStep } from '~/components/quote-wizard-review';
import { CompanyStep, DetailsStep, DurationStep, HiddenValues, ServiceStep } from '~/components/quote-wizard-steps';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { isStep, wizardSteps, type WizardStep } from '~/utils/quote-wizard-steps';
import * as wizard from '~/utils/quote-wizard.server';
import { recordIdParam } from '../../server/validation/fields';
import { titled } from '~/utils/page-title';

export const meta = titled('requestQuote');

type Estimate = { monthlyPriceDa: number | null } | null;

/** The server's estimate for the values so far (shown to visitors without JavaScript). */
async function serverEstimate(api: Awaited<ReturnType<typeof serverApi>>['api'], values: Record<string, string>): Promise<Estimate> {
  const input = wizard.submitInputFrom(values);
  if (!wizard.isServiceCode(input.serviceCode) || (input.ticketsPerMonth === null && input.pcsCount === null)) return null;
  try {
    return await api.quotes.estimate({ serviceCode: input.serviceCode, ticketsPerMonth: input.ticketsPerMonth, pcsCount: input.pcsCount });
  } catch {
    return null;
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await serverApi(request, context);
  const services = await api.catalog.services();
  let values: Record<string, string> = {};
  let prefilledFrom: string | null = null;
  const fromParam = recordIdParam.safeParse(new URL(request.url).searchParams.get('from'));
  const from = fromParam.success ? fromParam.data : 0;
  if (from > 0) values.previousQuoteId = String(from);
  if (ctx.user?.role === 'client') {
    const prefill = from > 0 && ctx.user.companyId !== null ? await api.quotes.prefill({ quoteId: from }).catch(() => null) : null;
    if (prefill) {
      values = wizard.prefillValues(prefill);
      prefilledFrom = prefill.reference;
    } else {
      const company = await api.quotes.myCompany();
      if (company) values = { ...values, ...wizard.prefillValues({ company }) };
    }
  }
  return data(
    {
      step: (ctx.user?.role === 'client' ? 'company' : 'account') as WizardStep,
      values,
      prefilledFrom,
      role: ctx.user?.role ?? null,
      locale: ctx.locale,
      services: services.map((s) => ({
        code: s.code,
        name: pickLocalized(ctx.locale, { fr: s.nameFr, en: s.nameEn, ar: s.nameAr }),
        pricedBy: s.pricedBy,
      })),
      detailsByService: wizard.detailsByService,
      sectors: wizard.sectors,
      employeeRanges: wizard.employeeRanges,
      durations: wizard.subscriptionDurations,
    },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const all = formValues(await request.formData());
  const { api, ctx, headers } = await serverApi(request, context);
  const intent = all.intent ?? 'next';
  const current: WizardStep = isStep(all.step) ? all.step : 'company';
  let values = wizard.carriedValues(all);
  const reply = async (
    step: WizardStep,
    extra: {
      fieldErrors?: Record<string, string>;
      formError?: string | null;
      notice?: string | null;
      params?: Record<string, string | number>;
      accountMode?: string;
    } = {},
  ) =>
    data(
      {
        step,
        values,
        fieldErrors: extra.fieldErrors ?? {},
        formError: extra.formError ?? null,
        notice: extra.notice ?? null,
        params: extra.params ?? {},
        accountMode: extra.accountMode ?? 'register',
        accountValues: Object.fromEntries(['firstName', 'lastName', 'email', 'phone', 'loginEmail'].map((k) => [k, all[k] ?? ''])),
        estimate: ['details', 'duration', 'review'].includes(step) ? await serverEstimate(api, values) : null,
      },
      { headers },
    );

  if (intent.startsWith('mode:')) return reply('account', { accountMode: intent.slice(5) });
  if (intent === 'register' || intent === 'login') {
    try {
      if (intent === 'register') {
        await api.auth.register({
          firstName: all.firstName ?? '',
          lastName: all.lastName ?? '',
          email: all.email ?? '',
          phone: all.phone ?? '',
          password: all.password ?? '',
          next: '/quote',
        });
        // The account exists once its address is confirmed: the mailed link brings the visitor back here, logged in.
        return reply('account', { notice: 'auth.registrationSent', params: { email: all.email ?? '' }, accountMode: 'login' });
      }
      await api.auth.login({ email: all.loginEmail ?? '', password: all.loginPassword ?? '' });
      return reply('company');
    } catch (error) {
      const failure = formFailure(error, all);
      const fieldErrors =
        intent === 'login'
          ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([k, v]) => [`login${k[0]!.toUpperCase()}${k.slice(1)}`, v]))
          : failure.fieldErrors;
      return reply('account', { fieldErrors, formError: failure.formError, params: failure.params, accountMode: intent });
    }
  }
  const firstStep: WizardStep = ctx.user ? 'company' : 'account';
  const index = wizardSteps.indexOf(current);
  if (intent === 'back') return reply(wizardSteps[Math.max(index - 1, wizardSteps.indexOf(firstStep))]!);
  if (intent.startsWith('goto:')) {
    const target = intent.slice(5);
    return reply(isStep(target) ? target : current);
  }
  if (intent === 'submit') {
    if (!ctx.user) return reply('account');
    try {
      const result = await api.quotes.submit(wizard.submitInputFrom(values));
      return redirect(`/quote/sent?id=${result.quoteId}`, { headers });
    } catch (error) {
      const failure = formFailure(error, values);
      return reply(wizard.stepOfErrors(failure.fieldErrors), {
        fieldErrors: failure.fieldErrors,
        formError: failure.formError,
        params: failure.params,
      });
    }
  }
  if (current === 'account') return reply(ctx.user ? 'company' : 'account');
  const fieldErrors = wizard.validateStep(current, values);
  if (Object.keys(fieldErrors).length > 0) return reply(current, { fieldErrors });
  if (current === 'service') values = wizard.keepDetailsOfService(values);
  return reply(wizardSteps[Math.min(index + 1, wizardSteps.length - 1)]!);
}

export default function QuoteWizard() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === 'submitting';
  // After log-in the loader runs again and may bring the company's saved details; typed values win.
  const values: Record<string, string> = { ...loaded.values, ...(result?.values ?? {}) };
  const step = result?.step ?? loaded.step;
  const errors = result?.fieldErrors ?? {};
  const [quantities, setQuantities] = useState<{ ticketsPerMonth?: string; pcsCount?: string }>({});
  const live = { ticketsPerMonth: quantities.ticketsPerMonth ?? values.ticketsPerMonth, pcsCount: quantities.pcsCount ?? values.pcsCount };
  const serviceCode = loaded.services.find((s) => s.code === values.serviceCode)?.code as keyof typeof loaded.detailsByService | undefined;
  const visible = wizardSteps.filter((s) => s !== 'account' || step === 'account' || !loaded.role);
  const position = visible.indexOf(step) + 1;
  const stepFields: Record<WizardStep, readonly string[]> = {
    account: [],
    company: Object.keys(values).filter((k) => k.startsWith('company.')),
    service: ['serviceCode'],
    details: ['ticketsPerMonth', 'pcsCount', 'softwareCount', 'description'],
    duration: ['durationMonths'],
    review: [],
  };

  return (
    <section className="quote-wizard">
      <h1>{t('quote.title')}</h1>
      <p className="lead">{t('quote.lead')}</p>
      {loaded.prefilledFrom ? (
        <FormAlert tone="success" message="quote.prefilledFrom" params={{ reference: loaded.prefilledFrom }} />
      ) : null}
      <ol
        className="quote-steps"
        aria-label={t('quote.progress', { current: position, total: visible.length, name: t(`quote.steps.${step}`) })}
      >
        {visible.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'quote-steps__current' : undefined}>
            {t(`quote.steps.${s}`)}
          </li>
        ))}
      </ol>
      <h2>{t('quote.progress', { current: position, total: visible.length, name: t(`quote.steps.${step}`) })}</h2>
      <FormAlert message={result?.formError} params={result?.params} />
      <FormAlert tone="success" message={result?.notice} params={result?.params} />
      {step === 'account' ? (
        <QuoteAccountStep
          role={loaded.role}
          mode={result?.accountMode ?? 'register'}
          accountValues={result?.accountValues ?? {}}
          errors={errors}
          values={values}
          busy={busy}
        />
      ) : (
        <div className="quote-layout">
          <Form
            method="post"
            noValidate
            className="form"
            key={step}
            onChange={(event) => {
              const target = event.target as HTMLInputElement;
              if (target.name === 'ticketsPerMonth' || target.name === 'pcsCount')
                setQuantities((q) => ({ ...q, [target.name]: target.value }));
            }}
          >
            <input type="hidden" name="step" value={step} />
            <HiddenValues values={values} except={stepFields[step]} />
            {step === 'company' ? (
              <CompanyStep values={values} errors={errors} sectors={loaded.sectors} employeeRanges={loaded.employeeRanges} />
            ) : null}
            {step === 'service' ? <ServiceStep values={values} errors={errors} services={loaded.services} /> : null}
            {step === 'details' ? (
              <DetailsStep values={values} errors={errors} fields={serviceCode ? loaded.detailsByService[serviceCode] : []} />
            ) : null}
            {step === 'duration' ? <DurationStep values={values} errors={errors} durations={loaded.durations} /> : null}
            {step === 'review' ? <ReviewStep values={values} services={loaded.services} /> : null}
            <div className="quote-actions">
              <button
                type="submit"
                name="intent"
                value={step === 'review' ? 'submit' : 'next'}
                className="button button--large"
                disabled={busy}
                aria-busy={busy}
              >
                {step === 'review' ? t('quote.submit') : t('quote.next')}
              </button>
              {step !== 'company' || !loaded.role ? (
                <button type="submit" name="intent" value="back" className="button button--ghost">
                  {t('quote.back')}
                </button>
              ) : null}
            </div>
          </Form>
          {serviceCode && ['details', 'duration', 'review'].includes(step) ? (
            <QuoteEstimate
              key={`${step}-${serviceCode}`}
              serviceCode={serviceCode}
              {...live}
              initial={result?.estimate ?? null}
              locale={loaded.locale}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}
