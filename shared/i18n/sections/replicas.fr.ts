/** fr texts of the read replicas on the platform page, merged into the fr resources (shared/i18n/fr.ts). */
export const replicasFr = {
  admin: {
    replicas: {
      title: 'Base de données : réplicas de lecture',
      lead: 'Les lectures qui peuvent attendre quelques secondes (listes, tableaux de bord) sont servies par les réplicas ; au-delà de {{maxLag}} s de retard, ou sans réponse, un réplica est écarté et la base principale répond, jusqu’à ce qu’il rattrape son retard.',
      none: 'Aucun réplica configuré : toutes les lectures vont à la base principale (DATABASE_REPLICA_URLS).',
      caption: 'Réplicas vus par ce processus web',
      replica: 'Réplica',
      state: 'État',
      lag: 'Retard',
      checkedAt: 'Mesuré le',
      error: 'Erreur',
      lagSeconds: '{{seconds}} s',
      states: { ok: 'En service', lagging: 'Écarté : trop en retard', down: 'Écarté : ne répond pas', unknown: 'Pas encore mesuré' },
    },
  },
};
