import type { Request } from 'express';
import ipaddr from 'ipaddr.js';

/**
 * The client's address as Express derives it: the socket's peer, or, when that peer is a proxy
 * TRUST_PROXY declares, the last X-Forwarded-For hop it did not add itself. Entries a client
 * writes into X-Forwarded-For are never believed beyond that (docs/decisions/021-client-address-and-trust-proxy.md).
 * An IPv4 client reaching a dual-stack socket appears as ::ffff:a.b.c.d; it is stored as a.b.c.d.
 */
export function clientAddress(req: Request): string | null {
  const address = req.ip ?? req.socket.remoteAddress;
  if (!address || !ipaddr.isValid(address)) return null;
  return ipaddr.process(address).toString();
}
