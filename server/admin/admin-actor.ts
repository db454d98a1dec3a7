/** Who performs an administrative action: recorded in the audit log with their IP. */
export type AdminActor = { userId: number; ip: string | null };

/** Pages of results: 1-based page number, fixed page sizes chosen by each list. */
export function pageWindow(page: number, pageSize: number) {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}
