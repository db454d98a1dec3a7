import type { MetaFunction } from '@remix-run/node';
import { translator } from '../../shared/i18n/i18n';
import { resolveLocale } from '../../shared/i18n/locales';
import type { fr } from '../../shared/i18n/fr';

export type PageTitleKey = keyof (typeof fr)['pageTitle'];
type Matches = Parameters<MetaFunction>[0]['matches'];

/** The language the root loader chose, which meta functions cannot read through React's context. */
function localeOf(matches: Matches) {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined;
  return resolveLocale(root?.locale);
}

/** "<page> — Y-tech" in the visitor's language; `name` (a record's own name) replaces the page's word. */
export function pageTitle(matches: Matches, key: PageTitleKey, name?: string | null): string {
  const t = translator(localeOf(matches));
  if (key === 'home') return t('pageTitle.home');
  return t('site.titleSuffix', { page: name || t(`pageTitle.${key}`) });
}

/** A route's `meta` giving only its translated title. */
export const titled =
  (key: PageTitleKey): MetaFunction =>
  ({ matches }) => [{ title: pageTitle(matches, key) }];
