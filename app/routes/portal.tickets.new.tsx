import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { superClientPage } from '~/utils/portal.server';
import { formFailure, formValues, requireUser, serverApi } from '~/trpc.server';

export const meta: MetaFunction = () => [{ title: 'Nouveau ticket — Y-tech' }];

export async function loader({ request }: LoaderFunctionArgs) {
  // The same guard as the procedure: the form is offered only when a ticket can be sent.
  const { page, access, locale, headers } = await superClientPage(request, (api) => api.portal.status());
  return data({ ready: page?.superClient === true, access: page?.superClient ? null : (access ?? { superClient: false, endedAt: null, renewUrl: '/quote' }), locale }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, ctx, headers } = await serverApi(request);
  requireUser(ctx, request);
  const values = formValues(await request.formData());
  try {
    const { outboxId } = await api.portal.tickets.create({
      title: values.title ?? '', content: values.content ?? '', urgency: Number(values.urgency || 0), type: (values.type ?? '') as 'incident',
    });
    throw redirect(`/portal/tickets/outbox-${outboxId}?created=1`, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    return data(formFailure(error, values), { status: 400, headers });
  }
}

export default function NewTicket() {
  const { ready, access, locale } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const ids = { urgency: useId(), type: useId(), content: useId() };
  if (!ready) return <SubscriptionRequired access={access!} locale={locale} />;
  const k = 'clientPortal.tickets';
  const errors = failure?.fieldErrors ?? {};
  const values = failure?.values ?? {};
  const select = (name: 'urgency' | 'type', options: Array<[string, string]>, fallback: string) => (
    <div className={`field${errors[name] ? ' field--error' : ''}`}>
      <label htmlFor={ids[name]}>{t(`${k}.${name}`)}</label>
      <select id={ids[name]} name={name} defaultValue={values[name] ?? fallback} className="bo-select" aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${ids[name]}-error` : undefined}>
        {options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      {errors[name] ? <p id={`${ids[name]}-error`} className="field__error" role="alert">{t(errors[name]!)}</p> : null}
    </div>
  );
  return (
    <div className="narrow portal-new-ticket">
      <p><Link to="/portal/tickets">{t(`${k}.back`)}</Link></p>
      <h1>{t(`${k}.createTitle`)}</h1>
      <p className="muted">{t(`${k}.createLead`)}</p>
      <FormAlert message={failure?.formError} params={failure?.params} />
      <Form method="post" className="form">
        <FormField name="title" label={t(`${k}.titleField`)} required defaultValue={values.title} error={errors.title} />
        <div className="form-row">
          {select('type', [['incident', t(`${k}.types.1`)], ['request', t(`${k}.types.2`)]], 'incident')}
          {select('urgency', ['1', '2', '3', '4', '5'].map((u) => [u, t(`${k}.urgencies.${u}`)]), '3')}
        </div>
        <div className={`field${errors.content ? ' field--error' : ''}`}>
          <label htmlFor={ids.content}>{t(`${k}.description`)}</label>
          <textarea id={ids.content} name="content" rows={8} required defaultValue={values.content ?? ''} aria-invalid={errors.content ? true : undefined} aria-describedby={errors.content ? `${ids.content}-error` : undefined} />
          {errors.content ? <p id={`${ids.content}-error`} className="field__error" role="alert">{t(errors.content)}</p> : null}
        </div>
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>{t(`${k}.submit`)}</button>
      </Form>
    </div>
  );
}
