import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { AdminNotice } from '~/components/admin/admin-notice';
import { FormField } from '~/components/form-field';
import { done, intField, type AdminActionResult } from '~/utils/admin.server';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { adminPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';
import { pickLocalized } from '../../shared/i18n/locales';

export const meta = titled('adminFaq');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await adminPage(request, context);
  const entries = await api.admin.faq.list();
  const editId = intField(new URL(request.url).searchParams.get('edit'));
  return data({ entries, editing: entries.find((e) => e.id === editId) ?? null, locale: ctx.locale }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  const id = intField(values.id);
  const fields = {
    questionFr: values.questionFr ?? '',
    answerFr: values.answerFr ?? '',
    questionEn: values.questionEn ?? '',
    answerEn: values.answerEn ?? '',
    questionAr: values.questionAr ?? '',
    answerAr: values.answerAr ?? '',
    published: values.published === 'on',
  };
  let result: AdminActionResult;
  try {
    switch (values.intent) {
      case 'create':
        await api.admin.faq.create(fields);
        result = done('admin.saved');
        break;
      case 'update':
        await api.admin.faq.update({ id, ...fields });
        // Back to the list: the edited entry is saved, the form returns to "new entry".
        throw redirect('/backoffice/admin/faq', { headers });
      case 'publish':
      case 'hide':
        await api.admin.faq.setPublished({ id, published: values.intent === 'publish' });
        result = done('admin.saved');
        break;
      case 'up':
      case 'down':
        await api.admin.faq.move({ id, direction: values.intent });
        result = done('admin.saved');
        break;
      default:
        result = done('admin.none');
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    result = formFailure(error, values);
  }
  return data(result, { headers });
}

function TextArea({
  name,
  label,
  defaultValue,
  error,
  dir,
  required = true,
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
  error?: string;
  dir?: 'rtl';
  required?: boolean;
}) {
  const { t } = useTranslation();
  const id = `faq-${name}`;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required"> ({t('form.required')})</span> : null}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        required={required}
        dir={dir}
        defaultValue={defaultValue ?? undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

export default function FaqAdmin() {
  const { entries, editing, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === 'submitting';
  const failed = result && !result.ok && (result.values.intent === 'create' || result.values.intent === 'update') ? result : undefined;
  const initial = failed?.values ?? (editing ? { ...editing, published: editing.published ? 'on' : '' } : undefined);
  const question = (e: (typeof entries)[number]) => pickLocalized(locale, { fr: e.questionFr, en: e.questionEn, ar: e.questionAr });
  return (
    <>
      <h1>{t('admin.faq.title')}</h1>
      <AdminNotice result={result} />
      <table className="table">
        <caption>{t('admin.faq.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.faq.position')}</th>
            <th scope="col">{t('admin.faq.question')}</th>
            <th scope="col">{t('admin.faq.state')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, index) => (
            <tr key={e.id}>
              <td className="num">{index + 1}</td>
              <th scope="row">{question(e)}</th>
              <td>{e.published ? t('admin.faq.published') : t('admin.faq.hidden')}</td>
              <td>
                <div className="admin-actions">
                  <Form method="post" className="admin-inline-form">
                    <input type="hidden" name="id" value={e.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="up"
                      className="button button--ghost"
                      disabled={busy || index === 0}
                      aria-label={t('admin.faq.moveUp', { question: question(e) })}
                    >
                      ↑
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="down"
                      className="button button--ghost"
                      disabled={busy || index === entries.length - 1}
                      aria-label={t('admin.faq.moveDown', { question: question(e) })}
                    >
                      ↓
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value={e.published ? 'hide' : 'publish'}
                      className="button button--ghost"
                      disabled={busy}
                    >
                      {e.published ? t('admin.faq.hide') : t('admin.faq.publish')}
                    </button>
                  </Form>
                  <Link
                    to={`?edit=${e.id}`}
                    className="button button--ghost"
                    aria-label={t('admin.faq.editEntry', { question: question(e) })}
                  >
                    {t('admin.faq.edit')}
                  </Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="card" aria-labelledby="faq-form-title" key={editing?.id ?? `new-${entries.length}`}>
        <h2 id="faq-form-title">{editing ? t('admin.faq.edit') : t('admin.faq.create')}</h2>
        <Form method="post" noValidate className="form">
          <input type="hidden" name="intent" value={editing ? 'update' : 'create'} />
          {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
          <FormField
            name="questionFr"
            label={t('admin.faq.questionFr')}
            required
            defaultValue={initial?.questionFr}
            error={failed?.fieldErrors.questionFr}
          />
          <TextArea name="answerFr" label={t('admin.faq.answerFr')} defaultValue={initial?.answerFr} error={failed?.fieldErrors.answerFr} />
          <FormField
            name="questionEn"
            label={t('admin.faq.questionEn')}
            required
            defaultValue={initial?.questionEn}
            error={failed?.fieldErrors.questionEn}
          />
          <TextArea name="answerEn" label={t('admin.faq.answerEn')} defaultValue={initial?.answerEn} error={failed?.fieldErrors.answerEn} />
          <FormField
            name="questionAr"
            label={t('admin.faq.questionAr')}
            dir="rtl"
            hint={t('admin.faq.arabicHint')}
            defaultValue={initial?.questionAr}
            error={failed?.fieldErrors.questionAr}
          />
          <TextArea
            name="answerAr"
            label={t('admin.faq.answerAr')}
            dir="rtl"
            required={false}
            defaultValue={initial?.answerAr}
            error={failed?.fieldErrors.answerAr}
          />
          <div className="admin-checkbox">
            <input id="faq-published" type="checkbox" name="published" defaultChecked={initial?.published === 'on'} />
            <label htmlFor="faq-published">{t('admin.faq.publishNow')}</label>
          </div>
          <div className="admin-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('admin.faq.save')}
            </button>
            {editing ? (
              <Link to="/backoffice/admin/faq" className="button button--ghost">
                {t('admin.faq.cancel')}
              </Link>
            ) : null}
          </div>
        </Form>
      </section>
    </>
  );
}
