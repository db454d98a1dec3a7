import { billingRoles, type CompanyRole, type Role } from '../accounts/roles';
import { notFound } from '../errors';

export type Viewer = { role: Role; companyId: number | null; companyRole: CompanyRole | null };

/**
 * The company filter of a read that both sides may make: none for staff, the client's own
 * company otherwise. A client without a company, or whose company role does not see documents
 * (a member), sees nothing (NOT_FOUND, as for any other record).
 */
export function companyScope(viewer: Viewer): number | null {
  if (viewer.role === 'commercial' || viewer.role === 'admin') return null;
  if (viewer.companyId === null || viewer.companyRole === null || !billingRoles.includes(viewer.companyRole)) throw notFound();
  return viewer.companyId;
}

/** The Viewer of a logged-in caller. */
export const viewerOf = (ctx: { user: Viewer }): Viewer => ({
  role: ctx.user.role,
  companyId: ctx.user.companyId,
  companyRole: ctx.user.companyRole,
});
