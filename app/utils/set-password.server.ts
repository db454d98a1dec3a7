import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { formFailure, formValues, serverApi } from '~/trpc.server';

/**
 * The action behind every "choose a password" link (reset and invitation share one single-use
 * token mechanism): sets the password, then sends to the log-in page.
 */
export async function setPasswordAction({ request, params }: ActionFunctionArgs) {
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
