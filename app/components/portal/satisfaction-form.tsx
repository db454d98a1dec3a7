import { Form, useNavigation } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from '~/i18n/use-translation';

/**
 * Five stars as a radio group (keyboard: arrows move between them) and a comment: the same form
 * behind the mail's link and on a solved ticket's page. What was typed comes back on an error.
 */
export function SatisfactionForm({
  values,
  fieldErrors,
  preselected,
  intent,
}: {
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  preselected?: number | null;
  /** On a page with several forms, which one this is. */
  intent?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const id = useId();
  const ratingError = fieldErrors?.rating;
  const commentError = fieldErrors?.comment;
  const chosen = values?.rating ?? (preselected ? String(preselected) : '');
  return (
    <Form method="post" className="form">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <fieldset
        className={`field satisfaction-stars${ratingError ? ' field--error' : ''}`}
        aria-describedby={`${id}-hint${ratingError ? ` ${id}-error` : ''}`}
        aria-invalid={ratingError ? true : undefined}
      >
        <legend>{t('satisfaction.rating')}</legend>
        <p id={`${id}-hint`} className="field__hint">
          {t('satisfaction.ratingHint')}
        </p>
        <div className="satisfaction-stars__choices">
          {[1, 2, 3, 4, 5].map((stars) => (
            <label key={stars} className="satisfaction-stars__choice">
              <input type="radio" name="rating" value={stars} defaultChecked={chosen === String(stars)} data-testid={`rating-${stars}`} />
              <span aria-hidden="true">{'★'.repeat(stars)}</span>
              <span className="portal-visually-hidden">{t('satisfaction.starLabel', { n: stars })}</span>
            </label>
          ))}
        </div>
        {ratingError ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {t(ratingError)}
          </p>
        ) : null}
      </fieldset>
      <div className={`field${commentError ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-comment`}>{t('satisfaction.comment')}</label>
        <textarea
          id={`${id}-comment`}
          name="comment"
          rows={4}
          maxLength={2000}
          defaultValue={values?.comment ?? ''}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? `${id}-comment-error` : undefined}
        />
        {commentError ? (
          <p id={`${id}-comment-error`} className="field__error" role="alert">
            {t(commentError)}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
        {t('satisfaction.submit')}
      </button>
    </Form>
  );
}
