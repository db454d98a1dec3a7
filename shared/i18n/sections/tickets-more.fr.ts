/** fr texts of solutions, categories and assets on tickets (issue 16), merged into shared/i18n/fr.ts. */
export const ticketsMoreFr = {
  ticketMore: {
    category: 'Catégorie',
    noCategory: '— Choisir une catégorie (facultatif) —',
    asset: 'Équipement concerné',
    noAsset: '— Aucun équipement en particulier —',
    assetHint: 'Choisissez la machine de votre parc dont il s’agit : le technicien la retrouve directement.',
    linkedAsset: 'Équipements concernés',
    openAbout: 'Ouvrir un ticket sur cet équipement',
    ticketsAbout: 'Tickets sur cet équipement',
    noTicketsAbout: 'Aucun ticket ne concerne cet équipement.',
    solutions: 'Solution du support',
    solution: 'Solution proposée',
    solutionStates: { waiting: 'En attente de votre validation', accepted: 'Acceptée', refused: 'Refusée' },
    decideTitle: 'Cette solution vous convient-elle ?',
    decideLead: 'Acceptez-la pour clore le ticket, ou refusez-la en expliquant pourquoi : le ticket repart chez le technicien.',
    comment: 'Commentaire',
    commentHint: 'Facultatif pour accepter, obligatoire pour refuser.',
    approve: 'Accepter la solution',
    refuse: 'Refuser et rouvrir le ticket',
    decisionWaiting: {
      approve: 'Votre acceptation est en cours d’envoi au support.',
      refuse: 'Votre refus est en cours d’envoi au support.',
    },
    decisionFailed: 'Votre réponse n’a pas pu être transmise : vous pouvez la renvoyer.',
    decided: 'Votre réponse est enregistrée : elle sera transmise au support dans un instant.',
    attachment: 'Pièce jointe (facultatif)',
    attachmentHint:
      'Une capture d’écran ou un document : PDF, PNG ou JPEG, 10 Mo au plus. Le fichier est transmis au technicien avec votre message.',
  },
  errors: {
    ticketAttachment: {
      empty: 'Ce fichier est vide : choisissez-en un autre. Votre texte est conservé.',
      tooLarge: 'Ce fichier dépasse {{max}} Mo : réduisez-le ou envoyez une capture. Votre texte est conservé.',
      type: 'Ce fichier n’est ni un PDF, ni une image PNG ou JPEG (son contenu a été vérifié, pas seulement son nom). Votre texte est conservé.',
      pdf: 'Ce PDF contient du contenu actif ou est illisible : enregistrez-le à nouveau en PDF simple. Votre texte est conservé.',
    },
    ticketNotSolved: 'Ce ticket n’attend pas de validation : seule une solution proposée peut être acceptée ou refusée.',
    approvalWaiting: 'Votre réponse à cette solution est déjà en cours d’envoi.',
  },
};
