/** fr texts of a company's GLPI link and its identity (issue 23), merged into the fr resources (shared/i18n/fr.ts). */
export const glpiAccountFr = {
  glpiAccount: {
    awaitingAccount: 'En attente de la création de votre compte chez le support',
    linkLostTitle: 'Lien GLPI perdu',
    linkLost:
      'L’entité GLPI de cette entreprise a disparu ou appartient désormais à une autre : la synchronisation et l’envoi de ses tickets sont arrêtés.',
    linkLostSince: 'Depuis le {{date}}',
    linkLostWhatToDo:
      'À faire : relancer le provisionnement (une nouvelle entité est créée ou retrouvée par son nom), ou lier une autre entité existante. Les tickets en attente partiront alors une seule fois.',
  },
  notifications: {
    glpiLinkLost:
      'GLPI : le lien de {{company}} (entité {{entityId}}) est perdu — synchronisation et envoi des tickets arrêtés. Relancez le provisionnement ou liez une autre entité.',
  },
};
