import type { Texts } from '../texts';
import type { subscriptionChangesFr } from './subscription-changes.fr';

/** English texts of subscription changes, merged into shared/i18n/en.ts. */
export const subscriptionChangesEn: Texts<typeof subscriptionChangesFr> = {
  subscriptionChanges: {
    title: 'Change the subscription',
    contract: 'Contract',
    status: {
      active: 'Running',
      cancelled_at_term: 'Stops at term',
      replaced: 'Replaced (tier change)',
      cancelled: 'Cancelled by credit note',
    },
    autoRenewColumn: 'Auto-renewal',
    yes: 'Yes',
    no: 'No',
    changeTitle: 'Change tier',
    tier: 'New tier',
    chooseTier: 'Choose a tier',
    tierOption: 'Up to {{max}} — {{price}} excl. VAT / month',
    currentTier: 'Current tier: up to {{max}} ({{price}} excl. VAT / month).',
    effectiveOn: 'From',
    effectiveOnHint: 'Between today and the day before the period ends ({{end}}).',
    changeExplain:
      'A higher tier is billed on a pro-forma prorated to the days left, accepted and paid like any pro-forma; it applies once its invoice is activated. A lower tier applies from the chosen date, with no refund of the period already paid.',
    changeSubmit: 'Change tier',
    proformaIssued: 'Pro-forma {{number}} issued for the tier change ({{amount}} excl. VAT).',
    changeApplied: 'The new tier applies from the chosen date.',
    changeScheduled: 'New tier (up to {{tier}}) from {{date}}.',
    changePending: 'Tier change waiting: pro-forma {{number}}.',
    renewTitle: 'Renewal',
    autoRenewLabel: 'Renew automatically: a renewal pro-forma is issued 30 days before the end',
    autoRenewSave: 'Save',
    autoRenewSaved: 'The renewal choice is saved.',
    cancelTitle: 'Stop at term',
    cancelExplain: 'The service continues until {{end}}, then stops; no renewal will be offered.',
    cancelConfirm: 'I confirm the subscription stops at its term',
    cancelSubmit: 'Stop at term',
    cancelSaved: 'The request to stop at term is recorded.',
    cancelledAtTerm: 'Stop requested: the subscription will end on {{end}}, with no renewal.',
    balanceTitle: 'Account balance',
  },
  documentLines: { quantity: 'Quantity', unitPrice: 'Unit price excl. VAT', discount: 'Discount', noDiscount: 'No discount' },
  notifications: {
    subscriptionTierChanged: 'Your {{service}} subscription moves to the tier up to {{tier}} from {{start}} to {{end}}.',
    subscriptionTierChangedStaff: '{{service}} subscription: tier up to {{tier}} from {{start}}.',
    subscriptionCancelledAtTerm: 'Your {{service}} subscription will stop at its term, on {{end}}.',
    subscriptionCancelRequested: 'A client asks to stop their {{service}} subscription at its term on {{end}}.',
    renewalProformaIssued: 'Automatic renewal pro-forma {{number}} issued.',
    tierChangeProformaIssued: 'Pro-forma {{number}} issued for a tier change.',
  },
  mailSubscription: {
    tierChangedSubject: 'Your Y-tech subscription changes tier',
    tierChangedBody: 'Your <strong>{{service}}</strong> subscription moves to the tier up to {{tier}} from {{start}} to {{end}}.',
    cancelledAtTermSubject: 'Your Y-tech subscription will stop at its term',
    cancelledAtTermBody:
      'We have received your request: your <strong>{{service}}</strong> subscription continues until {{end}}, then stops, with no renewal. You may request a new quote at any time.',
    cancelRequestedSubject: 'Subscription stop requested',
    cancelRequestedBody: 'A client asks to stop their <strong>{{service}}</strong> subscription at its term, on {{end}}.',
    openCompany: 'Open the company',
  },
  errors: {
    subscriptionChanges: {
      noQuote: 'This subscription does not come from a quote: please ask your sales contact.',
      notRunning: 'Only a running subscription can change tier.',
      changePending: 'A tier change is already waiting for its pro-forma.',
      notRenewable: 'Renewal can no longer be changed: the subscription is "{{status}}".',
    },
  },
  validation: {
    subscriptionChanges: {
      tier: 'Choose one of the service’s tiers.',
      sameTier: 'This is already the subscription’s tier.',
      confirm: 'Tick the box to confirm stopping at term.',
      effectiveOn: 'Choose a date between today and the day before the period ends.',
    },
  },
};
