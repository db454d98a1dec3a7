import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { config } from '../config';

export type SmtpSettings = SMTPConnection.Options & { auth?: { user: string; pass: string } };

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Ours, fixed before the conversation starts, so that the claim names the message the relay logs. */
  messageId: string;
  attachments?: Array<{ filename: string; path: string; contentType?: string }>;
};

export type SendOutcome =
  /** The server accepted the message (its final 250). `serverMessageId`: the id a relay that rewrites Message-ID gave it. */
  | { outcome: 'accepted'; serverMessageId: string | null }
  /** `beforeMessage` said no: the server got no byte of the message and drops the transaction. */
  | { outcome: 'abandoned' };

/** A failed conversation, and whether the server may have kept the message all the same. */
export class SmtpSendError extends Error {
  constructor(
    message: string,
    /** True once the message's bytes had started to go and no refusal came back: the server may have it. */
    readonly maybeDelivered: boolean,
  ) {
    super(message);
  }
}

/** Sends one mail; `beforeMessage` runs after the server accepted the envelope, before the message's first byte. */
export type MailSender = { send(mail: OutgoingMail, beforeMessage: () => Promise<boolean>): Promise<SendOutcome> };

export function mailSettings(): SmtpSettings {
  return {
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // Local catchers and test servers speak plain SMTP; production relays are expected to offer TLS.
    ignoreTLS: !config.SMTP_SECURE && config.NODE_ENV !== 'production',
  };
}

export function createMailTransport(settings: SmtpSettings = mailSettings()): MailSender {
  return { send: (mail, beforeMessage) => sendOverSmtp(settings, mail, beforeMessage) };
}

/**
 * One SMTP conversation on a connection of its own, driven step by step rather than through
 * nodemailer's transport: the message is only read once the server has answered DATA, so the
 * `beforeMessage` hook marks the one moment after which a dying worker cannot know whether the
 * mail left (nodemailer's transport starts reading the message before the envelope is sent).
 */
async function sendOverSmtp(settings: SmtpSettings, mail: OutgoingMail, beforeMessage: () => Promise<boolean>): Promise<SendOutcome> {
  const composed = new MailComposer(mail).compile();
  const envelope = composed.getEnvelope();
  const raw = await composed.build();
  const { auth, ...options } = settings;
  const connection = new SMTPConnection(options);
  let started = false;
  let abandoned = false;
  // Socket failures arrive as 'error' events, protocol answers through the callbacks: either ends the step.
  let failConnection: (error: Error) => void = () => undefined;
  connection.on('error', (error: Error) => failConnection(error));
  const step = <T>(run: (done: (error: Error | null | undefined, value?: T) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      failConnection = reject;
      run((error, value) => (error ? reject(error) : resolve(value as T)));
    });
  try {
    await step<void>((done) => connection.connect((error) => done(error)));
    // As nodemailer's transport: credentials are offered only to a server that asks for them.
    if (auth && connection.allowsAuth) await step<boolean | undefined>((done) => connection.login(auth, (error, ok) => done(error, ok)));
    let asked = false;
    const message = new Readable({
      read() {
        if (asked) return;
        asked = true;
        beforeMessage().then(
          (go) => {
            if (!go) {
              abandoned = true;
              this.destroy(new Error("the mail is no longer this attempt's to send"));
              return;
            }
            started = true;
            this.push(raw);
            this.push(null);
          },
          (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    const info = await step<SMTPConnection.SentMessageInfo>((done) =>
      connection.send(envelope, message, (error, sent) => done(error, sent)),
    );
    connection.quit();
    return { outcome: 'accepted', serverMessageId: info.serverMessageId ?? null };
  } catch (error) {
    connection.close();
    if (abandoned) return { outcome: 'abandoned' };
    const failure = error as Error & { responseCode?: number; command?: string };
    // A 4xx/5xx answer to the end of the message is a refusal: the server did not keep it.
    const refused = failure.command === 'DATA' && typeof failure.responseCode === 'number';
    throw new SmtpSendError(failure.message, started && !refused);
  }
}
