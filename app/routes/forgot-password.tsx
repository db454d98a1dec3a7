import type { ActionFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { titled } from '~/utils/page-title';

export const meta = titled('forgotPassword');

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api } = await serverApi(request, context);
  try {
    await api.auth.requestPasswordReset({ email: values.email ?? '' });
    return { ok: true as const };
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  if (result?.ok) {
    return (
      <section className="narrow">
        <h1>{t('auth.forgotTitle')}</h1>
        <FormAlert tone="success" message="auth.forgotSent" />
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('auth.forgotTitle')}</h1>
      <p>{t('auth.forgotLead')}</p>
      <FormAlert message={result?.formError} params={result?.params} />
      <Form method="post" noValidate className="form">
        <FormField
          name="email"
          type="email"
          label={t('auth.email')}
          autoComplete="email"
          required
          defaultValue={result?.values.email}
          error={result?.fieldErrors.email}
        />
        <button type="submit" className="button button--large" disabled={busy}>
          {t('auth.forgotSubmit')}
        </button>
      </Form>
    </section>
  );
}
