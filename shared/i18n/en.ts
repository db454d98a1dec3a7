import { mergeSections, type fr } from './fr';
import type { Texts } from './texts';
import { adminEn } from './sections/admin.en';
import { billingEn } from './sections/billing.en';
import { glpiEn } from './sections/glpi.en';
import { syncEn } from './sections/sync.en';
import { replicasEn } from './sections/replicas.en';
import { glpiAccountEn } from './sections/glpi-account.en';
import { companyUsersEn } from './sections/company-users.en';
import { salesEn } from './sections/sales.en';
import { portalEn } from './sections/portal.en';
import { backofficeEn } from './sections/backoffice.en';
import { securityEn } from './sections/security.en';
import { siteEn } from './sections/site.en';
import { ticketsMoreEn } from './sections/tickets-more.en';
import { ticketFilesEn } from './sections/ticket-files.en';
import { satisfactionEn } from './sections/satisfaction.en';
import { subscriptionChangesEn } from './sections/subscription-changes.en';
import { reportsEn } from './sections/reports.en';


const core = {
  brand: 'Y-tech',
  tagline: 'Managed IT services for Algerian businesses',
  nav: {
    home: 'Home',
    services: 'Services & pricing',
    faq: 'FAQ',
    contact: 'Contact',
    login: 'Log in',
    register: 'Create an account',
    logout: 'Log out',
    account: 'My profile',
    portal: 'My area',
    backoffice: 'Back-office',
    mainMenu: 'Main menu',
    language: 'Language',
    switchTo: 'Français',
    skipToContent: 'Skip to content',
  },
  home: {
    title: 'Your IT in good hands',
    lead: 'Support, IT asset management and the full pack: Y-tech takes care of your company’s IT, with transparent follow-up of every ticket and every device.',
    cta: 'Request a quote',
    ctaServices: 'See our services',
    point1Title: 'Responsive support',
    point1: 'Your requests handled by our technicians, followed live from your client area.',
    point2Title: 'A park under control',
    point2: 'Computers, printers, licences: an up-to-date inventory and warranty alerts.',
    point3Title: 'Clear prices',
    point3: 'Monthly tiers in dinars, no surprises, payable by purchase order, transfer, cheque or cash.',
  },
  services: {
    title: 'Services & pricing',
    perMonth: '{{price}} / month',
    range: 'From {{min}} to {{max}}',
    included: 'Included',
    tiers: 'Monthly tiers',
    tierColumn: 'Tier',
    priceColumn: 'Monthly price excl. tax',
    pricedBy_tickets_per_month: 'Priced by tickets per month',
    pricedBy_pcs: 'Priced by number of PCs',
    pricedBy_max: 'Priced by the larger of PCs and tickets per month',
    aboveTop: 'Above the top tier, the price is set with your sales representative.',
    paymentMethods: 'Payment methods',
  },
  auth: {
    loginTitle: 'Log in',
    registerTitle: 'Create an account',
    email: 'E-mail address',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    firstName: 'First name',
    lastName: 'Last name',
    phone: 'Phone',
    phoneHint: 'Format 0XXXXXXXXX or +213XXXXXXXXX.',
    submitLogin: 'Log in',
    submitRegister: 'Create my account',
    noAccount: 'No account yet? Create one.',
    haveAccount: 'Already have an account? Log in.',
    forgot: 'Forgot your password?',
    forgotTitle: 'Forgotten password',
    forgotLead: 'Enter your e-mail address: we send you a link valid for one hour.',
    forgotSubmit: 'Send the link',
    forgotSent: 'If an account exists for this address, an e-mail has just been sent. The link is valid for one hour.',
    resetTitle: 'New password',
    resetSubmit: 'Save the password',
    resetDone: 'Your password has been changed. You can log in.',
    loggedOut: 'You are logged out.',
  },
  account: {
    title: 'My profile',
    identity: 'Your details',
    company: 'Your company',
    save: 'Save',
    saved: 'Changes saved.',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    passwordChanged: 'Password changed. Your other sessions have been closed.',
    companyName: 'Company name',
    sector: 'Sector',
    employeeRange: 'Number of employees',
    address: 'Address',
    rc: 'Trade register (RC)',
    nif: 'Tax identification number (NIF)',
    nis: 'Statistical identification number (NIS)',
    ai: 'Tax article (AI)',
    noCompany: 'Your company will be registered with your first quote request.',
    choose: '— Choose —',
  },
  portal: {
    title: 'My area',
    welcome: 'Hello {{name}}',
    noSubscription: 'You have no active subscription yet.',
    nextStep: 'Request a quote: a sales representative calls you back and sends you an offer.',
    activeSubscription: 'Your subscription is active.',
    notifications: 'Notifications',
    noNotifications: 'No notifications yet.',
  },
  backoffice: {
    title: 'Back-office',
    welcome: 'Hello {{name}}, here is your workspace.',
  },
  faq: { title: 'Frequently asked questions', search: 'Search the FAQ', empty: 'No question matches your search.' },
  pager: { label: 'Pagination', previous: 'Previous page', next: 'Next page', page: 'Page {{page}} of {{count}}' },
  form: { required: 'required', errorSummary: 'The form has errors:' },
  validation: {
    required: 'This field is required.',
    email: 'Invalid e-mail address.',
    passwordTooShort: 'The password must have at least 10 characters.',
    passwordTooLong: 'The password is too long (128 characters at most).',
    phone: 'Invalid Algerian phone number (0XXXXXXXXX or +213XXXXXXXXX).',
    tooLong: 'This text is too long.',
    nif: 'The NIF has 15 or 20 digits.',
    nis: 'The NIS has 15 digits.',
    ai: 'The tax article has 11 digits.',
    rc: 'Invalid trade register number.',
    choice: 'Choose a value from the list.',
  },
  errors: {
    internal: 'An unexpected error occurred. Please try again in a moment.',
    unauthenticated: 'Log in to continue.',
    forbidden: 'You do not have access to this page.',
    notFound: 'Not found.',
    subscriptionRequired: 'This page is for clients with an active subscription.',
    invalidCredentials: 'Incorrect e-mail address or password.',
    tooManyAttempts: 'Too many log-in attempts. Try again in {{minutes}} minute(s).',
    tooManyRequests: 'Too many requests. Try again in {{minutes}} minute(s).',
    emailTaken: 'An account already exists with this e-mail address.',
    resetInvalid: 'This reset link is invalid, already used or expired. Ask for a new one.',
    wrongCurrentPassword: 'The current password is incorrect.',
    foreignOrigin: 'Request refused: origin not allowed.',
    pageNotFound: 'Page not found',
    pageNotFoundLead: 'The page you asked for does not exist or has moved.',
    serverError: 'Server error',
    serverErrorLead: 'Something went wrong on our side. Please try again in a moment.',
    unavailable: 'Service temporarily unavailable',
    illegalTransition: {
      quote: 'This action is not possible: the quote request is "{{from}}".',
      proforma: 'This action is not possible: the pro-forma is "{{from}}".',
      purchaseOrder: 'This purchase order has already been reviewed ("{{from}}").',
      invoice: 'This action is not possible: the invoice is "{{from}}".',
      subscription: 'This action is not possible: the subscription is "{{from}}".',
    },
    backHome: 'Back to home',
  },
  mail: {
    greeting: 'Hello {{name}},',
    signature: 'The Y-tech team',
    welcomeSubject: 'Welcome to Y-tech',
    welcomeBody: 'Your Y-tech account is ready. You can now request a quote and follow your documents from your client area.',
    welcomeCta: 'Go to my area',
    resetSubject: 'Resetting your password',
    resetBody: 'You asked to change your password. This link is valid for one hour and works once:',
    resetCta: 'Choose a new password',
    resetIgnore: 'If you did not ask for this, ignore this message: your password stays unchanged.',
    footer: 'Y-tech — Managed IT services — Algiers',
  },
  notifications: { welcome: 'Welcome to Y-tech, {{name}}! Request a quote to get started.' },
  footer: { siteMenu: 'The site', rights: 'All rights reserved.', address: 'Algiers, Algeria' },
};

export const en: Texts<typeof fr> = mergeSections(core, salesEn, billingEn, adminEn, glpiEn, syncEn, portalEn, backofficeEn, securityEn, replicasEn, glpiAccountEn, ticketsMoreEn, ticketFilesEn, satisfactionEn, siteEn, companyUsersEn, subscriptionChangesEn, reportsEn);
