import type { ReactNode } from 'react';
import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { localeNames, locales } from '../../shared/i18n/locales';
import { AdminNotice } from '~/components/admin/admin-notice';
import { FormField } from '~/components/form-field';
import type { AdminActionResult } from '~/utils/admin.server';

type PersonRow = { id: number; email: string; firstName: string; lastName: string; active: boolean; invitationPending: boolean };

/** The i18n keys of one people page; `roles` and `roleHelp` are prefixes completed by the role. */
export type PeopleKeys = {
  caption: string;
  name: string;
  email: string;
  role: string;
  state: string;
  actions: string;
  you: string;
  active: string;
  inactive: string;
  pending: string;
  roleOf: string;
  changeRole: string;
  deactivate: string;
  reactivate: string;
  resend: string;
  roles: string;
  roleHelp?: string;
  inviteTitle: string;
  inviteLead: string;
  firstName: string;
  lastName: string;
  language: string;
  inviteSubmit: string;
};

/** What differs from one people page to another: texts, roles, the invitation form's intent and ids. */
export type PeopleSetup<P extends PersonRow, R extends string> = {
  keys: PeopleKeys;
  /** The roles offered, the one a person has, the form field that carries one, the invitation's default. */
  role: { choices: readonly R[]; of: (person: P) => R; field: string; initial: R };
  /** The invitation form's intent and the ids of its heading and selects (`<selectIds>-role`, `<selectIds>-locale`). */
  invite: { intent: string; headingId: string; selectIds: string };
  tableTestId?: string;
  rowTestId: string;
};

type Props<P extends PersonRow, R extends string> = {
  setup: PeopleSetup<P, R>;
  people: P[];
  meId: number | null;
  result: AdminActionResult | undefined;
  /** A column shown before the actions (the staff's last log-in). */
  extraColumn?: { header: string; cell: (person: P) => ReactNode };
};

/**
 * People, their roles and state, with the forms that change them and invite one more: a company's
 * team (its manager in the portal, staff on the company's page) and the staff's own employees show
 * the same, each with its texts and roles, each posting to its page's action.
 */
export function PeopleAdmin<P extends PersonRow, R extends string>({ setup, people, meId, result, extraColumn }: Props<P, R>) {
  const { keys, invite } = setup;
  const { choices: roles, of: roleOf, field: roleField, initial: defaultRole } = setup.role;
  const { t } = useTranslation();
  const busy = useNavigation().state === 'submitting';
  const failed = result && !result.ok && result.values.intent === invite.intent ? result : undefined;
  const roleSelect = (id: string, defaultValue: string) => (
    <select id={id} name={roleField} defaultValue={defaultValue}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`${keys.roles}.${role}`)}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <AdminNotice result={result} />
      <table className="table" data-testid={setup.tableTestId}>
        <caption>{t(keys.caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(keys.name)}</th>
            <th scope="col">{t(keys.email)}</th>
            <th scope="col">{t(keys.role)}</th>
            <th scope="col">{t(keys.state)}</th>
            {extraColumn ? <th scope="col">{extraColumn.header}</th> : null}
            <th scope="col">{t(keys.actions)}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const name = `${person.firstName} ${person.lastName}`;
            const self = person.id === meId;
            const role = roleOf(person);
            return (
              <tr key={person.id} data-testid={`${setup.rowTestId}-${person.email}`}>
                <th scope="row">
                  {name} {self ? <span className="muted">{t(keys.you)}</span> : null}
                </th>
                <td>{person.email}</td>
                <td>{t(`${keys.roles}.${role}`)}</td>
                <td>
                  {person.active ? t(keys.active) : t(keys.inactive)}
                  {person.active && person.invitationPending ? <span className="muted"> — {t(keys.pending)}</span> : null}
                </td>
                {extraColumn ? <td>{extraColumn.cell(person)}</td> : null}
                <td>
                  {self ? null : (
                    <div className="admin-actions">
                      <Form method="post" className="admin-inline-form">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={person.id} />
                        <label className="admin-visually-hidden" htmlFor={`role-${person.id}`}>
                          {t(keys.roleOf, { name })}
                        </label>
                        {roleSelect(`role-${person.id}`, role)}
                        <button type="submit" className="button button--ghost" disabled={busy}>
                          {t(keys.changeRole)}
                        </button>
                      </Form>
                      <Form method="post" className="admin-inline-form">
                        <input type="hidden" name="intent" value={person.active ? 'deactivate' : 'reactivate'} />
                        <input type="hidden" name="userId" value={person.id} />
                        <button
                          type="submit"
                          className="button button--ghost"
                          disabled={busy}
                          aria-label={`${person.active ? t(keys.deactivate) : t(keys.reactivate)} — ${name}`}
                        >
                          {person.active ? t(keys.deactivate) : t(keys.reactivate)}
                        </button>
                      </Form>
                      {person.active && person.invitationPending ? (
                        <Form method="post" className="admin-inline-form">
                          <input type="hidden" name="intent" value="resend" />
                          <input type="hidden" name="userId" value={person.id} />
                          <button type="submit" className="button button--ghost" disabled={busy}>
                            {t(keys.resend)}
                          </button>
                        </Form>
                      ) : null}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <section className="card" aria-labelledby={invite.headingId}>
        <h2 id={invite.headingId}>{t(keys.inviteTitle)}</h2>
        <p className="muted">{t(keys.inviteLead)}</p>
        <Form method="post" noValidate className="form">
          <input type="hidden" name="intent" value={invite.intent} />
          <div className="form-row">
            <FormField
              name="firstName"
              label={t(keys.firstName)}
              required
              defaultValue={failed?.values.firstName}
              error={failed?.fieldErrors.firstName}
            />
            <FormField
              name="lastName"
              label={t(keys.lastName)}
              required
              defaultValue={failed?.values.lastName}
              error={failed?.fieldErrors.lastName}
            />
          </div>
          <FormField
            name="email"
            type="email"
            label={t(keys.email)}
            required
            defaultValue={failed?.values.email}
            error={failed?.fieldErrors.email}
          />
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${invite.selectIds}-role`}>{t(keys.role)}</label>
              {roleSelect(`${invite.selectIds}-role`, failed?.values[roleField] ?? defaultRole)}
              {keys.roleHelp ? (
                <ul className="muted">
                  {roles.map((role) => (
                    <li key={role}>
                      {t(`${keys.roles}.${role}`)} : {t(`${keys.roleHelp}.${role}`)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`${invite.selectIds}-locale`}>{t(keys.language)}</label>
              <select id={`${invite.selectIds}-locale`} name="locale" defaultValue={failed?.values.locale ?? 'fr'}>
                {locales.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {localeNames[l]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t(keys.inviteSubmit)}
          </button>
        </Form>
      </section>
    </>
  );
}
