import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { localeNames, locales } from '../../shared/i18n/locales';
import { AdminNotice } from '~/components/admin/admin-notice';
import { FormField } from '~/components/form-field';
import type { AdminActionResult } from '~/utils/admin.server';

const companyRoles = ['manager', 'member', 'billing'] as const;

type Person = {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  companyRole: (typeof companyRoles)[number];
  active: boolean;
  invitationPending: boolean;
};

function RoleSelect({ id, name = 'companyRole', defaultValue }: { id: string; name?: string; defaultValue: string }) {
  const { t } = useTranslation();
  return (
    <select id={id} name={name} defaultValue={defaultValue}>
      {companyRoles.map((role) => (
        <option key={role} value={role}>
          {t(`companyRoles.${role}`)}
        </option>
      ))}
    </select>
  );
}

/**
 * A company's people, their roles and the invitation form: the manager's "My team" page and the
 * back office's company page show the same (each posts to its own action).
 */
export function CompanyTeam({ people, meId, result }: { people: Person[]; meId: number | null; result: AdminActionResult | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === 'submitting';
  const failed = result && !result.ok && result.values.intent === 'invite' ? result : undefined;
  return (
    <>
      <AdminNotice result={result} />
      <table className="table" data-testid="company-team">
        <caption>{t('team.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.name')}</th>
            <th scope="col">{t('team.email')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col">{t('team.status')}</th>
            <th scope="col">{t('team.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const name = `${person.firstName} ${person.lastName}`;
            const self = person.id === meId;
            return (
              <tr key={person.id} data-testid={`person-${person.email}`}>
                <th scope="row">
                  {name} {self ? <span className="muted">{t('team.you')}</span> : null}
                </th>
                <td>{person.email}</td>
                <td>{t(`companyRoles.${person.companyRole}`)}</td>
                <td>
                  {person.active ? t('team.active') : t('team.deactivated')}
                  {person.active && person.invitationPending ? <span className="muted"> — {t('team.pending')}</span> : null}
                </td>
                <td>
                  {self ? null : (
                    <div className="admin-actions">
                      <Form method="post" className="admin-inline-form">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={person.id} />
                        <label className="admin-visually-hidden" htmlFor={`role-${person.id}`}>
                          {t('team.roleOf', { name })}
                        </label>
                        <RoleSelect id={`role-${person.id}`} defaultValue={person.companyRole} />
                        <button type="submit" className="button button--ghost" disabled={busy}>
                          {t('team.changeRole')}
                        </button>
                      </Form>
                      <Form method="post" className="admin-inline-form">
                        <input type="hidden" name="intent" value={person.active ? 'deactivate' : 'reactivate'} />
                        <input type="hidden" name="userId" value={person.id} />
                        <button
                          type="submit"
                          className="button button--ghost"
                          disabled={busy}
                          aria-label={`${person.active ? t('team.deactivate') : t('team.reactivate')} — ${name}`}
                        >
                          {person.active ? t('team.deactivate') : t('team.reactivate')}
                        </button>
                      </Form>
                      {person.active && person.invitationPending ? (
                        <Form method="post" className="admin-inline-form">
                          <input type="hidden" name="intent" value="resend" />
                          <input type="hidden" name="userId" value={person.id} />
                          <button type="submit" className="button button--ghost" disabled={busy}>
                            {t('team.resend')}
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

      <section className="card" aria-labelledby="invite-person">
        <h2 id="invite-person">{t('team.inviteTitle')}</h2>
        <p className="muted">{t('team.inviteLead')}</p>
        <Form method="post" noValidate className="form">
          <input type="hidden" name="intent" value="invite" />
          <div className="form-row">
            <FormField
              name="firstName"
              label={t('team.firstName')}
              required
              defaultValue={failed?.values.firstName}
              error={failed?.fieldErrors.firstName}
            />
            <FormField
              name="lastName"
              label={t('team.lastName')}
              required
              defaultValue={failed?.values.lastName}
              error={failed?.fieldErrors.lastName}
            />
          </div>
          <FormField
            name="email"
            type="email"
            label={t('team.email')}
            required
            defaultValue={failed?.values.email}
            error={failed?.fieldErrors.email}
          />
          <div className="form-row">
            <div className="field">
              <label htmlFor="invite-role">{t('team.role')}</label>
              <RoleSelect id="invite-role" defaultValue={failed?.values.companyRole ?? 'member'} />
              <ul className="muted">
                {companyRoles.map((role) => (
                  <li key={role}>
                    {t(`companyRoles.${role}`)} : {t(`companyRoleHelp.${role}`)}
                  </li>
                ))}
              </ul>
            </div>
            <div className="field">
              <label htmlFor="invite-locale">{t('team.language')}</label>
              <select id="invite-locale" name="locale" defaultValue={failed?.values.locale ?? 'fr'}>
                {locales.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {localeNames[l]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('team.inviteSubmit')}
          </button>
        </Form>
      </section>
    </>
  );
}
