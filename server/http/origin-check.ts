import type { NextFunction, Request, Response } from 'express';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF stance (docs/decisions/003-csrf-origin-check.md): SameSite=Lax cookies, and every
 * state-changing request must come from our own origin. A missing Origin falls back to Referer;
 * a request with neither is refused too, since every browser sends Origin on a POST.
 */
export function originCheck(appUrl: string) {
  const allowed = new URL(appUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method)) return next();
    const ownOrigin = `${req.protocol}://${req.get('host')}`;
    const source = req.get('origin') ?? originOf(req.get('referer'));
    if (source && (source === allowed || source === ownOrigin)) return next();
    res.status(403).type('text/plain; charset=utf-8').send('Requête refusée : origine non autorisée (403).');
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
