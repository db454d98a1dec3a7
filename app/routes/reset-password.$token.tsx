import { useTranslation } from '~/i18n/use-translation';
import { SetPasswordForm } from '~/components/set-password-form';
import { setPasswordAction } from '~/utils/set-password.server';
import { titled } from '~/utils/page-title';

export const meta = titled('resetPassword');

export const action = setPasswordAction;

export default function ResetPassword() {
  const { t } = useTranslation();
  return <SetPasswordForm title={t('auth.resetTitle')} submit={t('auth.resetSubmit')} />;
}
