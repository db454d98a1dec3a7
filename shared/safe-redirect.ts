const ownOrigin = 'http://same-site.invalid';

/**
 * Where to send the browser after log-in, registration or a language switch: a path of this site,
 * else `fallback`. Judged as a browser would read the Location header (WHATWG URL parsing, like
 * Django's url_has_allowed_host_and_scheme): browsers drop tabs and newlines inside a URL and read
 * "\" as "/", so "/\t/evil.example" is "//evil.example", another site. Any control character or
 * backslash is refused outright rather than guessed at; so are values no header can carry.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || to.length > 2000 || !to.startsWith('/') || /[\p{Cc}\\]/u.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, ownOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== ownOrigin) return fallback;
  // The parsed form, percent-encoded: what the browser will request, and always a valid header value.
  return `${url.pathname}${url.search}${url.hash}`;
}

export function homeFor(role: string): string {
  return role === 'client' ? '/portal' : '/backoffice';
}
