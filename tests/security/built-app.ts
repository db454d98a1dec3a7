import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { lucia } from '../../server/auth/lucia';
import { createApp, type AppOptions } from '../../server/http/create-app';
import type { User } from '../../server/db/models';

/**
 * The real web server (express, origin check, the production Remix build with tRPC) on an
 * ephemeral port, and requests made as a given person (a session cookie of theirs).
 */
export async function startBuiltApp(options: AppOptions = {}) {
  const buildFile = path.resolve('build/index.js');
  if (!existsSync(buildFile)) execFileSync('npx', ['remix', 'build'], { stdio: 'ignore' });
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const server: Server = createApp(build, options).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** A cookie header for a new session of this user. */
  const cookieFor = async (user: User) => `ytech_session=${(await lucia.createSession(user.id, {})).id}`;

  /** A request as this person (null: a visitor); state-changing ones come from our own origin unless told otherwise. */
  async function request(pathname: string, as: User | null, init: RequestInit & { origin?: string | null } = {}) {
    const headers = new Headers(init.headers);
    if (as) headers.set('cookie', await cookieFor(as));
    if (init.method && init.method !== 'GET' && init.origin !== null) headers.set('origin', init.origin ?? base);
    return fetch(`${base}${pathname}`, { ...init, headers, redirect: 'manual' });
  }

  return {
    base,
    request,
    cookieFor,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export type BuiltApp = Awaited<ReturnType<typeof startBuiltApp>>;
