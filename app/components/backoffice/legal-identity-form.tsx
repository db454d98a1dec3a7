import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import type { FormFailure } from '~/trpc.server';

type Company = { name: string; address: string | null; rc: string | null; nif: string | null; nis: string | null; ai: string | null };

/** Staff correct the identity printed on the client's next documents (issued ones keep theirs). */
export function LegalIdentityForm({ company, failure, busy }: { company: Company; failure: FormFailure | undefined; busy: boolean }) {
  const { t } = useTranslation();
  const value = (key: keyof Company) => failure?.values[key] ?? company[key] ?? '';
  return (
    <section className="card" aria-labelledby="bo-legal-identity">
      <h2 id="bo-legal-identity">{t('legalIdentity.title')}</h2>
      <p className="muted">{t('legalIdentity.lead')}</p>
      <FormAlert message={failure?.formError} params={failure?.params} />
      <Form method="post" noValidate className="form">
        <input type="hidden" name="intent" value="legal-identity" />
        <FormField name="name" label={t('legalIdentity.name')} required defaultValue={value('name')} error={failure?.fieldErrors.name} />
        <FormField name="address" label={t('legalIdentity.address')} defaultValue={value('address')} error={failure?.fieldErrors.address} />
        <div className="form-row">
          <FormField
            name="rc"
            label={t('legalIdentity.rc')}
            hint={t('legalIdentity.rcHint')}
            defaultValue={value('rc')}
            error={failure?.fieldErrors.rc}
          />
          <FormField
            name="nif"
            label={t('legalIdentity.nif')}
            hint={t('legalIdentity.nifHint')}
            defaultValue={value('nif')}
            error={failure?.fieldErrors.nif}
          />
        </div>
        <div className="form-row">
          <FormField
            name="nis"
            label={t('legalIdentity.nis')}
            hint={t('legalIdentity.nisHint')}
            defaultValue={value('nis')}
            error={failure?.fieldErrors.nis}
          />
          <FormField
            name="ai"
            label={t('legalIdentity.ai')}
            hint={t('legalIdentity.aiHint')}
            defaultValue={value('ai')}
            error={failure?.fieldErrors.ai}
          />
        </div>
        <div>
          <button type="submit" className="button" disabled={busy}>
            {t('legalIdentity.save')}
          </button>
        </div>
      </Form>
    </section>
  );
}
