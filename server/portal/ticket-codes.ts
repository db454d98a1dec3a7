/** GLPI's ticket codes (GLPI-API.md, Values): statuses 1–6, urgency 1–5, type 1 incident / 2 request. */
export const ticketStatuses = [1, 2, 3, 4, 5, 6] as const;
export const openStatuses = [1, 2, 3, 4] as const;
export const ticketUrgencies = [1, 2, 3, 4, 5] as const;

export const isOpenStatus = (status: number) => status >= 1 && status <= 4;

/**
 * GLPI's deadlines for a ticket: taken into account by (time to own) and resolved by (time to
 * resolve); missed when the step happened after the deadline, or has not happened and the deadline is past.
 */
export function ticketDeadlines(
  ticket: { timeToOwn: Date | null; takenAt: Date | null; timeToResolve: Date | null; solvedAt: Date | null; closedAt: Date | null },
  now = new Date(),
) {
  const missed = (deadline: Date | null, doneAt: Date | null) => deadline !== null && (doneAt ?? now).getTime() > deadline.getTime();
  const resolvedAt = ticket.solvedAt ?? ticket.closedAt;
  return {
    timeToOwn: ticket.timeToOwn,
    ownMissed: missed(ticket.timeToOwn, ticket.takenAt),
    timeToResolve: ticket.timeToResolve,
    resolveMissed: missed(ticket.timeToResolve, resolvedAt),
  };
}
