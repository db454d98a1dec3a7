import { z } from 'zod';
import {
  changePasswordInput,
  confirmRegistrationInput,
  loginInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
} from '../../accounts/account-schemas';
import { changePassword } from '../../accounts/change-password';
import { logIn } from '../../accounts/log-in';
import { requestPasswordReset, resetPassword } from '../../accounts/password-reset';
import { confirmRegistration, requestRegistration } from '../../accounts/register';
import { blankSessionCookie } from '../../accounts/sessions';
import { lucia } from '../../auth/lucia';
import { authedProcedure, publicProcedure, router } from '../init';

const me = z.object({ id: z.number(), role: z.string() });

export const authRouter = router({
  /**
   * Asks for a client account: a link to confirm the address is mailed (or, if the address has an
   * account, a note saying so). The answer is the same either way and opens no session.
   */
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    await requestRegistration(input, ctx.locale, ctx.meta.ip);
    return { ok: true as const };
  }),

  /** The confirmation link was followed: the account is created and logged in. */
  confirmRegistration: publicProcedure.input(confirmRegistrationInput).mutation(async ({ ctx, input }) => {
    const { user, cookies, nextPath } = await confirmRegistration(input.token, ctx.meta);
    if (ctx.session) await lucia.invalidateSession(ctx.session.id);
    for (const cookie of cookies) ctx.resHeaders.append('Set-Cookie', cookie);
    return { ...me.parse({ id: user.id, role: user.role }), nextPath };
  }),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { user, cookies } = await logIn(input, ctx.meta, ctx.session?.id);
    for (const cookie of cookies) ctx.resHeaders.append('Set-Cookie', cookie);
    return me.parse({ id: user.id, role: user.role });
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await lucia.invalidateSession(ctx.session.id);
    ctx.resHeaders.append('Set-Cookie', blankSessionCookie());
    return { ok: true as const };
  }),

  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(input.email, ctx.meta.ip, ctx.locale);
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    ctx.resHeaders.append('Set-Cookie', await resetPassword(input.token, input.password, ctx.meta.ip, ctx.meta.deviceId));
    return { ok: true as const };
  }),

  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.user.id, ctx.session.id, input, ctx.meta.ip);
    return { ok: true as const };
  }),

  /** Who is asking: null for a visitor. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.user
      ? {
          id: ctx.user.id,
          email: ctx.user.email,
          firstName: ctx.user.firstName,
          lastName: ctx.user.lastName,
          role: ctx.user.role,
          companyId: ctx.user.companyId,
          companyRole: ctx.user.companyRole,
        }
      : null,
  ),
});
