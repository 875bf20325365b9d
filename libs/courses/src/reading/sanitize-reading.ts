import sanitizeHtml from 'sanitize-html';

/** The longest reading body accepted, in characters of HTML as sent. */
export const MAX_READING_BODY_LENGTH = 100_000;

/**
 * What a reading lesson may contain: text structure, links, images and simple tables. No script,
 * style, form, frame or embed; no `on*` handler, `style` or `class` attribute; links only to
 * http(s) and mailto, images only from http(s). sanitize-html decodes entities and ignores
 * whitespace and control characters before it checks a URL's scheme, so an obfuscated
 * `jav&#x09;ascript:` is caught like the plain one.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'figure',
    'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Removed with their content: text inside them is code or styling, never reading.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links leave the platform without handing it over (reverse tabnabbing, referrer).
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

/** A reading body safe to render as HTML: see {@link OPTIONS} for what survives. */
export function sanitizeReading(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** True when the sanitized body shows nothing a learner could read. */
export function isBlankReading(html: string | null): boolean {
  if (html === null) return true;
  const text = sanitizeHtml(html, { allowedTags: ['img'], allowedAttributes: { img: ['src'] } });
  return text.replace(/&nbsp;|\s/g, '').length === 0;
}
