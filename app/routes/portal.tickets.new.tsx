import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { superClientPage } from '~/utils/portal.server';
import { formFailure, parseForm } from '~/trpc.server';
import { signedInPage } from '~/utils/page-access.server';
import { ticketChoicesForm } from '~/utils/form-schemas.server';
import { titled } from '~/utils/page-title';
import { AttachmentField } from '~/components/portal/attachment-field';
import { readTicketForm } from '~/utils/ticket-attachment-form.server';

export const meta = titled('newTicket');

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The same guard as the procedure: the form is offered only when a ticket can be sent.
  const { page, access, locale, headers } = await superClientPage(request, context, async (api) => {
    const status = await api.portal.status();
    return status.superClient ? { ...status, choices: await api.portal.tickets.choices() } : { ...status, choices: null };
  });
  // `?asset=Computer:12`: "open a ticket about this" from an asset's page.
  const asset = new URL(request.url).searchParams.get('asset') ?? '';
  return data(
    {
      ready: page?.superClient === true,
      choices: page?.choices ?? null,
      asset,
      access: page?.superClient ? null : (access ?? { superClient: false, endedAt: null, renewUrl: '/quote' }),
      locale,
    },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api, headers } = await signedInPage(request, context);
  const { values, attachment, tooLarge } = await readTicketForm(request);
  if (tooLarge) {
    return data(
      {
        ok: false as const,
        formError: null,
        params: { max: 10 },
        fieldErrors: { attachment: 'errors.ticketAttachment.tooLarge' } as Record<string, string>,
        values,
      },
      { status: 400, headers },
    );
  }
  try {
    const [assetType, assetId] = (values.asset ?? '').split(':');
    const { type, asset } = parseForm(ticketChoicesForm, {
      type: values.type,
      asset: assetType && assetId ? { itemtype: assetType, glpiId: assetId } : undefined,
    });
    const { outboxId } = await api.portal.tickets.create({
      title: values.title ?? '',
      content: values.content ?? '',
      urgency: Number(values.urgency || 0),
      type,
      ...(values.categoryId ? { categoryId: Number(values.categoryId) } : {}),
      ...(asset ? { asset } : {}),
      ...(attachment ? { attachment } : {}),
    });
    throw redirect(`/portal/tickets/outbox-${outboxId}?created=1`, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    return data(formFailure(error, values), { status: 400, headers });
  }
}

export default function NewTicket() {
  const { ready, access, locale, choices, asset } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const ids = { urgency: useId(), type: useId(), content: useId(), categoryId: useId(), asset: useId() };
  if (!ready) return <SubscriptionRequired access={access!} locale={locale} />;
  const k = 'clientPortal.tickets';
  const errors: Record<string, string | undefined> = { ...failure?.fieldErrors };
  errors.asset ??= errors['asset.itemtype'] ?? errors['asset.glpiId'];
  const values = failure?.values ?? {};
  const select = (
    name: 'urgency' | 'type' | 'categoryId' | 'asset',
    options: Array<[string, string]>,
    fallback: string,
    label = t(`${k}.${name}`),
  ) => (
    <div className={`field${errors[name] ? ' field--error' : ''}`}>
      <label htmlFor={ids[name]}>{label}</label>
      <select
        id={ids[name]}
        name={name}
        defaultValue={values[name] ?? fallback}
        className="bo-select"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${ids[name]}-error` : undefined}
      >
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {errors[name] ? (
        <p id={`${ids[name]}-error`} className="field__error" role="alert">
          {t(errors[name]!)}
        </p>
      ) : null}
    </div>
  );
  return (
    <div className="narrow portal-new-ticket">
      <p>
        <Link to="/portal/tickets">{t(`${k}.back`)}</Link>
      </p>
      <h1>{t(`${k}.createTitle`)}</h1>
      <p className="muted">{t(`${k}.createLead`)}</p>
      <FormAlert message={failure?.formError} params={failure?.params} />
      <Form method="post" encType="multipart/form-data" className="form">
        <FormField name="title" label={t(`${k}.titleField`)} required defaultValue={values.title} error={errors.title} />
        <div className="form-row">
          {select(
            'type',
            [
              ['incident', t(`${k}.types.1`)],
              ['request', t(`${k}.types.2`)],
            ],
            'incident',
          )}
          {select(
            'urgency',
            ['1', '2', '3', '4', '5'].map((u) => [u, t(`${k}.urgencies.${u}`)]),
            '3',
          )}
        </div>
        {choices && choices.categories.length > 0
          ? select(
              'categoryId',
              [['', t('ticketMore.noCategory')], ...choices.categories.map((c): [string, string] => [String(c.id), c.label])],
              '',
              t('ticketMore.category'),
            )
          : null}
        {choices && choices.assets.length > 0
          ? select(
              'asset',
              [
                ['', t('ticketMore.noAsset')],
                ...choices.assets.map((a): [string, string] => [`${a.itemtype}:${a.glpiId}`, `${a.name} (${a.itemtype})`]),
              ],
              asset,
              t('ticketMore.asset'),
            )
          : null}
        <div className={`field${errors.content ? ' field--error' : ''}`}>
          <label htmlFor={ids.content}>{t(`${k}.description`)}</label>
          <textarea
            id={ids.content}
            name="content"
            rows={8}
            required
            defaultValue={values.content ?? ''}
            aria-invalid={errors.content ? true : undefined}
            aria-describedby={errors.content ? `${ids.content}-error` : undefined}
          />
          {errors.content ? (
            <p id={`${ids.content}-error`} className="field__error" role="alert">
              {t(errors.content)}
            </p>
          ) : null}
        </div>
        <AttachmentField error={errors.attachment} params={failure?.params} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t(`${k}.submit`)}
        </button>
      </Form>
    </div>
  );
}
