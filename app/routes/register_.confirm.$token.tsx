import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { formFailure, serverApi } from '~/trpc.server';
import { homeFor, safeRedirect } from '../../shared/safe-redirect';
import { titled } from '~/utils/page-title';

export const meta = titled('confirmRegistration');

/**
 * The link of the confirmation mail. Opening it changes nothing (mail scanners open links): the
 * account is created by the button, a POST from this page.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { api, headers } = await serverApi(request, context);
  try {
    const me = await api.auth.confirmRegistration({ token: params.token ?? '' });
    return redirect(safeRedirect(me.nextPath, homeFor(me.role)), { headers });
  } catch (error) {
    const failure = formFailure(error, {});
    // A bad token is about the link, not a field: shown above the button.
    return { ...failure, formError: failure.formError ?? failure.fieldErrors.token ?? null };
  }
}

export default function ConfirmRegistration() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{t('auth.confirmTitle')}</h1>
      <p>{t('auth.confirmLead')}</p>
      <FormAlert message={result?.formError} params={result?.params} />
      <Form method="post" className="form">
        <button type="submit" className="button button--large" disabled={busy} aria-busy={busy}>
          {t('auth.confirmSubmit')}
        </button>
      </Form>
    </section>
  );
}
