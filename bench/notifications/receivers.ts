/**
 * The benchmark's loopback receivers — an SMTP server (smtp-server) and a webhook endpoint that verifies
 * every Standard Webhooks signature — in a process of their own, so their work does not share an event loop
 * with the API that enqueues or with the workers: the delivery rate measured is the product's.
 *
 * Started by `ReceiverProcess.start()` (the parent side, below); talks to it over the IPC channel.
 */
import { ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

/** What arrived: first arrival time (ms since the epoch) per Message-ID / webhook-id, and what went wrong. */
export interface ArrivalReport {
  arrivals: Array<[id: string, at: number]>;
  duplicates: number;
  badSignatures: number;
}

type Question = { kind: 'register'; secrets: Array<[path: string, secret: string]> } | { kind: 'count' } | { kind: 'report' };
type Request = Question & { id: number };
type Started = { kind: 'started'; smtpPort: number; webhookPort: number };
type Reply = { kind: 'reply'; id: number; value: unknown };

/** The parent's handle on the receivers process. */
export class ReceiverProcess {
  private nextId = 0;
  private readonly pending = new Map<number, (value: unknown) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly smtpPort: number,
    readonly webhookPort: number,
  ) {
    child.on('message', (message: Reply) => {
      this.pending.get(message.id)?.(message.value);
      this.pending.delete(message.id);
    });
  }

  static async start(): Promise<ReceiverProcess> {
    const child = fork(__filename, [], { execArgv: ['-r', 'ts-node/register/transpile-only'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const started = await new Promise<Started>((resolve, reject) => {
      child.once('message', (message: Started) => resolve(message));
      child.once('exit', (code) => reject(new Error(`the receivers process exited (${code}) before it listened`)));
    });
    return new ReceiverProcess(child, started.smtpPort, started.webhookPort);
  }

  /** The webhook secret of each path (`/hooks/<n>`), to verify signatures with. */
  register(secrets: Array<[path: string, secret: string]>): Promise<void> {
    return this.ask({ kind: 'register', secrets }) as Promise<void>;
  }

  /** How many distinct messages have arrived so far. */
  count(): Promise<number> {
    return this.ask({ kind: 'count' }) as Promise<number>;
  }

  report(): Promise<ArrivalReport> {
    return this.ask({ kind: 'report' }) as Promise<ArrivalReport>;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private ask(question: Question): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ ...question, id } satisfies Request);
    });
  }
}

async function main(): Promise<void> {
  const at = new Map<string, number>();
  const secrets = new Map<string, Webhook>();
  let duplicates = 0;
  let badSignatures = 0;
  const arrived = (id: string): void => {
    if (at.has(id)) duplicates++;
    else at.set(id, Date.now());
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const head = Buffer.concat(chunks).subarray(0, 4096).toString('latin1');
        arrived(/^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '?');
        callback();
      });
    },
  });
  // A worker stopping drops its pooled connections: not an error for the sink.
  smtp.on('error', () => undefined);
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));

  const webhooks = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        secrets.get(request.url ?? '')!.verify(body, request.headers as Record<string, string>);
      } catch {
        badSignatures++;
        response.writeHead(401).end();
        return;
      }
      arrived(String(request.headers['webhook-id']));
      response.writeHead(204).end();
    });
  });
  webhooks.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => webhooks.listen(0, '127.0.0.1', () => resolve()));

  process.on('message', (request: Request) => {
    const reply = (value: unknown) => process.send!({ kind: 'reply', id: request.id, value } satisfies Reply);
    if (request.kind === 'register') {
      for (const [path, secret] of request.secrets) secrets.set(path, new Webhook(secret));
      reply(null);
    } else if (request.kind === 'count') reply(at.size);
    else reply({ arrivals: [...at], duplicates, badSignatures } satisfies ArrivalReport);
  });
  process.on('SIGTERM', () => {
    webhooks.closeAllConnections();
    webhooks.close();
    smtp.close(() => process.exit(0));
    // Connections a killed worker left open would hold the close for its full timeout.
    setTimeout(() => process.exit(0), 1000).unref();
  });
  process.send!({ kind: 'started', smtpPort: (smtp.server.address() as AddressInfo).port, webhookPort: (webhooks.address() as AddressInfo).port } satisfies Started);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
