import '@remix-run/node';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
  /** What the Express server hands every loader and action (server/http/create-app.ts). */
  interface AppLoadContext {
    clientAddress: string | null;
    /** This response's Content-Security-Policy nonce (entry.server.tsx writes it into the page's scripts). */
    cspNonce: string;
  }
}
