import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { AdminNotice } from '~/components/admin/admin-notice';
import { formatDa } from '../../shared/format';
import { done, intField, type AdminActionResult } from '~/utils/admin.server';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { adminPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';
import { pickLocalized } from '../../shared/i18n/locales';

export const meta = titled('adminCatalog');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await adminPage(request, context);
  return data({ services: await api.admin.catalog.services(), locale: ctx.locale }, { headers });
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  const tier = { minQty: intField(values.minQty), maxQty: intField(values.maxQty), monthlyPriceDa: intField(values.monthlyPriceDa) };
  let result: AdminActionResult;
  try {
    switch (values.intent) {
      case 'service':
        await api.admin.catalog.updateService({
          id: intField(values.id),
          nameFr: values.nameFr ?? '',
          nameEn: values.nameEn ?? '',
          scopeFr: lines(values.scopeFr),
          scopeEn: lines(values.scopeEn),
          nameAr: values.nameAr ?? '',
          scopeAr: lines(values.scopeAr),
          active: values.active === 'on',
        });
        break;
      case 'createTier':
        await api.admin.catalog.createTier({ serviceId: intField(values.serviceId), ...tier });
        break;
      case 'updateTier':
        await api.admin.catalog.updateTier({ id: intField(values.id), ...tier });
        break;
      case 'deleteTier':
        await api.admin.catalog.deleteTier({ id: intField(values.id) });
        break;
    }
    result = done('admin.saved');
  } catch (error) {
    result = formFailure(error, values);
  }
  return data(result, { headers });
}

export default function CatalogAdmin() {
  const { services, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{t('admin.catalog.title')}</h1>
      <p className="muted">{t('admin.catalog.notice')}</p>
      <AdminNotice result={result} />
      {services.map((s) => {
        const name = pickLocalized(locale, { fr: s.nameFr, en: s.nameEn, ar: s.nameAr });
        return (
          <section key={s.id} className="card" aria-labelledby={`service-${s.id}`}>
            <h2 id={`service-${s.id}`}>
              {name}{' '}
              <span className="muted small">
                ({s.code} — {t(`admin.catalog.pricedBy.${s.pricedBy}`)})
              </span>
            </h2>
            <Form
              method="post"
              className="form"
              key={`${s.id}-${s.nameFr}-${s.nameEn}-${s.nameAr}-${s.active}-${s.scopeFr.length}-${s.scopeAr?.length}`}
            >
              <input type="hidden" name="intent" value="service" />
              <input type="hidden" name="id" value={s.id} />
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`nameFr-${s.id}`}>{t('admin.catalog.nameFr')}</label>
                  <input id={`nameFr-${s.id}`} name="nameFr" defaultValue={s.nameFr} required />
                </div>
                <div className="field">
                  <label htmlFor={`nameEn-${s.id}`}>{t('admin.catalog.nameEn')}</label>
                  <input id={`nameEn-${s.id}`} name="nameEn" defaultValue={s.nameEn} required />
                </div>
              </div>
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`scopeFr-${s.id}`}>{t('admin.catalog.scopeFr')}</label>
                  <textarea id={`scopeFr-${s.id}`} name="scopeFr" rows={5} defaultValue={s.scopeFr.join('\n')} />
                </div>
                <div className="field">
                  <label htmlFor={`scopeEn-${s.id}`}>{t('admin.catalog.scopeEn')}</label>
                  <textarea id={`scopeEn-${s.id}`} name="scopeEn" rows={5} defaultValue={s.scopeEn.join('\n')} />
                </div>
              </div>
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`nameAr-${s.id}`}>{t('admin.catalog.nameAr')}</label>
                  <input id={`nameAr-${s.id}`} name="nameAr" dir="rtl" defaultValue={s.nameAr ?? ''} />
                </div>
                <div className="field">
                  <label htmlFor={`scopeAr-${s.id}`}>{t('admin.catalog.scopeAr')}</label>
                  <textarea id={`scopeAr-${s.id}`} name="scopeAr" dir="rtl" rows={5} defaultValue={(s.scopeAr ?? []).join('\n')} />
                </div>
              </div>
              <div className="admin-checkbox">
                <input id={`active-${s.id}`} type="checkbox" name="active" defaultChecked={s.active} />
                <label htmlFor={`active-${s.id}`}>{t('admin.catalog.active')}</label>
              </div>
              <div>
                <button type="submit" className="button" disabled={busy}>
                  {t('admin.catalog.saveService')}
                </button>
              </div>
            </Form>

            <table className="table admin-tiers">
              <caption>{t('admin.catalog.tiers', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.catalog.minQty')}</th>
                  <th scope="col">{t('admin.catalog.maxQty')}</th>
                  <th scope="col">{t('admin.catalog.monthlyPrice')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {s.tiers.map((tier) => {
                  const formId = `tier-${tier.id}`;
                  const label = t('admin.catalog.tierRow', { min: tier.minQty, max: tier.maxQty });
                  return (
                    <tr key={`${tier.id}-${tier.minQty}-${tier.maxQty}-${tier.monthlyPriceDa}`}>
                      <td>
                        <input
                          form={formId}
                          name="minQty"
                          type="number"
                          min={0}
                          defaultValue={tier.minQty}
                          aria-label={`${label} — ${t('admin.catalog.minQty')}`}
                        />
                      </td>
                      <td>
                        <input
                          form={formId}
                          name="maxQty"
                          type="number"
                          min={0}
                          defaultValue={tier.maxQty}
                          aria-label={`${label} — ${t('admin.catalog.maxQty')}`}
                        />
                      </td>
                      <td>
                        <input
                          form={formId}
                          name="monthlyPriceDa"
                          type="number"
                          min={1}
                          defaultValue={tier.monthlyPriceDa}
                          aria-label={`${label} — ${t('admin.catalog.monthlyPrice')}`}
                        />
                        <span className="muted small"> {formatDa(tier.monthlyPriceDa, locale)}</span>
                      </td>
                      <td>
                        <Form method="post" id={formId} className="admin-inline-form">
                          <input type="hidden" name="id" value={tier.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="updateTier"
                            className="button button--ghost"
                            disabled={busy}
                            aria-label={`${t('admin.catalog.saveTier')} — ${label}`}
                          >
                            {t('admin.catalog.saveTier')}
                          </button>
                          <button
                            type="submit"
                            name="intent"
                            value="deleteTier"
                            className="button button--ghost"
                            disabled={busy}
                            aria-label={`${t('admin.catalog.deleteTier')} — ${label}`}
                          >
                            {t('admin.catalog.deleteTier')}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  );
                })}
                <tr key={`new-${s.tiers.length}`}>
                  <td>
                    <input
                      form={`new-tier-${s.id}`}
                      name="minQty"
                      type="number"
                      min={0}
                      aria-label={`${t('admin.catalog.addTier')} — ${t('admin.catalog.minQty')}`}
                    />
                  </td>
                  <td>
                    <input
                      form={`new-tier-${s.id}`}
                      name="maxQty"
                      type="number"
                      min={0}
                      aria-label={`${t('admin.catalog.addTier')} — ${t('admin.catalog.maxQty')}`}
                    />
                  </td>
                  <td>
                    <input
                      form={`new-tier-${s.id}`}
                      name="monthlyPriceDa"
                      type="number"
                      min={1}
                      aria-label={`${t('admin.catalog.addTier')} — ${t('admin.catalog.monthlyPrice')}`}
                    />
                  </td>
                  <td>
                    <Form method="post" id={`new-tier-${s.id}`} className="admin-inline-form">
                      <input type="hidden" name="serviceId" value={s.id} />
                      <button type="submit" name="intent" value="createTier" className="button" disabled={busy}>
                        {t('admin.catalog.addTier')}
                      </button>
                    </Form>
                  </td>
                </tr>
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
