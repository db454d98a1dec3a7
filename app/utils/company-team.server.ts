import { resolveLocale } from '../../shared/i18n/locales';
import { formFailure, type serverApi } from '~/trpc.server';
import { done, intField, type AdminActionResult } from '~/utils/admin.server';

type Api = Awaited<ReturnType<typeof serverApi>>['api'];
type CompanyRole = 'manager' | 'member' | 'billing';

/** A company role from a form; anything else is passed on as typed and refused by the procedure's schema. */
const roleField = (value: string | undefined) => (value ?? '') as CompanyRole;

/**
 * The team form's action, for the manager's page (the procedures scope to their company) and the
 * back office's company page (`companyId` named): one form, two sets of procedures.
 */
export async function companyTeamAction(api: Api, values: Record<string, string>, companyId: number | null): Promise<AdminActionResult> {
  const userId = intField(values.userId);
  const users = companyId === null ? api.company.users : null;
  const staff = companyId === null ? null : api.backoffice.companies.users;
  try {
    switch (values.intent) {
      case 'invite': {
        const person = {
          firstName: values.firstName ?? '',
          lastName: values.lastName ?? '',
          email: values.email ?? '',
          companyRole: roleField(values.companyRole),
          locale: resolveLocale(values.locale),
        };
        const created = users ? await users.invite(person) : await staff!.invite({ ...person, companyId: companyId! });
        return done('team.invited', { email: created.email });
      }
      case 'role':
        await (users
          ? users.changeRole({ userId, companyRole: roleField(values.companyRole) })
          : staff!.changeRole({ userId, companyRole: roleField(values.companyRole), companyId: companyId! }));
        return done('team.roleChanged');
      case 'deactivate':
        await (users ? users.deactivate({ userId }) : staff!.deactivate({ userId, companyId: companyId! }));
        return done('team.deactivatedDone');
      case 'reactivate':
        await (users ? users.reactivate({ userId }) : staff!.reactivate({ userId, companyId: companyId! }));
        return done('team.reactivatedDone');
      case 'resend':
        await (users ? users.resendInvitation({ userId }) : staff!.resendInvitation({ userId, companyId: companyId! }));
        return done('team.resent');
      default:
        return done('admin.none');
    }
  } catch (error) {
    return formFailure(error, values);
  }
}
