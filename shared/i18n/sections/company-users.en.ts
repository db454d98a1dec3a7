import type { Texts } from '../texts';
import type { companyUsersFr } from './company-users.fr';

/** en texts of a client company's people and their roles (issue 18); same keys as company-users.fr.ts. */
export const companyUsersEn: Texts<typeof companyUsersFr> = {
  pageTitle: { companyPeople: 'People of the company', team: 'My team' },
  nav: { team: 'My team' },
  companyRoles: {
    manager: 'Manager',
    member: 'Member',
    billing: 'Billing',
  },
  companyRoleHelp: {
    manager: 'Everything: billing, documents, every ticket, dashboards, the team.',
    member: 'Their own tickets; the IT park read-only.',
    billing: 'Documents and payments only.',
  },
  team: {
    title: 'My team',
    staffTitle: 'People of the company',
    lead: 'The people of your company who can use this space, and what each of them may do.',
    caption: 'People and roles',
    name: 'Name',
    email: 'E-mail address',
    role: 'Role',
    status: 'Status',
    active: 'Active',
    deactivated: 'Deactivated',
    pending: 'Invitation pending',
    you: '(you)',
    actions: 'Actions',
    changeRole: 'Change role',
    roleOf: 'Role of {{name}}',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    resend: 'Resend the invitation',
    inviteTitle: 'Invite someone',
    inviteLead: 'They receive an e-mail, valid 7 days, to choose their password.',
    firstName: 'First name',
    lastName: 'Last name',
    language: 'Language of e-mails',
    inviteSubmit: 'Send the invitation',
    invited: 'Invitation sent to {{email}}.',
    roleChanged: 'Role changed.',
    deactivatedDone: 'Access deactivated: their sessions are closed.',
    reactivatedDone: 'Access reactivated.',
    resent: 'New invitation sent.',
    memberTickets: 'You see the tickets you requested or follow as an observer.',
  },
  mailCompany: {
    invitationSubject: 'Your access to the Y-tech client space',
    invitationBody: '{{invitedBy}} opened an access for you to the Y-tech client space of {{company}}. Choose your password to get in:',
  },
  errors: {
    companyRoleRequired: 'Your role in the company does not give access to this action.',
    companyUsers: {
      notYourself: 'You cannot invite yourself, nor change your own role or access.',
      alreadyMember: 'This person is already part of your company.',
      emailTaken: 'This address already has a Y-tech account: it cannot join your company.',
    },
  },
};
