import { useTranslation } from '~/i18n/use-translation';
import { FormField } from '~/components/form-field';

/**
 * The fields of a new client account — names, e-mail, phone, password — as the registration page
 * and the quote wizard's first step ask for them: the values typed come back in `values`, the
 * password never does.
 */
export function AccountFields({ values, errors }: { values?: Record<string, string>; errors?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-row">
        <FormField
          name="firstName"
          label={t('auth.firstName')}
          autoComplete="given-name"
          required
          defaultValue={values?.firstName}
          error={errors?.firstName}
        />
        <FormField
          name="lastName"
          label={t('auth.lastName')}
          autoComplete="family-name"
          required
          defaultValue={values?.lastName}
          error={errors?.lastName}
        />
      </div>
      <FormField
        name="email"
        type="email"
        label={t('auth.email')}
        autoComplete="email"
        required
        defaultValue={values?.email}
        error={errors?.email}
      />
      <FormField
        name="phone"
        type="tel"
        label={t('auth.phone')}
        hint={t('auth.phoneHint')}
        autoComplete="tel"
        required
        defaultValue={values?.phone}
        error={errors?.phone}
      />
      <FormField
        name="password"
        type="password"
        label={t('auth.password')}
        hint={t('auth.passwordHint')}
        autoComplete="new-password"
        required
        error={errors?.password}
      />
    </>
  );
}
