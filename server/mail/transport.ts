import nodemailer from 'nodemailer';
import { config } from '../config';

export function createMailTransport() {
  return nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // Local catchers and test servers speak plain SMTP; production relays are expected to offer TLS.
    ignoreTLS: !config.SMTP_SECURE && config.NODE_ENV !== 'production',
  });
}
