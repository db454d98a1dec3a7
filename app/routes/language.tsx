import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { resolveLocale } from '~/i18n/locales';
import { safeRedirect } from '~/utils/safe-redirect';

/** Switches the interface language: a cookie for a year, the same for visitors and users. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = resolveLocale(String(form.get('locale')));
  return redirect(safeRedirect(form.get('redirectTo')), {
    headers: { 'Set-Cookie': `lang=${locale}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}

export const loader = () => redirect('/');
