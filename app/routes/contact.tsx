import type { ActionFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { titled } from '~/utils/page-title';
import { publicContact } from '../../server/sales/documents/seller-identity';

export const loader = () => ({ contact: publicContact });

export const meta = titled('contact');

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  try {
    await api.contact.submit({
      name: values.name ?? '',
      email: values.email ?? '',
      phone: values.phone,
      company: values.company,
      message: values.message ?? '',
      website: values.website,
    });
    return data({ ok: true as const }, { headers });
  } catch (error) {
    return data(formFailure(error, values), { headers });
  }
}

export default function Contact() {
  const { contact } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const failure = result && !result.ok ? result : null;
  const v = failure?.values;
  const e = failure?.fieldErrors;
  return (
    <section className="narrow">
      <h1>{t('contact.title')}</h1>
      <p>{t('contact.lead')}</p>
      <section className="card contact-details" aria-labelledby="contact-details-title">
        <h2 id="contact-details-title">{t('site.contactDetails')}</h2>
        <dl className="contact-details__list">
          <dt>{t('site.addressLabel')}</dt>
          <dd>{contact.address}</dd>
          <dt>{t('site.phoneLabel')}</dt>
          <dd>
            <a href={`tel:${contact.phone.replace(/\s/g, '')}`} dir="ltr">
              {contact.phone}
            </a>
          </dd>
          <dt>{t('site.emailLabel')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`} dir="ltr">
              {contact.email}
            </a>
          </dd>
          <dt>{t('site.hoursLabel')}</dt>
          <dd>{t('site.hours')}</dd>
        </dl>
      </section>
      {result?.ok ? <FormAlert tone="success" message="contact.sent" /> : null}
      <FormAlert message={failure?.formError} params={failure?.params} />
      {/* After a success the form is emptied (new key), ready for another message. */}
      <Form method="post" noValidate className="form" key={result?.ok ? 'sent' : 'form'}>
        <FormField name="name" label={t('contact.name')} autoComplete="name" required defaultValue={v?.name} error={e?.name} />
        <FormField
          name="email"
          type="email"
          label={t('contact.email')}
          autoComplete="email"
          required
          defaultValue={v?.email}
          error={e?.email}
        />
        <div className="form-row">
          <FormField
            name="phone"
            type="tel"
            label={t('contact.phone')}
            hint={t('auth.phoneHint')}
            autoComplete="tel"
            defaultValue={v?.phone}
            error={e?.phone}
          />
          <FormField name="company" label={t('contact.company')} autoComplete="organization" defaultValue={v?.company} error={e?.company} />
        </div>
        <div className={`field${e?.message ? ' field--error' : ''}`}>
          <label htmlFor="contact-message">
            {t('contact.message')} <span className="field__required">({t('form.required')})</span>
          </label>
          <textarea
            id="contact-message"
            name="message"
            rows={6}
            required
            defaultValue={v?.message}
            aria-invalid={e?.message ? true : undefined}
            aria-describedby={e?.message ? 'contact-message-error' : undefined}
          />
          {e?.message ? (
            <p id="contact-message-error" className="field__error" role="alert">
              {t(e.message)}
            </p>
          ) : null}
        </div>
        {/* The honeypot: out of sight and out of the tab order; people leave it empty. */}
        <div className="contact-honeypot" aria-hidden="true">
          <label htmlFor="contact-website">{t('contact.honeypot')}</label>
          <input id="contact-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="button button--large" disabled={busy} aria-busy={busy}>
          {t('contact.submit')}
        </button>
      </Form>
      <p>
        <Link to="/quote">{t('contact.quoteInstead')}</Link>
      </p>
    </section>
  );
}
