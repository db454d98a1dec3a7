import { AppError } from '../errors';

/**
 * Every state machine of the sales pipeline (payment proofs included) and the subscription, as data: for each state, the states it may move to.
 * Every change of state goes through `applyTransition` (apply-transition.ts), which asserts the step
 * inside the caller's transaction, so an illegal step (an invoice for a refused pro-forma, accepting
 * an expired one, reviewing a purchase order twice) is refused with a clear error and changes nothing.
 */
export const pipelineMachines = {
  quote: {
    new: ['contacted', 'proforma_sent', 'cancelled'],
    contacted: ['proforma_sent', 'cancelled'],
    // A refused pro-forma may be followed by another one on the same request.
    proforma_sent: ['proforma_sent', 'accepted', 'refused', 'expired', 'cancelled'],
    refused: ['proforma_sent', 'cancelled'],
    expired: ['proforma_sent', 'cancelled'],
    accepted: [],
    cancelled: [],
  },
  proforma: {
    pending: ['accepted', 'refused', 'expired'],
    accepted: [],
    refused: [],
    expired: [],
  },
  purchaseOrder: {
    pending: ['accepted', 'refused'],
    accepted: [],
    refused: [],
  },
  // An issued invoice is never edited (decision 009): being paid and being credited are its only changes.
  invoice: {
    unpaid: ['paid', 'credited'],
    paid: ['credited'],
    credited: [],
  },
  // The course of the contract. Running or ended is read from the dates, never stored (super-client.ts).
  subscription: {
    active: ['cancelled_at_term', 'replaced', 'cancelled'],
    // The client asked to stop at the end date: nothing renews it; a credit note may still end it now.
    cancelled_at_term: ['cancelled'],
    // A tier change took over from its effective date; crediting the old invoice still cancels it.
    replaced: ['cancelled'],
    cancelled: [],
  },
  // A client's proof of a transfer or cheque: staff review it once; a rejected one is followed by a new upload.
  paymentProof: {
    pending: ['confirmed', 'rejected'],
    confirmed: [],
    rejected: [],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export type PipelineMachine = keyof typeof pipelineMachines;
export type PipelineState<M extends PipelineMachine> = keyof (typeof pipelineMachines)[M] & string;

export const quoteStatuses = Object.keys(pipelineMachines.quote) as PipelineState<'quote'>[];
export const proformaStatuses = Object.keys(pipelineMachines.proforma) as PipelineState<'proforma'>[];
export const purchaseOrderStatuses = Object.keys(pipelineMachines.purchaseOrder) as PipelineState<'purchaseOrder'>[];
export const invoiceStatuses = Object.keys(pipelineMachines.invoice) as PipelineState<'invoice'>[];
export const subscriptionStatuses = Object.keys(pipelineMachines.subscription) as PipelineState<'subscription'>[];
export const paymentProofStatuses = Object.keys(pipelineMachines.paymentProof) as PipelineState<'paymentProof'>[];

export function canTransition<M extends PipelineMachine>(machine: M, from: PipelineState<M>, to: PipelineState<M>): boolean {
  const allowed = (pipelineMachines[machine] as Record<string, readonly string[]>)[from] ?? [];
  return allowed.includes(to);
}

/** Throws `errors.illegalTransition.<machine>` with the two states as parameters. */
export function assertTransition<M extends PipelineMachine>(machine: M, from: PipelineState<M>, to: PipelineState<M>): void {
  if (!canTransition(machine, from, to)) {
    throw new AppError('ILLEGAL_TRANSITION', `errors.illegalTransition.${machine}`, { params: { from, to } });
  }
}
