import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** Whether the signature verified with the secret registered for the path (standardwebhooks package). */
  verified: boolean;
  status: number;
}

/**
 * An HTTP receiver on 127.0.0.1 that verifies every Standard Webhooks signature with the secret registered
 * for its path, answers 401 when it fails, and otherwise answers what the test scripted (200 by default).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly scripted = new Map<string, Array<number | { delayMs: number; status: number }>>();
  private server!: Server;
  port = 0;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((request, response) => void receiver.handle(request, response));
    receiver.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', () => resolve()));
    receiver.port = (receiver.server.address() as AddressInfo).port;
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The secret the client got when its webhook was configured. */
  register(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  /** The next answers for a path, in order (a status, or a status after a delay); then 200. */
  script(path: string, ...answers: Array<number | { delayMs: number; status: number }>): void {
    this.scripted.set(path, [...(this.scripted.get(path) ?? []), ...answers]);
  }

  verify(path: string, id: string, timestamp: string, signature: string, body: string): boolean {
    const secret = this.secrets.get(path);
    if (!secret) return false;
    try {
      new Webhook(secret).verify(body, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature });
      return true;
    } catch {
      return false;
    }
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.filter((hook) => hook.status < 300).length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} accepted webhooks, got ${this.received.length} requests`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = request.url ?? '/';
    const header = (name: string) => String(request.headers[name] ?? '');
    const verified = this.verify(path, header('webhook-id'), header('webhook-timestamp'), header('webhook-signature'), body);
    let answer = this.scripted.get(path)?.shift() ?? 200;
    if (typeof answer === 'object') {
      await new Promise((resolve) => setTimeout(resolve, answer && typeof answer === 'object' ? answer.delayMs : 0));
      answer = answer.status;
    }
    const status = verified ? answer : 401;
    this.received.push({ path, id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body, verified, status });
    if (!response.destroyed) response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
  }
}
