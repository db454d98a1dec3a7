/** en texts of the GLPI sync, merged into the en resources (shared/i18n/en.ts); same keys as sync.fr.ts. */
export const syncEn = {
  sync: {
    dataAsOf: 'Data as of {{date}}',
    neverSynced: 'Data not synchronised yet',
    ticketStatus: {
      '1': 'New',
      '2': 'In progress (assigned)',
      '3': 'In progress (planned)',
      '4': 'Pending',
      '5': 'Solved',
      '6': 'Closed',
    },
  },
  notifications: {
    glpiTicketSolved: 'Your ticket #{{ticketId}} “{{ticketTitle}}” is solved.',
    glpiTicketClosed: 'Your ticket #{{ticketId}} “{{ticketTitle}}” is closed.',
    glpiTicketStatusChanged: 'The status of your ticket #{{ticketId}} “{{ticketTitle}}” changed.',
    glpiTicketReceived: 'Your ticket “{{ticketTitle}}” was received by support as #{{ticketId}}.',
    glpiTicketAnswered: 'A technician answered your ticket #{{ticketId}} “{{ticketTitle}}”.',
  },
  mailSync: {
    hello: 'Hello,',
    cta: 'View the ticket',
    solvedSubject: 'Ticket #{{ticketId}} solved',
    solvedBody:
      'Your ticket #{{ticketId}} “{{ticketTitle}}” was solved by our technicians. If the problem persists, reply to it from your portal.',
    closedSubject: 'Ticket #{{ticketId}} closed',
    closedBody: 'Your ticket #{{ticketId}} “{{ticketTitle}}” is closed.',
    statusSubject: 'Ticket #{{ticketId}} updated',
    statusBody: 'The status of your ticket #{{ticketId}} “{{ticketTitle}}” changed. See it in your portal.',
    receivedSubject: 'Ticket #{{ticketId}} received by support',
    receivedBody: 'Your request “{{ticketTitle}}” is registered with our technicians as #{{ticketId}}.',
    answerSubject: 'New answer on ticket #{{ticketId}}',
    answerBody: 'A technician answered your ticket #{{ticketId}} “{{ticketTitle}}”.',
  },
};
