import type { MetaFunction } from '@remix-run/node';
import { useTranslation } from '~/i18n/use-translation';
import { SetPasswordForm } from '~/components/set-password-form';
import { setPasswordAction } from '~/utils/set-password.server';

export const meta: MetaFunction = () => [{ title: 'Nouveau mot de passe — Y-tech' }];

export const action = setPasswordAction;

export default function ResetPassword() {
  const { t } = useTranslation();
  return <SetPasswordForm title={t('auth.resetTitle')} submit={t('auth.resetSubmit')} />;
}
