import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';

export const locales = ['fr', 'en', 'ar'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';
export const resources = { fr: { translation: fr }, en: { translation: en }, ar: { translation: ar } } as const;

/** French unless the visitor chose another language (cookie) or saved it in their profile. */
export function resolveLocale(value: string | null | undefined): Locale {
  return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : defaultLocale;
}

/** Arabic reads right to left; the root sets `dir` from this so the whole layout mirrors. */
export const localeDirection = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

/** Each language named in itself, as the language menu shows it whatever the current language. */
export const localeNames: Record<Locale, string> = { fr: 'Français', en: 'English', ar: 'العربية' };

/** The BCP 47 tag Intl formats with: Algerian Arabic keeps Latin digits, as Algerian documents do. */
export const intlTag = (locale: Locale): string => ({ fr: 'fr-FR', en: 'en-GB', ar: 'ar-DZ' })[locale];

/** A value staff write in each language (catalog, FAQ): Arabic shows the French one until it has its own. */
export function pickLocalized<T extends string | readonly string[]>(locale: Locale, values: { fr: T; en: T; ar?: T | null }): T {
  if (locale === 'ar') return values.ar && values.ar.length > 0 ? values.ar : values.fr;
  return locale === 'en' ? values.en : values.fr;
}
