/** Splits a mysql:// URL into the server URL and the database name (for CREATE DATABASE). */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Invalid database name in DATABASE_URL: "${database}"`);
  parsed.pathname = '/';
  return { serverUrl: parsed.toString(), database };
}
