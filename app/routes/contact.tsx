import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';

export const meta: MetaFunction = () => [{ title: 'Contact — Y-tech' }];

export async function action({ request }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request);
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
      {result?.ok ? <FormAlert tone="success" message="contact.sent" /> : null}
      <FormAlert message={failure?.formError} params={failure?.params} />
      {/* After a success the form is emptied (new key), ready for another message. */}
      <Form method="post" noValidate className="form" key={result?.ok ? 'sent' : 'form'}>
        <FormField name="name" label={t('contact.name')} autoComplete="name" required defaultValue={v?.name} error={e?.name} />
        <FormField name="email" type="email" label={t('contact.email')} autoComplete="email" required defaultValue={v?.email} error={e?.email} />
        <div className="form-row">
          <FormField name="phone" type="tel" label={t('contact.phone')} hint={t('auth.phoneHint')} autoComplete="tel" defaultValue={v?.phone} error={e?.phone} />
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
