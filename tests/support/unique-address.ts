let addresses = 0;

/**
 * A client address no other test of the run holds, so that per-address rate limits (counted in the
 * worker slot's Redis prefix, shared by the files that run in that slot one after another) never
 * add up across tests: the process id and a counter, in the first 64 bits of a unique-local IPv6
 * address because the log-in limits count a whole /64 as one client (login-rate-limit.ts).
 */
export function uniqueAddress(): string {
  addresses += 1;
  const pid = process.pid;
  return `fd00:${(pid >>> 16).toString(16)}:${(pid & 0xffff).toString(16)}:${(addresses & 0xffff).toString(16)}::1`;
}
