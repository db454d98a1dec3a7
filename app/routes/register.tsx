import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { AccountFields } from '~/components/account-fields';
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
  return (
    <section className="narrow">
      <h1>{t('auth.registerTitle')}</h1>
      <FormAlert message={result?.formError} params={result?.params} />
      <Form method="post" noValidate className="form">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <AccountFields values={result?.values} errors={result?.fieldErrors} />
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
