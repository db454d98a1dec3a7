import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { employeeRanges, sectors } from '../../server/catalog/catalog-data';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues } from '~/trpc.server';
import { signedInPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';

export const meta = titled('account');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, headers } = await signedInPage(request, context);
  return data({ profile: await api.profile.get(), sectors, employeeRanges }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api } = await signedInPage(request, context);
  const intent = values.intent;
  try {
    if (intent === 'profile') {
      await api.profile.update({ firstName: values.firstName ?? '', lastName: values.lastName ?? '', phone: values.phone ?? '' });
      return { intent, ok: true as const, message: 'account.saved' };
    }
    if (intent === 'company') {
      const { intent: _, ...company } = values;
      await api.profile.updateCompany({ ...company, name: company.name ?? '' });
      return { intent, ok: true as const, message: 'account.saved' };
    }
    await api.auth.changePassword({ currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' });
    return { intent: 'password', ok: true as const, message: 'account.passwordChanged' };
  } catch (error) {
    return { intent, ...formFailure(error, values) };
  }
}

export default function Account() {
  const { profile, sectors, employeeRanges } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failed = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined);
  const succeeded = (intent: string) => (result?.ok && result.intent === intent ? result.message : null);
  const p = failed('profile');
  const c = failed('company');
  const w = failed('password');
  const company = profile.company;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <div className="two-columns">
        <section className="card" aria-labelledby="identity-title">
          <h2 id="identity-title">{t('account.identity')}</h2>
          <FormAlert tone="success" message={succeeded('profile')} />
          <FormAlert message={p?.formError} params={p?.params} />
          <Form method="post" noValidate className="form">
            <input type="hidden" name="intent" value="profile" />
            <p className="muted">{profile.email}</p>
            <FormField
              name="firstName"
              label={t('auth.firstName')}
              required
              defaultValue={p?.values.firstName ?? profile.firstName}
              error={p?.fieldErrors.firstName}
            />
            <FormField
              name="lastName"
              label={t('auth.lastName')}
              required
              defaultValue={p?.values.lastName ?? profile.lastName}
              error={p?.fieldErrors.lastName}
            />
            <FormField
              name="phone"
              type="tel"
              label={t('auth.phone')}
              hint={t('auth.phoneHint')}
              required
              defaultValue={p?.values.phone ?? profile.phone}
              error={p?.fieldErrors.phone}
            />
            <button className="button" type="submit">
              {t('account.save')}
            </button>
          </Form>
        </section>
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">{t('account.changePassword')}</h2>
          <FormAlert tone="success" message={succeeded('password')} />
          <FormAlert message={w?.formError} params={w?.params} />
          <Form method="post" noValidate className="form">
            <input type="hidden" name="intent" value="password" />
            <FormField
              name="currentPassword"
              type="password"
              label={t('account.currentPassword')}
              autoComplete="current-password"
              required
              error={w?.fieldErrors.currentPassword}
            />
            <FormField
              name="newPassword"
              type="password"
              label={t('account.newPassword')}
              hint={t('auth.passwordHint')}
              autoComplete="new-password"
              required
              error={w?.fieldErrors.newPassword}
            />
            <button className="button" type="submit">
              {t('account.changePassword')}
            </button>
          </Form>
        </section>
      </div>
      {profile.role === 'client' ? (
        <section className="card" aria-labelledby="company-title">
          <h2 id="company-title">{t('account.company')}</h2>
          {company ? (
            <>
              <FormAlert tone="success" message={succeeded('company')} />
              <FormAlert message={c?.formError} params={c?.params} />
              <Form method="post" noValidate className="form">
                <input type="hidden" name="intent" value="company" />
                <FormField
                  name="name"
                  label={t('account.companyName')}
                  required
                  defaultValue={c?.values.name ?? company.name}
                  error={c?.fieldErrors.name}
                />
                <div className="form-row">
                  <FormField
                    name="sector"
                    label={t('account.sector')}
                    options={sectors}
                    defaultValue={c?.values.sector ?? company.sector}
                    error={c?.fieldErrors.sector}
                  />
                  <FormField
                    name="employeeRange"
                    label={t('account.employeeRange')}
                    options={employeeRanges}
                    defaultValue={c?.values.employeeRange ?? company.employeeRange}
                    error={c?.fieldErrors.employeeRange}
                  />
                </div>
                <FormField
                  name="address"
                  label={t('account.address')}
                  defaultValue={c?.values.address ?? company.address}
                  error={c?.fieldErrors.address}
                />
                <FormField
                  name="phone"
                  type="tel"
                  label={t('auth.phone')}
                  defaultValue={c?.values.phone ?? company.phone}
                  error={c?.fieldErrors.phone}
                />
                <div className="form-row">
                  <FormField name="rc" label={t('account.rc')} defaultValue={c?.values.rc ?? company.rc} error={c?.fieldErrors.rc} />
                  <FormField name="nif" label={t('account.nif')} defaultValue={c?.values.nif ?? company.nif} error={c?.fieldErrors.nif} />
                </div>
                <div className="form-row">
                  <FormField name="nis" label={t('account.nis')} defaultValue={c?.values.nis ?? company.nis} error={c?.fieldErrors.nis} />
                  <FormField name="ai" label={t('account.ai')} defaultValue={c?.values.ai ?? company.ai} error={c?.fieldErrors.ai} />
                </div>
                <button className="button" type="submit">
                  {t('account.save')}
                </button>
              </Form>
            </>
          ) : (
            <p>{t('account.noCompany')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
