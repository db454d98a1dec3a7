import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { resolveLocale } from '../../shared/i18n/locales';
import { serverApi } from '~/trpc.server';
import { safeRedirect } from '../../shared/safe-redirect';

/**
 * Switches the interface language: a cookie for a year for everyone, and for a signed-in person
 * their profile too, so the choice follows them to another browser and into their e-mails.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = resolveLocale(String(form.get('locale')));
  const { api, ctx, headers } = await serverApi(request, context);
  if (ctx.user) await api.profile.setLocale({ locale });
  headers.append('Set-Cookie', `lang=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
  return redirect(safeRedirect(form.get('redirectTo')), { headers });
}

export const loader = () => redirect('/');
