import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';

export const meta: MetaFunction = () => [{ title: 'Bienvenue — Y-tech' }];

/**
 * Where an invited employee lands: the same single-use token as a password reset (7 days instead
 * of one hour), with a welcome instead of "forgot your password".
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api } = await serverApi(request);
  try {
    await api.auth.resetPassword({ token: params.token ?? '', password: values.password ?? '' });
    return redirect('/login?reset=1');
  } catch (error) {
    const failure = formFailure(error, values);
    if (failure.fieldErrors.token) return { ...failure, formError: failure.fieldErrors.token };
    return failure;
  }
}

export default function Invitation() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{t('admin.invitation.title')}</h1>
      <p>{t('admin.invitation.lead')}</p>
      <FormAlert message={result?.formError} params={result?.params} />
      <Form method="post" noValidate className="form">
        <FormField name="password" type="password" label={t('account.newPassword')} hint={t('auth.passwordHint')} autoComplete="new-password" required error={result?.fieldErrors.password} />
        <button type="submit" className="button button--large" disabled={busy}>
          {t('admin.invitation.submit')}
        </button>
      </Form>
    </section>
  );
}
