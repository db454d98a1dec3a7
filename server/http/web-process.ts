/**
 * One production web process, started by the cluster's primary (main.ts) as a plain Node process
 * (Node strips this file's types itself): it imports nothing but the build, whose entry module
 * carries the server (app/entry.server.tsx re-exports startWebServer).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';

type WebBuild = ServerBuild & { entry: { module: { startWebServer: (build: ServerBuild) => Promise<void> } } };

const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as WebBuild;
await build.entry.module.startWebServer(build);
