/** en texts of a company's GLPI link and its identity (issue 23); same keys as glpi-account.fr.ts. */
export const glpiAccountEn = {
  glpiAccount: {
    awaitingAccount: 'Waiting for your support account to be set up',
    linkLostTitle: 'GLPI link lost',
    linkLost: "This company's GLPI entity is gone or now belongs to another company: its sync and the sending of its tickets are stopped.",
    linkLostSince: 'Since {{date}}',
    linkLostWhatToDo:
      'To do: retry provisioning (a new entity is created, or found by its name), or link another existing entity. The waiting tickets are then sent, once.',
  },
  notifications: {
    glpiLinkLost:
      'GLPI: the link of {{company}} (entity {{entityId}}) is lost — sync and ticket sending stopped. Retry provisioning or link another entity.',
  },
};
