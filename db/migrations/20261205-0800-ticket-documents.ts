import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * Files attached in GLPI to a ticket, or to one of its follow-ups or solutions: one row per GLPI
 * Document_Item, read server-wide like follow-ups. Whether a client may see one is decided when it
 * is read, from the cached ticket (its company) and follow-up (its privacy), never stored here. The
 * worker downloads the file of a visible one into UPLOAD_DIR/glpi-documents (`storage_name`)
 * (docs/decisions/090-technicians-documents.md).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('glpi_ticket_documents', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    /** The Document_Item's id. */
    glpi_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpi_document_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    /** Ticket, ITILFollowup or ITILSolution, and its GLPI id. */
    link_itemtype: { type: DataTypes.STRING(32), allowNull: false },
    link_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpi_user_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    file_name: { type: DataTypes.STRING(255), allowNull: false },
    mime: { type: DataTypes.STRING(100), allowNull: true },
    sha1: { type: DataTypes.CHAR(40), allowNull: true },
    /** The outbox key of a client's own upload (its Document's comment): shown from the outbox, never downloaded back. */
    outbox_key: { type: DataTypes.CHAR(36), allowNull: true },
    posted_at: { type: DataTypes.DATE, allowNull: true },
    glpi_updated_at: { type: DataTypes.DATE, allowNull: true },
    raw: { type: DataTypes.JSON, allowNull: true },
    storage_name: { type: DataTypes.STRING(64), allowNull: true },
    size_bytes: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    fetch_attempts: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false, defaultValue: 0 },
    fetch_error: { type: DataTypes.STRING(500), allowNull: true },
    deleted_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('glpi_ticket_documents', ['glpi_id'], { unique: true, name: 'glpi_ticket_documents_key' });
  await qi.addIndex('glpi_ticket_documents', ['link_itemtype', 'link_id'], { name: 'glpi_ticket_documents_link' });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('glpi_ticket_documents');
};
