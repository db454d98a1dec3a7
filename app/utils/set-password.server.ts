import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { formFailure, formValues, serverApi } from '~/trpc.server';

/**
 * The action behind every "choose a password" link (reset and invitation share one single-use
 * token mechanism): sets the password, then sends to the log-in page.
 */
export async function setPasswordAction({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  try {
    await api.auth.resetPassword({ token: params.token ?? '', password: values.password ?? '' });
    // With the cookie that makes this browser known to the account (decisions/020).
    return redirect('/login?reset=1', { headers });
  } catch (error) {
    const failure = formFailure(error, values);
    // A bad token is about the link, not the field: show it above the form.
    if (failure.fieldErrors.token) return { ...failure, formError: failure.fieldErrors.token };
    return failure;
  }
}
