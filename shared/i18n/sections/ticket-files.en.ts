/** en texts of a ticket's files; same keys as ticket-files.fr.ts (checked through shared/i18n/en.ts). */
export const ticketFilesEn = {
  ticketFiles: {
    title: 'Attached files',
    none: 'No attached file.',
    fromSupport: 'Support',
    fromYou: 'You',
    download: 'Download {{name}}',
    notReady: 'being fetched from support',
    onMessage: 'Files attached to this message',
    states: { pending: 'waiting to be sent', sending: 'being sent', failed: 'could not be sent', delivered: 'sent to support' },
  },
};
