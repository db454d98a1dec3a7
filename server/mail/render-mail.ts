import mjml2html from 'mjml';
import { translator } from '../../app/i18n/i18n';
import { locales, type Locale } from '../../app/i18n/locales';
import { mailLayout } from './mail-layout';
import { mailTemplateNames, mailTemplates, type MailTemplateName } from './mail-templates';

const compiled = new Map<string, Promise<string>>();

async function compile(template: MailTemplateName, locale: Locale): Promise<string> {
  const t = translator(locale);
  const definition = mailTemplates[template];
  const mjml = mailLayout({
    lang: locale,
    title: definition.subject(t, {} as never),
    blocks: definition.blocks(t),
    footer: t('mail.footer'),
  });
  const result = await mjml2html(mjml, { validationLevel: 'strict', minify: false });
  return result.html;
}

/** Compiles every template in every language once; later renders only substitute values. */
export function compiledTemplate(template: MailTemplateName, locale: Locale): Promise<string> {
  const key = `${template}:${locale}`;
  let html = compiled.get(key);
  if (!html) {
    html = compile(template, locale);
    compiled.set(key, html);
  }
  return html;
}

export async function precompileMailTemplates(): Promise<void> {
  await Promise.all(mailTemplateNames.flatMap((name) => locales.map((l) => compiledTemplate(name, l))));
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export async function renderMail(template: MailTemplateName, locale: Locale, rawParams: unknown) {
  const definition = mailTemplates[template];
  const params = definition.params.parse(rawParams) as Record<string, unknown>;
  const html = (await compiledTemplate(template, locale)).replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? escapeHtml(String(params[name])) : whole,
  );
  const subject = definition.subject(translator(locale), params as never);
  const text = html
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, '$2: $1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return { subject, html, text };
}
