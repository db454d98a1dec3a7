import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';
import { localeDirection, locales, resolveLocale } from './locales';
import type { Texts } from './texts';

/** Every key path of a resource tree with its text. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// The types (Texts<typeof fr> in en.ts and ar.ts, per section) already refuse a missing key at
// compile time; this is the same rule at run time, and it also catches a lost {{placeholder}}.
describe.each([
  ['en', en],
  ['ar', ar],
] as const)('the %s texts', (_name, texts) => {
  const reference = leaves(fr);
  const translated = leaves(texts);

  it('have every French key, and no other', () => {
    expect([...reference.keys()].filter((k) => !translated.has(k))).toEqual([]);
    expect([...translated.keys()].filter((k) => !reference.has(k))).toEqual([]);
  });

  it('keep every placeholder of the French text', () => {
    const lost = [...reference]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(translated.get(key) ?? '').join())
      .map(([key]) => key);
    expect(lost).toEqual([]);
  });

  it('are never empty', () => {
    expect([...translated].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});

describe('the Arabic texts', () => {
  it('are written in Arabic, not left in French', () => {
    const arabic = /[\u0600-\u06ff]/;
    // Names, codes and formats that read the same in every language.
    const sameEverywhere =
      /^(Y-tech|GLPI|RC|NIF|NIS|AI|PDF|—|[\d\s+]+|\{\{\w+\}\}( — Y-tech)?|.*@.*|GLPI — \{\{company\}\}|factures|.*\{\{\w+\}\}.*(\{\{\w+\}\}).*)$/;
    const untranslated = [...leaves(ar)]
      .filter(([, text]) => !arabic.test(text) && !sameEverywhere.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });
});

describe('choosing a language', () => {
  it('knows three languages, Arabic right to left', () => {
    expect(locales).toEqual(['fr', 'en', 'ar']);
    expect(localeDirection('ar')).toBe('rtl');
    expect(localeDirection('fr')).toBe('ltr');
  });

  it('falls back to French for anything else', () => {
    expect(resolveLocale('ar')).toBe('ar');
    expect(resolveLocale('de')).toBe('fr');
    expect(resolveLocale(undefined)).toBe('fr');
  });
});

describe('the type of a translation', () => {
  it('refuses a French key left without its translation (checked by npx tsc)', () => {
    type Section = { quote: { title: string; lead: string } };
    // @ts-expect-error — `lead` is missing: the lead sees it at merge time, where the text belongs.
    const incomplete: Texts<Section> = { quote: { title: 'طلب عرض سعر' } };
    const complete: Texts<Section> = { quote: { title: 'طلب عرض سعر', lead: '…' } };
    expect(Object.keys(incomplete.quote).length).toBeLessThan(Object.keys(complete.quote).length);
  });
});
