import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FormAlert } from '~/components/form-alert';
import { SatisfactionForm } from '~/components/portal/satisfaction-form';
import { useTranslation } from '~/i18n/use-translation';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { titled } from '~/utils/page-title';

export const meta = titled('satisfaction');

/** The address holds a credential: never kept by a cache, never sent on as a referrer. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const merged = new Headers(actionHeaders ?? loaderHeaders);
  merged.set('Cache-Control', 'private, no-store');
  merged.set('Referrer-Policy', 'no-referrer');
  return merged;
};

/**
 * The satisfaction survey behind a mail's link: no session needed, the link is the credential.
 * Opening it changes nothing (mail scanners follow links); the stars of the mail preselect a
 * rating (`?note=`). A forged, spent or expired link says so, with nothing stored.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, headers } = await serverApi(request, context);
  const note = Number(new URL(request.url).searchParams.get('note'));
  try {
    const survey = await api.satisfaction.view({ token: params.token ?? '' });
    return data({ survey, unusable: null, preselected: Number.isInteger(note) && note >= 1 && note <= 5 ? note : null }, { headers });
  } catch (error) {
    const { formError } = formFailure(error, {});
    // Unknown or forged: 404; spent or expired: gone.
    return data(
      { survey: null, unusable: formError, preselected: null },
      { status: formError === 'satisfaction.errors.invalid' ? 404 : 410, headers },
    );
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { api, headers } = await serverApi(request, context);
  const values = formValues(await request.formData());
  try {
    await api.satisfaction.answer({
      token: params.token ?? '',
      rating: values.rating === undefined ? Number.NaN : Number(values.rating),
      comment: values.comment ?? '',
    });
  } catch (error) {
    return data(formFailure(error, values), { status: 400, headers });
  }
  return data({ ok: true as const }, { headers });
}

export default function SatisfactionPage() {
  const { survey, unusable, preselected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  // After the answer Remix reads the page again, which now says "answered": the thanks come first.
  if (result?.ok) {
    return (
      <section className="narrow">
        <h1>{t('pageTitle.satisfaction')}</h1>
        <FormAlert tone="success" message="satisfaction.thanks" />
      </section>
    );
  }
  if (!survey) {
    return (
      <section className="narrow">
        <h1>{t('satisfaction.unusable')}</h1>
        <FormAlert message={unusable} />
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('satisfaction.pageTitle', { ticketId: survey.ticketId })}</h1>
      <p>{t('satisfaction.pageLead', { ticketTitle: survey.ticketTitle ?? `#${survey.ticketId}` })}</p>
      <FormAlert message={result?.formError} params={result?.params} />
      <SatisfactionForm values={result?.values} fieldErrors={result?.fieldErrors} preselected={preselected} />
    </section>
  );
}
