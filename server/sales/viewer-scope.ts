import type { Role } from '../accounts/roles';
import { notFound } from '../errors';

export type Viewer = { role: Role; companyId: number | null };

/**
 * The company filter of a read that both sides may make: none for staff, the client's own
 * company otherwise. A client without a company sees nothing (NOT_FOUND, as for any other record).
 */
export function companyScope(viewer: Viewer): number | null {
  if (viewer.role === 'commercial' || viewer.role === 'admin') return null;
  if (viewer.companyId === null) throw notFound();
  return viewer.companyId;
}
