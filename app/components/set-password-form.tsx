import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { setPasswordAction } from '~/utils/set-password.server';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';

/** The page of a "choose a password" link: its own title, lead and button, one form. */
export function SetPasswordForm({ title, lead, submit }: { title: string; lead?: string; submit: string }) {
  const { t } = useTranslation();
  const result = useActionData<typeof setPasswordAction>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{title}</h1>
      {lead ? <p>{lead}</p> : null}
      <FormAlert message={result?.formError} params={result?.params} />
      <Form method="post" noValidate className="form">
        <FormField
          name="password"
          type="password"
          label={t('account.newPassword')}
          hint={t('auth.passwordHint')}
          autoComplete="new-password"
          required
          error={result?.fieldErrors.password}
        />
        <button type="submit" className="button button--large" disabled={busy}>
          {submit}
        </button>
      </Form>
    </section>
  );
}
