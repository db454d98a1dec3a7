import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * A company's link to its GLPI entity is checked, not trusted (docs/decisions/050-glpi-ids-that-come-back.md):
 * `identity_marker` is the token provisioning writes into the entity's comment; `identity_lost_at`
 * and `identity_problem` say the entity at that id is gone or is another's (the sync stops, staff
 * are told once: `identity_alerted_at`).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.addColumn('glpi_company_links', 'identity_marker', { type: DataTypes.STRING(64), allowNull: true });
  await qi.addColumn('glpi_company_links', 'identity_lost_at', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('glpi_company_links', 'identity_problem', { type: DataTypes.TEXT, allowNull: true });
  await qi.addColumn('glpi_company_links', 'identity_alerted_at', { type: DataTypes.DATE, allowNull: true });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  for (const column of ['identity_marker', 'identity_lost_at', 'identity_problem', 'identity_alerted_at']) {
    await qi.removeColumn('glpi_company_links', column);
  }
};
