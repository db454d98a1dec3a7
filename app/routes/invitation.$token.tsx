import { useTranslation } from '~/i18n/use-translation';
import { SetPasswordForm } from '~/components/set-password-form';
import { setPasswordAction } from '~/utils/set-password.server';
import { titled } from '~/utils/page-title';

export const meta = titled('invitation');

/**
 * Where an invited employee lands: the same single-use token as a password reset (7 days instead
 * of one hour), with a welcome instead of "forgot your password".
 */
export const action = setPasswordAction;

export default function Invitation() {
  const { t } = useTranslation();
  return <SetPasswordForm title={t('admin.invitation.title')} lead={t('admin.invitation.lead')} submit={t('admin.invitation.submit')} />;
}
