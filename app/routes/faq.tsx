import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { serverApi } from '~/trpc.server';
import { titled } from '~/utils/page-title';
import { pickLocalized } from '../../shared/i18n/locales';

export const meta = titled('faq');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get('q')?.slice(0, 200) ?? '';
  const { api, ctx } = await serverApi(request, context);
  return { entries: await api.catalog.faq({ q }), q, locale: ctx.locale };
}

export default function FaqPage() {
  const { entries, q, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('faq.title')}</h1>
      <Form method="get" role="search" className="search-form">
        <label htmlFor="faq-q">{t('faq.search')}</label>
        <input id="faq-q" type="search" name="q" defaultValue={q} />
        <button type="submit" className="button">
          {t('faq.search')}
        </button>
      </Form>
      {entries.length === 0 ? <p>{t('faq.empty')}</p> : null}
      <div className="faq">
        {entries.map((e) => (
          <details key={e.id}>
            <summary>{pickLocalized(locale, { fr: e.questionFr, en: e.questionEn, ar: e.questionAr })}</summary>
            <p>{pickLocalized(locale, { fr: e.answerFr, en: e.answerEn, ar: e.answerAr })}</p>
          </details>
        ))}
      </div>
    </>
  );
}
