/** en texts of the read replicas on the platform page (shared/i18n/en.ts); same keys as replicas.fr.ts. */
export const replicasEn = {
  admin: {
    replicas: {
      title: 'Database: read replicas',
      lead: 'Reads that may wait a few seconds (lists, dashboards) are served by the replicas; more than {{maxLag}} s behind, or not answering, a replica is set aside and the primary answers until it catches up.',
      none: 'No replica configured: every read goes to the primary (DATABASE_REPLICA_URLS).',
      caption: 'Replicas as this web process sees them',
      replica: 'Replica',
      state: 'State',
      lag: 'Lag',
      checkedAt: 'Measured at',
      error: 'Error',
      lagSeconds: '{{seconds}} s',
      states: { ok: 'In service', lagging: 'Set aside: too far behind', down: 'Set aside: not answering', unknown: 'Not measured yet' },
    },
  },
};
