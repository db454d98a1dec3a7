import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { titled } from '~/utils/page-title';

export const meta = titled('home');

export default function Home() {
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <div className="hero__actions">
          <Link className="button button--large" to="/quote">
            {t('home.cta')}
          </Link>
          <Link className="button button--ghost button--large" to="/services">
            {t('home.ctaServices')}
          </Link>
        </div>
      </section>
      <section className="cards" aria-label={t('tagline')}>
        {(['1', '2', '3'] as const).map((n) => (
          <article className="card" key={n}>
            <h2>{t(`home.point${n}Title`)}</h2>
            <p>{t(`home.point${n}`)}</p>
          </article>
        ))}
      </section>
    </>
  );
}
