import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * A mail is claimed in email_log before its SMTP conversation starts, and the moment its first
 * byte goes to the server is recorded (decisions/130): a worker that finds another's claim can
 * tell a mail that never left (sent again) from one that may have (`uncertain`, for staff).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.changeColumn('email_log', 'state', {
    type: DataTypes.ENUM('queued', 'sending', 'sent', 'uncertain', 'failed'),
    allowNull: false,
    defaultValue: 'queued',
  });
  await qi.addColumn('email_log', 'claim_token', { type: DataTypes.CHAR(36), allowNull: true });
  await qi.addColumn('email_log', 'claimed_at', { type: DataTypes.DATE(3), allowNull: true });
  await qi.addColumn('email_log', 'message_started_at', { type: DataTypes.DATE(3), allowNull: true });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.removeColumn('email_log', 'message_started_at');
  await qi.removeColumn('email_log', 'claimed_at');
  await qi.removeColumn('email_log', 'claim_token');
  // A claim in flight goes back to the queue; a mail that may have left stays for staff to judge, as failed.
  await qi.sequelize.query("UPDATE email_log SET state = 'queued' WHERE state = 'sending'");
  await qi.sequelize.query("UPDATE email_log SET state = 'failed' WHERE state = 'uncertain'");
  await qi.changeColumn('email_log', 'state', {
    type: DataTypes.ENUM('queued', 'sent', 'failed'),
    allowNull: false,
    defaultValue: 'queued',
  });
};
