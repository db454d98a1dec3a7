import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * Several people per client company (docs/decisions/110-company-roles.md): `company_role` says what
 * a client user may do for their company (manager, member, billing); staff rows keep it null. Every
 * existing client was their company's one contact, so each becomes its manager.
 *
 * `glpi_ticket_actors`: the GLPI users a ticket names as requester (1) or observer (3), so that a
 * member sees the tickets they follow. `actors_read_at` on the Ticket pair's sync state says the
 * entity's cached tickets carry their actors (tickets cached before this migration do not).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.addColumn('users', 'company_role', { type: DataTypes.ENUM('manager', 'member', 'billing'), allowNull: true });
  await qi.sequelize.query("UPDATE users SET company_role = 'manager' WHERE role = 'client'");
  await qi.createTable('glpi_ticket_actors', {
    glpi_entity_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, primaryKey: true },
    ticket_glpi_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, primaryKey: true },
    glpi_user_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, primaryKey: true },
    actor_type: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false, primaryKey: true },
  });
  await qi.addIndex('glpi_ticket_actors', ['glpi_entity_id', 'glpi_user_id'], { name: 'glpi_ticket_actors_user' });
  await qi.addColumn('glpi_sync_state', 'actors_read_at', { type: DataTypes.DATE, allowNull: true });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.removeColumn('glpi_sync_state', 'actors_read_at');
  await qi.dropTable('glpi_ticket_actors');
  await qi.removeColumn('users', 'company_role');
};
