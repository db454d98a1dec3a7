import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * Registrations waiting for their address to be confirmed (issue 13): the account is created only
 * when the link mailed to the address is followed, so registering answers the same whether or not
 * the address already has an account. The row holds what was typed, the password already hashed.
 *
 * Also: links used to be stored in clear in email_log.params. They are removed, and every link
 * still unused is ended, since anyone who could read that table could have copied it.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('pending_registrations', {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    email: { type: DataTypes.STRING(254), allowNull: false },
    first_name: { type: DataTypes.STRING(100), allowNull: false },
    last_name: { type: DataTypes.STRING(100), allowNull: false },
    phone: { type: DataTypes.STRING(20), allowNull: false },
    password_hash: { type: DataTypes.STRING(255), allowNull: false },
    locale: { type: DataTypes.STRING(2), allowNull: false },
    /** The same-site path to open once confirmed (the quote wizard, a page that asked to log in). */
    next_path: { type: DataTypes.STRING(2000), allowNull: true },
    /** SHA-256 of the link's token, set when the confirmation mail is sent (each send replaces it). */
    token_hash: { type: DataTypes.CHAR(64), allowNull: true, unique: true },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('pending_registrations', ['email'], { name: 'pending_registrations_email' });

  await qi.sequelize.query("UPDATE email_log SET params = JSON_REMOVE(params, '$.resetUrl') WHERE template = 'password-reset'");
  await qi.sequelize.query("UPDATE email_log SET params = JSON_REMOVE(params, '$.invitationUrl') WHERE template = 'employee-invitation'");
  await qi.sequelize.query('UPDATE password_reset_tokens SET used_at = NOW() WHERE used_at IS NULL');
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  // The links removed from email_log are not put back: they were ended, and were never to be kept.
  await qi.dropTable('pending_registrations');
};
