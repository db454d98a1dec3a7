/** Server-only helpers of the billing pages and download routes. */

/** A number typed in a French or English form: "1 234,50", "1234.5"; NaN when it is not one (zod then says so). */
export function parseTypedNumber(value: string | undefined): number {
  const cleaned = (value ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

/**
 * A file response: an ASCII file name (quotes, slashes and control characters replaced) plus the
 * UTF-8 one for browsers that read it; never cached by a shared cache (nosniff comes from helmet).
 */
export function fileResponse(file: { fileName: string; contentType: string; bytes: Uint8Array }, disposition: 'inline' | 'attachment') {
  const ascii =
    file.fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\/;]/g, '_')
      .trim() || 'document';
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
