/**
 * Local mail catcher for the demo and the tests: accepts every message on SMTP, keeps the last
 * 500 in memory and shows them on a small HTTP UI (list, message, attachments, JSON API).
 * Loopback only, no persistence: a development tool, never deployed (docker-compose uses Mailpit).
 *
 *   tsx tools/mail-catcher/main.ts   # SMTP 127.0.0.1:1025, UI http://127.0.0.1:1080
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { renderList, renderMessage } from './pages';

const MAX_MESSAGES = 500;

export type CaughtAttachment = {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
};

export type CaughtMessage = {
  id: string;
  receivedAt: Date;
  date: Date;
  /** Header values as written by the sender ("Y-tech <noreply@…>"). */
  from: string;
  to: string;
  subject: string;
  /** The Message-ID header as the sender wrote it. */
  messageId: string | null;
  /** SMTP envelope: the real recipients, Bcc included. */
  envelope: { from: string; to: string[] };
  text: string;
  html: string | null;
  attachments: CaughtAttachment[];
};

export type MailCatcher = {
  smtpPort: number;
  httpPort: number;
  /** Newest first. */
  messages: () => CaughtMessage[];
  clear: () => void;
  close: () => Promise<void>;
};

type Options = { smtpPort?: number; httpPort?: number; host?: string };

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

export async function startMailCatcher({ smtpPort = 1025, httpPort = 1080, host = '127.0.0.1' }: Options = {}): Promise<MailCatcher> {
  const store: CaughtMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    // No STARTTLS: nodemailer would upgrade and then reject the self-signed certificate.
    disabledCommands: ['STARTTLS'],
    // Accept any credentials so that an SMTP_USER configured for production does not break the demo.
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'catcher' }),
    size: 30 * 1024 * 1024,
    logger: false,
    banner: 'Y-tech mail catcher',
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const receivedAt = new Date();
          const mailFrom = session.envelope.mailFrom;
          store.unshift({
            id: String(nextId++),
            receivedAt,
            date: parsed.date ?? receivedAt,
            from: addressText(parsed.from),
            to: addressText(parsed.to),
            subject: parsed.subject ?? '',
            messageId: parsed.messageId ?? null,
            envelope: {
              from: mailFrom ? mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            text: parsed.text ?? '',
            html: parsed.html || null,
            attachments: parsed.attachments.map((a, i) => ({
              filename: a.filename ?? `piece-jointe-${i + 1}`,
              contentType: a.contentType,
              size: a.size,
              content: a.content,
            })),
          });
          store.length = Math.min(store.length, MAX_MESSAGES);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const http = createServer((req, res) => {
    try {
      route(req, res, store);
    } catch (error) {
      send(res, 500, 'text/plain; charset=utf-8', String(error));
    }
  });

  await new Promise<void>((ok, fail) => {
    smtp.server.once('error', fail);
    smtp.listen(smtpPort, host, () => ok());
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(httpPort, host, () => ok());
  });

  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    httpPort: (http.address() as AddressInfo).port,
    messages: () => [...store],
    clear: () => {
      store.length = 0;
    },
    close: async () => {
      http.closeAllConnections();
      await Promise.all([new Promise<void>((ok) => smtp.close(() => ok())), new Promise<void>((ok) => http.close(() => ok()))]);
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function toJson(m: CaughtMessage) {
  return {
    ...m,
    attachments: m.attachments.map(({ content: _content, ...meta }, index) => ({
      ...meta,
      url: `/messages/${m.id}/attachments/${index}`,
    })),
  };
}

function route(req: IncomingMessage, res: ServerResponse, store: CaughtMessage[]) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const parts = pathname.split('/').filter(Boolean);
  const find = (id: string | undefined) => store.find((m) => m.id === id);
  const html = 'text/html; charset=utf-8';

  if (req.method === 'DELETE' && pathname === '/api/messages') {
    store.length = 0;
    return send(res, 204, 'text/plain', '');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain; charset=utf-8', 'Méthode non autorisée');
  }
  if (pathname === '/') return send(res, 200, html, renderList(store));
  if (pathname === '/api/messages') {
    return send(res, 200, 'application/json', JSON.stringify(store.map(toJson)));
  }
  if (parts[0] === 'api' && parts[1] === 'messages' && parts.length === 3) {
    const message = find(parts[2]);
    if (message) return send(res, 200, 'application/json', JSON.stringify(toJson(message)));
  }
  if (parts[0] === 'messages' && parts.length === 2) {
    const message = find(parts[1]);
    if (message) return send(res, 200, html, renderMessage(message));
  }
  if (parts[0] === 'messages' && parts[2] === 'attachments' && parts.length === 4) {
    const attachment = find(parts[1])?.attachments[Number(parts[3])];
    if (attachment) {
      const ascii = attachment.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
      return send(res, 200, attachment.contentType, attachment.content);
    }
  }
  send(res, 404, 'text/plain; charset=utf-8', 'Introuvable');
}

const isEntryPoint = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const catcher = await startMailCatcher({
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  });
  console.log(`mail catcher: SMTP 127.0.0.1:${catcher.smtpPort}, UI http://127.0.0.1:${catcher.httpPort}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void catcher.close().then(() => process.exit(0)));
  }
}
