import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  // Company ↔ GLPI entity, with the provisioning state staff see (pending, done, failed + reason).
  await qi.createTable('glpi_company_links', {
    company_id: {
      type: DataTypes.INTEGER.UNSIGNED,
      primaryKey: true,
      references: { model: 'companies', key: 'id' },
      onDelete: 'CASCADE',
    },
    glpi_entity_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true, unique: true },
    glpi_entity_name: { type: DataTypes.STRING(255), allowNull: true },
    provisioning_state: { type: DataTypes.ENUM('pending', 'done', 'failed'), allowNull: false, defaultValue: 'pending' },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    provisioned_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  // Client user ↔ GLPI user (the requester of the tickets they open).
  await qi.createTable('glpi_user_links', {
    user_id: {
      type: DataTypes.INTEGER.UNSIGNED,
      primaryKey: true,
      references: { model: 'users', key: 'id' },
      onDelete: 'CASCADE',
    },
    glpi_user_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpi_profile_link_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('glpi_user_links');
  await qi.dropTable('glpi_company_links');
};
