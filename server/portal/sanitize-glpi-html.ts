import sanitizeHtml from 'sanitize-html';
import { stripOutboxMarker } from '../glpi-outbox/outbox-marker';

/** Images only from https or inline raster data: an SVG can carry script, a plain http URL leaks the reader. */
const safeDataImage = /^data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'strike',
    'sub',
    'sup',
    'small',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'a',
    'img',
  ],
  // No style, class or on* attribute anywhere: nothing active and nothing that restyles the page.
  allowedAttributes: {
    // rel and target are always ours: transformTags below overwrites whatever GLPI had.
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  allowProtocolRelative: false,
  // Script, style and embedded frames disappear with their content, not just their tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
  },
  // Relative sources would load from our own origin (GLPI's paths mean nothing here): https or data only.
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !(/^https:\/\//i.test(frame.attribs.src ?? '') || safeDataImage.test(frame.attribs.src ?? '')),
};

/**
 * GLPI's ticket and follow-up HTML made safe to put in a page: scripts, event handlers,
 * javascript: links, frames and styles removed; basic formatting, links and safe images kept.
 * The outbox's technical reference is hidden too.
 */
export function sanitizeGlpiHtml(html: string | null | undefined): string {
  if (!html) return '';
  return sanitizeHtml(stripOutboxMarker(html), options).trim();
}
