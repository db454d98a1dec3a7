/** Textes des fichiers d'un ticket (ceux des techniciens, venus de GLPI, et ceux du client). */
export const ticketFilesFr = {
  ticketFiles: {
    title: 'Fichiers joints',
    none: 'Aucun fichier joint.',
    fromSupport: 'Support',
    fromYou: 'Vous',
    download: 'Télécharger {{name}}',
    notReady: 'en cours de récupération depuis le support',
    onMessage: 'Fichiers joints à ce message',
    states: {
      pending: 'en attente d’envoi',
      sending: 'en cours d’envoi',
      failed: 'n’a pas pu être envoyé',
      delivered: 'envoyé au support',
    },
  },
};
