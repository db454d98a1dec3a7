import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export const glpiSyncEventKinds = ['ticket_solved', 'ticket_closed', 'ticket_status_changed', 'followup_added'] as const;
export type GlpiSyncEventKind = (typeof glpiSyncEventKinds)[number];

/** A change the sync saw in GLPI, recorded once (dedupe_key), then turned into notifications (notified_at). */
export class GlpiSyncEvent extends Model<InferAttributes<GlpiSyncEvent>, InferCreationAttributes<GlpiSyncEvent>> {
  declare id: CreationOptional<number>;
  declare companyId: number;
  declare glpiEntityId: number;
  declare kind: GlpiSyncEventKind;
  declare glpiTicketId: number;
  declare glpiFollowupId: number | null;
  declare statusFrom: number | null;
  declare statusTo: number | null;
  declare ticketName: string | null;
  declare dedupeKey: string;
  declare occurredAt: Date | null;
  declare notifiedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
}

GlpiSyncEvent.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiEntityId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    kind: { type: DataTypes.ENUM(...glpiSyncEventKinds), allowNull: false },
    glpiTicketId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiFollowupId: DataTypes.INTEGER.UNSIGNED,
    statusFrom: DataTypes.TINYINT.UNSIGNED,
    statusTo: DataTypes.TINYINT.UNSIGNED,
    ticketName: DataTypes.STRING(255),
    dedupeKey: { type: DataTypes.STRING(160), allowNull: false, unique: true },
    occurredAt: DataTypes.DATE,
    notifiedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_sync_events', updatedAt: false },
);
