import { useId } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FormField } from '~/components/form-field';

type StepProps = { values: Record<string, string>; errors: Record<string, string> };
export type ServiceChoice = { code: string; name: string; pricedBy: string };

/** The values of the other steps, carried along so that nothing typed is lost. */
export function HiddenValues({ values, except }: { values: Record<string, string>; except: readonly string[] }) {
  return (
    <>
      {Object.entries(values)
        .filter(([name]) => !except.includes(name))
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
    </>
  );
}

export function CompanyStep({
  values,
  errors,
  sectors,
  employeeRanges,
}: StepProps & { sectors: readonly string[]; employeeRanges: readonly string[] }) {
  const { t } = useTranslation();
  const field = (name: string) => ({ name: `company.${name}`, defaultValue: values[`company.${name}`], error: errors[`company.${name}`] });
  return (
    <>
      <FormField {...field('name')} label={t('quote.companyName')} autoComplete="organization" required />
      <div className="form-row">
        <FormField {...field('sector')} label={t('quote.sector')} options={sectors} required />
        <FormField {...field('employeeRange')} label={t('quote.employeeRange')} options={employeeRanges} required />
      </div>
      <FormField {...field('address')} label={t('quote.address')} autoComplete="street-address" required />
      <FormField {...field('phone')} type="tel" label={t('quote.phone')} hint={t('quote.phoneHint')} autoComplete="tel" required />
      <fieldset className="quote-fieldset">
        <legend>{t('quote.legalIds')}</legend>
        <div className="form-row">
          <FormField {...field('rc')} label={t('quote.rc')} />
          <FormField {...field('nif')} label={t('quote.nif')} />
          <FormField {...field('nis')} label={t('quote.nis')} />
          <FormField {...field('ai')} label={t('quote.ai')} />
        </div>
      </fieldset>
    </>
  );
}

/** A labelled group of radio buttons whose error is announced with the group. */
function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  value?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset
      className={`quote-fieldset field${props.error ? ' field--error' : ''}`}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>
        {props.legend} <span className="field__required">({t('form.required')})</span>
      </legend>
      <div className="quote-choices">
        {props.options.map((o) => (
          <label key={o.value} className="quote-choice">
            <input
              type="radio"
              name={props.name}
              value={o.value}
              defaultChecked={props.value === o.value}
              aria-invalid={props.error ? true : undefined}
            />
            <span>
              <strong>{o.label}</strong>
              {o.hint ? <span className="muted small quote-choice__hint">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {props.error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t(props.error)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ServiceStep({ values, errors, services }: StepProps & { services: ServiceChoice[] }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name="serviceCode"
      legend={t('quote.service')}
      options={services.map((s) => ({ value: s.code, label: s.name, hint: t(`services.pricedBy_${s.pricedBy}`) }))}
      value={values.serviceCode}
      error={errors.serviceCode}
    />
  );
}

export function DetailsStep({ values, errors, fields }: StepProps & { fields: readonly string[] }) {
  const { t } = useTranslation();
  // A detail that does not fit the service is still shown when it holds a value, with its error.
  const shown = (name: string) => fields.includes(name) || Boolean(values[name]) || Boolean(errors[name]);
  const count = (name: 'ticketsPerMonth' | 'pcsCount' | 'softwareCount') =>
    shown(name) ? (
      <FormField
        name={name}
        type="number"
        label={t(`quote.${name}`)}
        hint={t('quote.quantityHint')}
        defaultValue={values[name]}
        error={errors[name]}
        required={fields.includes(name)}
      />
    ) : null;
  const descriptionId = useId();
  return (
    <>
      <div className="form-row">
        {count('ticketsPerMonth')}
        {count('pcsCount')}
        {count('softwareCount')}
      </div>
      {shown('description') ? (
        <div className={`field${errors.description ? ' field--error' : ''}`}>
          <label htmlFor={descriptionId}>
            {t('quote.description')} <span className="field__required">({t('form.required')})</span>
          </label>
          <p id={`${descriptionId}-hint`} className="field__hint">
            {t('quote.descriptionHint')}
          </p>
          <textarea
            id={descriptionId}
            name="description"
            rows={5}
            defaultValue={values.description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={`${descriptionId}-hint${errors.description ? ` ${descriptionId}-error` : ''}`}
          />
          {errors.description ? (
            <p id={`${descriptionId}-error`} className="field__error" role="alert">
              {t(errors.description)}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export function DurationStep({ values, errors, durations }: StepProps & { durations: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name="durationMonths"
      legend={t('quote.durationMonths')}
      options={durations.map((d) => ({ value: String(d), label: t('quote.months', { count: d }) }))}
      value={values.durationMonths}
      error={errors.durationMonths}
    />
  );
}
