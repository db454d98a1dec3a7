import i18next, { type i18n } from 'i18next';
import { resources, type Locale } from './locales';

/** A ready i18next instance for one language; resources are bundled, so init is synchronous. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  // No react-i18next plugin: pages get the instance from <I18nextProvider> (app/root.tsx), and the
  // same instances serve e-mails, PDFs and the worker, which have no React.
  void instance.init({
    lng: locale,
    fallbackLng: 'fr',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}

const cache = new Map<Locale, i18n>();
/**
 * One ready instance per language, reused by every render and by server code outside React
 * (e-mails, PDFs): the language never changes on an instance, so sharing it is safe, and
 * initialising i18next on every request was a measurable part of a page's time.
 */
export function i18nFor(locale: Locale): i18n {
  let instance = cache.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    cache.set(locale, instance);
  }
  return instance;
}

export function translator(locale: Locale) {
  const instance = i18nFor(locale);
  return instance.t.bind(instance);
}
