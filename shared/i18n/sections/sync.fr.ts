/** fr texts of the GLPI sync (ticket events, freshness), merged into the fr resources (shared/i18n/fr.ts). */
export const syncFr = {
  sync: {
    dataAsOf: 'Données à jour au {{date}}',
    neverSynced: 'Données pas encore synchronisées',
    ticketStatus: {
      '1': 'Nouveau',
      '2': 'En cours (attribué)',
      '3': 'En cours (planifié)',
      '4': 'En attente',
      '5': 'Résolu',
      '6': 'Clos',
    },
  },
  notifications: {
    glpiTicketSolved: 'Votre ticket n° {{ticketId}} « {{ticketTitle}} » est résolu.',
    glpiTicketClosed: 'Votre ticket n° {{ticketId}} « {{ticketTitle}} » est clos.',
    glpiTicketStatusChanged: 'Le statut de votre ticket n° {{ticketId}} « {{ticketTitle}} » a changé.',
    glpiTicketReceived: 'Votre ticket « {{ticketTitle}} » a été reçu par le support sous le n° {{ticketId}}.',
    glpiTicketAnswered: 'Un technicien a répondu à votre ticket n° {{ticketId}} « {{ticketTitle}} ».',
  },
  mailSync: {
    hello: 'Bonjour,',
    cta: 'Voir le ticket',
    solvedSubject: 'Ticket n° {{ticketId}} résolu',
    solvedBody:
      'Votre ticket n° {{ticketId}} « {{ticketTitle}} » a été résolu par nos techniciens. Si le problème persiste, répondez-lui depuis votre espace.',
    closedSubject: 'Ticket n° {{ticketId}} clos',
    closedBody: 'Votre ticket n° {{ticketId}} « {{ticketTitle}} » est clos.',
    statusSubject: 'Ticket n° {{ticketId}} mis à jour',
    statusBody: 'Le statut de votre ticket n° {{ticketId}} « {{ticketTitle}} » a changé. Consultez-le dans votre espace.',
    receivedSubject: 'Ticket n° {{ticketId}} reçu par le support',
    receivedBody: 'Votre demande « {{ticketTitle}} » est enregistrée chez nos techniciens sous le n° {{ticketId}}.',
    answerSubject: 'Nouvelle réponse sur le ticket n° {{ticketId}}',
    answerBody: 'Un technicien a répondu à votre ticket n° {{ticketId}} « {{ticketTitle}} ».',
  },
};
