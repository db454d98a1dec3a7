import { Mysql2Adapter } from '@lucia-auth/adapter-mysql';
import { Lucia, TimeSpan } from 'lucia';
import mysql from 'mysql2/promise';
import { config, isProduction } from '../config';
import type { CompanyRole, Role } from '../accounts/roles';
import { cachedSessionAdapter } from './cached-session-adapter';

// Lucia v3 is no longer maintained; docs/decisions/002-sessions-lucia-v3.md holds the exit path.
const pool = mysql.createPool({ uri: config.DATABASE_URL, connectionLimit: 5, timezone: 'Z' });

export const lucia = new Lucia(cachedSessionAdapter(new Mysql2Adapter(pool, { user: 'users', session: 'sessions' })), {
  sessionExpiresIn: new TimeSpan(30, 'd'),
  sessionCookie: {
    name: 'ytech_session',
    expires: false,
    // Secure whenever the site is served over HTTPS, as in production; the local demo is plain HTTP.
    attributes: { secure: isProduction && new URL(config.APP_URL).protocol === 'https:', sameSite: 'lax', path: '/' },
  },
  getUserAttributes: (row) => ({
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    companyId: row.company_id,
    companyRole: row.company_role,
    locale: row.locale,
    active: Boolean(row.active),
  }),
  getSessionAttributes: () => ({}),
});

export async function closeLuciaPool(): Promise<void> {
  await pool.end();
}

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia;
    UserId: number;
    DatabaseUserAttributes: {
      email: string;
      first_name: string;
      last_name: string;
      role: Role;
      company_id: number | null;
      company_role: CompanyRole | null;
      locale: string;
      active: number | boolean;
    };
    DatabaseSessionAttributes: { ip?: string | null; user_agent?: string | null };
  }
}
