import { PeopleAdmin, type PeopleSetup } from '~/components/people-admin';
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

const teamSetup: PeopleSetup<Person, (typeof companyRoles)[number]> = {
  keys: {
    caption: 'team.caption',
    name: 'team.name',
    email: 'team.email',
    role: 'team.role',
    state: 'team.status',
    actions: 'team.actions',
    you: 'team.you',
    active: 'team.active',
    inactive: 'team.deactivated',
    pending: 'team.pending',
    roleOf: 'team.roleOf',
    changeRole: 'team.changeRole',
    deactivate: 'team.deactivate',
    reactivate: 'team.reactivate',
    resend: 'team.resend',
    roles: 'companyRoles',
    roleHelp: 'companyRoleHelp',
    inviteTitle: 'team.inviteTitle',
    inviteLead: 'team.inviteLead',
    firstName: 'team.firstName',
    lastName: 'team.lastName',
    language: 'team.language',
    inviteSubmit: 'team.inviteSubmit',
  },
  role: { choices: companyRoles, of: (person) => person.companyRole, field: 'companyRole', initial: 'member' },
  invite: { intent: 'invite', headingId: 'invite-person', selectIds: 'invite' },
  tableTestId: 'company-team',
  rowTestId: 'person',
};

/**
 * A company's people, their roles and the invitation form: the manager's "My team" page and the
 * back office's company page show the same (each posts to its own action).
 */
export function CompanyTeam({ people, meId, result }: { people: Person[]; meId: number | null; result: AdminActionResult | undefined }) {
  return <PeopleAdmin setup={teamSetup} people={people} meId={meId} result={result} />;
}
