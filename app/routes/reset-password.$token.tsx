import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';

export const meta: MetaFunction = () => [{ title: 'Nouveau mot de passe — Y-tech' }];

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api } = await serverApi(request);
  try {
    await api.auth.resetPassword({ token: params.token ?? '', password: values.password ?? '' });
    return redirect('/login?reset=1');
  } catch (error) {
    const failure = formFailure(error, values);
    // A bad token is about the link, not the field: show it above the form.
    if (failure.fieldErrors.token) return { ...failure, formError: failure.fieldErrors.token };
    return failure;
  }
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{t('auth.resetTitle')}</h1>
      <FormAlert message={result?.formError} params={result?.params} />
      <Form method="post" noValidate className="form">
        <FormField name="password" type="password" label={t('account.newPassword')} hint={t('auth.passwordHint')} autoComplete="new-password" required error={result?.fieldErrors.password} />
        <button type="submit" className="button button--large" disabled={busy}>
          {t('auth.resetSubmit')}
        </button>
      </Form>
    </section>
  );
}
