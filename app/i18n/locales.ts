import { en } from './en';
import { fr } from './fr';

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';
export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

/** French unless the visitor chose English (cookie) or saved it in their profile. */
export function resolveLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : defaultLocale;
}
