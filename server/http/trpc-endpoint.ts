import { TRPCError } from '@trpc/server';
import { resolveResponse } from '@trpc/server/http';
import type { NextFunction, Request, Response } from 'express';
import getRawBody, { type RawBodyError } from 'raw-body';
import { logger } from '../logger';
import { createContext } from '../trpc/context';
import { appRouter } from '../trpc/root-router';

/** Procedure inputs are small JSON documents; files go through the pages' multipart actions. */
export const maxBodyBytes = 1024 * 1024;

/** The request body as text; null when it passes maxBodyBytes (raw-body stops reading it). */
async function readBody(req: Request): Promise<string | null> {
  try {
    return await getRawBody(req, { limit: maxBodyBytes, length: req.headers['content-length'], encoding: true });
  } catch (error) {
    if ((error as RawBodyError).type === 'entity.too.large') return null;
    throw error;
  }
}

/**
 * /api/trpc, for the browser's interactive widgets and any HTTP client: tRPC's own resolveResponse
 * behind a plain Express handler, mounted ahead of Remix. tRPC's Express adapter is not used: it
 * gives every request an abort signal and pipes every answer through web streams, and under load
 * those tie each request's objects to weak references that only a full garbage collection frees,
 * so the young generation's collections grew long (docs/decisions/013-web-request-costs.md). Our
 * procedures are short and never watch an abort signal; answers are small JSON documents.
 */
export async function trpcEndpoint(req: Request, res: Response, next: NextFunction): Promise<void> {
  try {
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const body = hasBody ? await readBody(req) : undefined;
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    const request = new globalThis.Request(url, {
      method: req.method,
      headers,
      body: body ?? undefined,
    });
    const response = await resolveResponse({
      router: appRouter,
      req: request,
      path: req.path.slice(req.path.lastIndexOf('/') + 1),
      error: body === null ? new TRPCError({ code: 'PAYLOAD_TOO_LARGE' }) : null,
      createContext: () => createContext(request, { append: (name, value) => res.appendHeader(name, value) }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'procedure failed');
      },
    });
    res.status(response.status);
    for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
    for (const cookie of response.headers.getSetCookie()) res.appendHeader('Set-Cookie', cookie);
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    next(error);
  }
}
