import type { i18n as I18n, TFunction } from 'i18next';
import { useContext } from 'react';
import { I18nContext } from 'react-i18next';

const bound = new WeakMap<I18n, { t: TFunction; i18n: I18n }>();

/**
 * `useTranslation()` for this app, whose i18next instances each keep one language for good
 * (shared/i18n/i18n.ts): a text without parameters is looked up once per instance, not on every
 * render. react-i18next's own hook rebuilt its wrapper and re-resolved every key at each call,
 * a tenth of a page's rendering time (docs/decisions/013-web-request-costs.md).
 */
export function useTranslation(): { t: TFunction; i18n: I18n } {
  const { i18n } = useContext(I18nContext);
  let entry = bound.get(i18n);
  if (!entry) {
    const plain = new Map<string, string>();
    const translate = i18n.t.bind(i18n) as unknown as (...args: unknown[]) => string;
    const t = ((key: unknown, ...rest: unknown[]) => {
      if (rest.length > 0 || typeof key !== 'string') return translate(key, ...rest);
      let text = plain.get(key);
      if (text === undefined) {
        text = i18n.t(key);
        plain.set(key, text);
      }
      return text;
    }) as unknown as TFunction;
    entry = { t, i18n };
    bound.set(i18n, entry);
  }
  return entry;
}
