import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { homeFor } from '../../shared/safe-redirect';
import { titled } from '~/utils/page-title';

export const meta = titled('register');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await serverApi(request, context);
  if (ctx.user) throw redirect(homeFor(ctx.user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api } = await serverApi(request, context);
  try {
    await api.auth.register({
      firstName: values.firstName ?? '',
      lastName: values.lastName ?? '',
      email: values.email ?? '',
      phone: values.phone ?? '',
      password: values.password ?? '',
      next: values.redirectTo || undefined,
    });
    // The same page whether or not the address has an account: the mail says which.
    return { ok: true as const, email: values.email ?? '' };
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Register() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  if (result?.ok) {
    return (
      <section className="narrow">
        <h1>{t('auth.registerTitle')}</h1>
        <FormAlert tone="success" message="auth.registrationSent" params={{ email: result.email }} />
      </section>
    );
  }
  const v = result?.values;
  const e = result?.fieldErrors;
  return (
    <section className="narrow">
      <h1>{t('auth.registerTitle')}</h1>
      <FormAlert message={result?.formError} params={result?.params} />
      <Form method="post" noValidate className="form">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <div className="form-row">
          <FormField
            name="firstName"
            label={t('auth.firstName')}
            autoComplete="given-name"
            required
            defaultValue={v?.firstName}
            error={e?.firstName}
          />
          <FormField
            name="lastName"
            label={t('auth.lastName')}
            autoComplete="family-name"
            required
            defaultValue={v?.lastName}
            error={e?.lastName}
          />
        </div>
        <FormField
          name="email"
          type="email"
          label={t('auth.email')}
          autoComplete="email"
          required
          defaultValue={v?.email}
          error={e?.email}
        />
        <FormField
          name="phone"
          type="tel"
          label={t('auth.phone')}
          hint={t('auth.phoneHint')}
          autoComplete="tel"
          required
          defaultValue={v?.phone}
          error={e?.phone}
        />
        <FormField
          name="password"
          type="password"
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          autoComplete="new-password"
          required
          error={e?.password}
        />
        <button type="submit" className="button button--large" disabled={busy} aria-busy={busy}>
          {t('auth.submitRegister')}
        </button>
      </Form>
      <p>
        <Link to="/login">{t('auth.haveAccount')}</Link>
      </p>
    </section>
  );
}
