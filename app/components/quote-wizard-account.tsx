import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormField } from '~/components/form-field';
import { AccountFields } from '~/components/account-fields';
import { HiddenValues } from './quote-wizard-steps';

type Props = {
  role: string | null;
  mode: string;
  accountValues: Record<string, string>;
  errors: Record<string, string>;
  values: Record<string, string>;
  busy: boolean;
};

/**
 * The wizard's first step for a visitor: create an account or log in, right here. The values
 * already typed (or pre-filled) ride along in hidden fields and come back on the next step.
 */
export function QuoteAccountStep({ role, mode, accountValues: a, errors: e, values, busy }: Props) {
  const { t } = useTranslation();
  if (role) {
    return (
      <div className="alert alert--error" role="alert">
        {t('quote.staffCannotRequest')}
      </div>
    );
  }
  const login = mode === 'login';
  return (
    <Form method="post" noValidate className="form narrow quote-account">
      <input type="hidden" name="step" value="account" />
      <HiddenValues values={values} except={[]} />
      <p>{t('quote.accountLead')}</p>
      {login ? (
        <>
          <h3>{t('quote.existingAccount')}</h3>
          <FormField
            name="loginEmail"
            type="email"
            label={t('auth.email')}
            autoComplete="email"
            required
            defaultValue={a.loginEmail}
            error={e.loginEmail}
          />
          <FormField
            name="loginPassword"
            type="password"
            label={t('auth.password')}
            autoComplete="current-password"
            required
            error={e.loginPassword}
          />
          <button type="submit" name="intent" value="login" className="button button--large" disabled={busy} aria-busy={busy}>
            {t('auth.submitLogin')}
          </button>
          <button type="submit" name="intent" value="mode:register" className="button button--ghost">
            {t('quote.newAccount')}
          </button>
        </>
      ) : (
        <>
          <h3>{t('quote.newAccount')}</h3>
          <AccountFields values={a} errors={e} />
          <button type="submit" name="intent" value="register" className="button button--large" disabled={busy} aria-busy={busy}>
            {t('auth.submitRegister')}
          </button>
          <button type="submit" name="intent" value="mode:login" className="button button--ghost">
            {t('quote.existingAccount')}
          </button>
        </>
      )}
    </Form>
  );
}
