import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { OutboxPayload } from '../../glpi-outbox/outbox-payload';
import { sequelize } from '../sequelize';

export const outboxKinds = ['ticket', 'followup', 'approval', 'document', 'satisfaction'] as const;
export const outboxStates = ['pending', 'sending', 'delivered', 'failed'] as const;
export type OutboxKind = (typeof outboxKinds)[number];
export type OutboxState = (typeof outboxStates)[number];

/** A write toward GLPI waiting for the worker (server/glpi-outbox, worker/jobs/deliver-outbox.ts). */
export class GlpiOutboxEntry extends Model<InferAttributes<GlpiOutboxEntry>, InferCreationAttributes<GlpiOutboxEntry>> {
  declare id: CreationOptional<number>;
  declare companyId: number;
  declare userId: number;
  declare kind: OutboxKind;
  declare idempotencyKey: string;
  /** Re-validated with the kind's schema (outbox-payload.ts) before use. */
  declare payload: OutboxPayload;
  declare glpiTicketId: number | null;
  declare localTicketRef: number | null;
  declare state: CreationOptional<OutboxState>;
  declare attempts: CreationOptional<number>;
  declare lastError: CreationOptional<string | null>;
  /** The GLPI id of what was created: the Ticket, or the ITILFollowup. */
  declare glpiId: CreationOptional<number | null>;
  declare deliveredAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiOutboxEntry.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    userId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    kind: { type: DataTypes.ENUM(...outboxKinds), allowNull: false },
    idempotencyKey: { type: DataTypes.CHAR(36), allowNull: false, unique: true },
    payload: { type: DataTypes.JSON, allowNull: false },
    glpiTicketId: DataTypes.INTEGER.UNSIGNED,
    localTicketRef: DataTypes.BIGINT.UNSIGNED,
    state: { type: DataTypes.ENUM(...outboxStates), allowNull: false, defaultValue: 'pending' },
    attempts: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
    lastError: DataTypes.TEXT,
    glpiId: DataTypes.INTEGER.UNSIGNED,
    deliveredAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_outbox' },
);
