import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * `pass`: a plain TCP relay. `hold`: connections open, but what clients send is kept back — a
 * server that stalls mid-conversation (an SMTP relay that has not answered yet). `hold-answers`:
 * HTTP requests matching a pattern reach the server, which does the work, but its answers are kept
 * back — the client cannot know its write succeeded. `down`: nothing listens, connections are refused and open ones cut.
 */
export type ProxyMode = 'pass' | 'hold' | 'hold-answers' | 'down';

export type FaultProxy = {
  port: number;
  mode(): ProxyMode;
  /** `answersTo`: with `hold-answers`, the requests whose answers are held (matched on their first bytes). */
  setMode(mode: ProxyMode, answersTo?: RegExp): Promise<void>;
  /** Connections accepted since the start. */
  accepted(): number;
  close(): Promise<void>;
};

type Relay = { client: Socket; upstream: Socket; held: Buffer[]; holdingAnswers: boolean; heldAnswers: Buffer[] };

/** A relay in front of a test server (the mail catcher), to make it slow or dead on demand. */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let mode: ProxyMode = 'pass';
  let answersTo = /^POST /;
  let accepted = 0;
  const relays = new Set<Relay>();
  let server: Server | null = null;
  let port = 0;

  const onConnection = (client: Socket) => {
    accepted += 1;
    const upstream = connect(target.port, target.host);
    const relay: Relay = { client, upstream, held: [], holdingAnswers: false, heldAnswers: [] };
    relays.add(relay);
    client.on('data', (chunk: Buffer) => {
      if (mode === 'hold') return void relay.held.push(chunk);
      // Clients do not pipeline HTTP requests: the next answer on this connection is this request's.
      if (mode === 'hold-answers' && answersTo.test(chunk.subarray(0, 200).toString('latin1'))) relay.holdingAnswers = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (relay.holdingAnswers) relay.heldAnswers.push(chunk);
      else client.write(chunk);
    });
    // Whatever a client sent before dying is dropped with it: the server never sees the rest.
    const end = () => {
      relays.delete(relay);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(onConnection);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        const address = next.address();
        port = typeof address === 'object' && address ? address.port : port;
        server = next;
        resolve();
      });
    });
  const unlisten = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      for (const relay of relays) {
        relay.client.destroy();
        relay.upstream.destroy();
      }
      relays.clear();
      if (current) current.close(() => resolve());
      else resolve();
    });

  await listen();
  return {
    port,
    mode: () => mode,
    accepted: () => accepted,
    async setMode(next, pattern) {
      const previous = mode;
      mode = next;
      if (pattern) answersTo = pattern;
      if (next === 'down') return unlisten();
      if (previous === 'down') await listen();
      if (next === 'pass') {
        for (const relay of relays) {
          for (const chunk of relay.held.splice(0)) relay.upstream.write(chunk);
          relay.holdingAnswers = false;
          for (const chunk of relay.heldAnswers.splice(0)) relay.client.write(chunk);
        }
      }
    },
    close: unlisten,
  };
}
