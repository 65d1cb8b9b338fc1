import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  attachments: Array<{ filename?: string; contentType: string; content: Buffer }>;
}

export interface SmtpSinkHooks {
  /** Runs when a client sends MAIL FROM, before the server answers it. */
  onMailFrom?: () => void | Promise<void>;
  /** Runs when a whole message has arrived (and was recorded), before the server answers 250. */
  onMessage?: (mail: ReceivedMail) => void | Promise<void>;
  /** A reply code to refuse RCPT TO with (e.g. 550), per address. */
  rejectRecipient?: (address: string) => number | null;
}

/** A real SMTP server on 127.0.0.1 (the smtp-server package): what arrived is parsed with mailparser. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  hooks: SmtpSinkHooks = {};
  /** Called for every new connection (e.g. to count distinct senders by port). */
  onSession: ((session: SMTPServerSession) => void) | null = null;
  private server: SMTPServer | null = null;
  private waiters: Array<() => void> = [];

  private constructor(public port: number) {}

  static async start(options: { port?: number; parse?: boolean } = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options.port ?? 0);
    await sink.up();
    return sink;
  }

  /** Starts listening (again, on the same port after `down`). */
  async up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        this.onSession?.(session);
        callback();
      },
      size: 30 * 1024 * 1024,
      onMailFrom: (_address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        Promise.resolve(this.hooks.onMailFrom?.()).then(() => callback(), callback);
      },
      onRcptTo: (address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        const code = this.hooks.rejectRecipient?.(address.address);
        if (!code) return callback();
        const error = new Error(`Mailbox ${address.address} does not exist`) as Error & { responseCode: number };
        error.responseCode = code;
        callback(error);
      },
      onData: (stream: SMTPServerDataStream, _session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        simpleParser(stream)
          .then(async (parsed) => {
            const mail: ReceivedMail = {
              messageId: parsed.messageId ?? '',
              to: [parsed.to ?? []].flat().flatMap((address) => address.value.map((value) => value.address ?? '')),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              attachments: parsed.attachments.map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content })),
            };
            this.messages.push(mail);
            this.notify();
            await this.hooks.onMessage?.(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: the next connection is refused, like a mail server that is down. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once at least `count` messages have arrived. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} e-mails, got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
