import { translator } from '../../shared/i18n/i18n';
import { localeDirection, locales, type Locale } from '../../shared/i18n/locales';
import { logger } from '../logger';
import { mailLayout } from './mail-layout';
import { mailTemplateNames, mailTemplates, type MailTemplateName } from './mail-templates';

const compiled = new Map<string, Promise<string>>();

async function compile(template: MailTemplateName, locale: Locale): Promise<string> {
  const t = translator(locale);
  const definition = mailTemplates[template];
  const mjml = mailLayout({
    lang: locale,
    dir: localeDirection(locale),
    title: definition.subject(t, {} as never),
    blocks: definition.blocks(t),
    footer: t('mail.footer'),
  });
  // mjml (with its HTML parser, juice and js-beautify) is loaded by the first mail, not at import:
  // about 60 MB of the worker's memory, which most of its life never needs (decision 191).
  const { default: mjml2html } = await import('mjml');
  const result = await mjml2html(mjml, { validationLevel: 'strict', minify: false });
  // The shipped worker never prints this: the build compiled its templates (decision 270).
  logger.info({ template, locale }, 'mail template compiled at run time');
  return result.html;
}

/** Compiles a template in a language on its first use; later renders only substitute values. */
export function compiledTemplate(template: MailTemplateName, locale: Locale): Promise<string> {
  const key = `${template}:${locale}`;
  let html = compiled.get(key);
  if (!html) {
    html = compile(template, locale);
    compiled.set(key, html);
  }
  return html;
}

/** Every template in every language, by `template:locale`: what the build writes beside the worker. */
export async function compileAllMailTemplates(): Promise<Record<string, string>> {
  const keys = mailTemplateNames.flatMap((name) => locales.map((locale) => [name, locale] as const));
  const html = await Promise.all(keys.map(([name, locale]) => compiledTemplate(name, locale)));
  return Object.fromEntries(keys.map(([name, locale], i) => [`${name}:${locale}`, html[i]!]));
}

/**
 * The templates the build compiled (scripts/build-worker.ts): given them, the shipped worker never
 * loads mjml. A template missing from them is still compiled by its first mail.
 */
export function adoptPrebuiltMailTemplates(table: Record<string, string>): void {
  for (const [key, html] of Object.entries(table)) compiled.set(key, Promise.resolve(html));
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };

/**
 * The plain-text part: what a reader sees of the HTML, links written out and entities decoded.
 * The head (title, Outlook's <o:PixelsPerInch>96</o:PixelsPerInch>…) and conditional comments are
 * for mail clients, not readers: left in, they opened every plain-text mail with "96".
 */
export function plainText(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<a\s[^>]*href="([^"]+)"[^>]*>\s*([\s\S]*?)\s*<\/a>/gi, '$2: $1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/g, (whole, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (entities[name] ?? whole),
    )
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `link` holds the values made at send time (mail-links.ts), which params never carry. */
export async function renderMail(template: MailTemplateName, locale: Locale, rawParams: unknown, link: Record<string, string> = {}) {
  const definition = mailTemplates[template];
  const params = { ...(definition.params.parse(rawParams) as Record<string, unknown>), ...link };
  const html = (await compiledTemplate(template, locale)).replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? escapeHtml(String(params[name])) : whole,
  );
  const subject = definition.subject(translator(locale), params as never);
  const text = plainText(html);
  return { subject, html, text };
}
