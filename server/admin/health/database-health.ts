import { config } from '../../config';
import { readReplicasConfigured, readReplicaStatus } from '../../db/sequelize';

/**
 * The read replicas as this web process sees them (each process measures its own; they agree
 * within a check interval). Addresses are shown: only admins read this.
 */
export function databaseHealth() {
  return {
    replicasConfigured: readReplicasConfigured,
    maxLagSeconds: config.REPLICA_MAX_LAG_SECONDS,
    replicas: readReplicaStatus(),
  };
}
