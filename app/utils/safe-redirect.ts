/** Only same-site paths: "//evil.example" and absolute URLs fall back to the default. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}

export function homeFor(role: string): string {
  return role === 'client' ? '/portal' : '/backoffice';
}
