import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { serverApi } from '~/trpc.server';

export const meta: MetaFunction = () => [{ title: 'FAQ — Y-tech' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get('q')?.slice(0, 200) ?? '';
  const { api, ctx } = await serverApi(request);
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
            <summary>{locale === 'en' ? e.questionEn : e.questionFr}</summary>
            <p>{locale === 'en' ? e.answerEn : e.answerFr}</p>
          </details>
        ))}
      </div>
    </>
  );
}
