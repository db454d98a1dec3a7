import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { homeFor, safeRedirect } from '../../shared/safe-redirect';
import { titled } from '~/utils/page-title';

export const meta = titled('login');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await serverApi(request, context);
  if (ctx.user) throw redirect(homeFor(ctx.user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = formValues(form);
  const { api, headers } = await serverApi(request, context);
  try {
    const me = await api.auth.login({ email: values.email ?? '', password: values.password ?? '' });
    return redirect(safeRedirect(values.redirectTo, homeFor(me.role)), { headers });
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{t('auth.loginTitle')}</h1>
      {params.get('reset') ? <FormAlert tone="success" message="auth.resetDone" /> : null}
      <FormAlert message={result?.formError} params={result?.params} />
      <Form method="post" noValidate className="form">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <FormField
          name="email"
          type="email"
          label={t('auth.email')}
          autoComplete="email"
          required
          defaultValue={result?.values.email}
          error={result?.fieldErrors.email}
        />
        <FormField
          name="password"
          type="password"
          label={t('auth.password')}
          autoComplete="current-password"
          required
          error={result?.fieldErrors.password}
        />
        <button type="submit" className="button button--large" disabled={busy} aria-busy={busy}>
          {t('auth.submitLogin')}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t('auth.forgot')}</Link>
      </p>
      <p>
        <Link to="/register">{t('auth.noAccount')}</Link>
      </p>
    </section>
  );
}
