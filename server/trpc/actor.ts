import type { RequestMeta } from '../request-context';

/** Who does an action, as domain modules record it in the audit log: the signed-in user and their address. */
export const actor = (ctx: { user: { id: number }; meta: Pick<RequestMeta, 'ip'> }) => ({ userId: ctx.user.id, ip: ctx.meta.ip });
