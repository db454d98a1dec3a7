import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { resolveLocale } from '../../shared/i18n/locales';
import { PeopleAdmin, type PeopleSetup } from '~/components/people-admin';
import { formatDateTime } from '../../shared/format';
import { done, intField, type AdminActionResult } from '~/utils/admin.server';
import { formFailure, formValues, parseForm, serverApi } from '~/trpc.server';
import { adminPage } from '~/utils/page-access.server';
import { employeeRoleForm } from '~/utils/form-schemas.server';
import { titled } from '~/utils/page-title';

export const meta = titled('adminEmployees');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await adminPage(request, context);
  return data({ employees: await api.admin.employees.list(), meId: ctx.user.id, locale: ctx.locale }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  const userId = intField(values.userId);
  let result: AdminActionResult;
  try {
    switch (values.intent) {
      case 'create': {
        const created = await api.admin.employees.create({
          firstName: values.firstName ?? '',
          lastName: values.lastName ?? '',
          email: values.email ?? '',
          role: parseForm(employeeRoleForm, values).role,
          locale: resolveLocale(values.locale),
        });
        result = done('admin.employees.created', { email: created.email });
        break;
      }
      case 'role':
        await api.admin.employees.changeRole({ userId, role: values.role === 'admin' ? 'admin' : 'commercial' });
        result = done('admin.employees.roleChanged');
        break;
      case 'deactivate':
        await api.admin.employees.deactivate({ userId });
        result = done('admin.employees.deactivated');
        break;
      case 'reactivate':
        await api.admin.employees.reactivate({ userId });
        result = done('admin.employees.reactivated');
        break;
      case 'resend':
        await api.admin.employees.resendInvitation({ userId });
        result = done('admin.employees.resent');
        break;
      default:
        result = done('admin.none');
    }
  } catch (error) {
    result = formFailure(error, values);
  }
  return data(result, { headers });
}

const employeeRoles = ['commercial', 'admin'] as const;

type Employee = ReturnType<typeof useLoaderData<typeof loader>>['employees'][number];

const employeeSetup: PeopleSetup<Employee, (typeof employeeRoles)[number]> = {
  keys: {
    caption: 'admin.employees.caption',
    name: 'admin.employees.name',
    email: 'admin.employees.email',
    role: 'admin.employees.role',
    state: 'admin.employees.state',
    actions: 'admin.actions',
    you: 'admin.employees.you',
    active: 'admin.employees.active',
    inactive: 'admin.employees.inactive',
    pending: 'admin.employees.invited',
    roleOf: 'admin.employees.roleFor',
    changeRole: 'admin.employees.changeRole',
    deactivate: 'admin.employees.deactivate',
    reactivate: 'admin.employees.reactivate',
    resend: 'admin.employees.resend',
    roles: 'admin.roles',
    inviteTitle: 'admin.employees.create',
    inviteLead: 'admin.employees.createLead',
    firstName: 'admin.employees.firstName',
    lastName: 'admin.employees.lastName',
    language: 'admin.employees.locale',
    inviteSubmit: 'admin.employees.submit',
  },
  role: { choices: employeeRoles, of: (employee) => employee.role, field: 'role', initial: 'commercial' },
  invite: { intent: 'create', headingId: 'create-employee', selectIds: 'employee' },
  rowTestId: 'employee',
};

export default function Employees() {
  const { employees, meId, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('admin.employees.title')}</h1>
      <PeopleAdmin
        setup={employeeSetup}
        people={employees}
        meId={meId}
        result={result}
        extraColumn={{
          header: t('admin.employees.lastLogin'),
          cell: (employee) => (employee.lastLoginAt ? formatDateTime(employee.lastLoginAt, locale) : t('admin.employees.never')),
        }}
      />
    </>
  );
}
