import { NoticeDelivery, NoticeDispatcher, NoticeOutbox, NoticeType } from '@verwerker/notices';
import { ManualClock } from '@verwerker/platform';
import { Webhook } from 'standardwebhooks';
import { enqueueBreachNotice, TINY_PDF } from './support/notices';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const HOUR = 3600_000;

describe('Notice delivery (e2e, real SMTP and HTTP peers on loopback)', () => {
  let sut: TestApp;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let outbox: NoticeOutbox;
  let dispatcher: NoticeDispatcher;
  let staffKey: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    receiver = await WebhookReceiver.start();
    sut = await startTestApp({
      clock: new ManualClock(new Date()),
      env: {
        ALLOW_HTTP_WEBHOOKS: 'true',
        // Tests drive the dispatcher themselves: drain() after moving the clock.
        NOTICE_DISPATCHER: 'false',
        NOTICE_POLL_INTERVAL_MS: '50',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(sink.port),
        SMTP_FROM: 'Privacy <privacy@processor.example>',
        SMTP_TIMEOUT_MS: '2000',
        NOTICE_WEBHOOK_TIMEOUT_MS: '1000',
        NOTICE_MAX_ATTEMPTS: '3',
        NOTICE_BACKOFF_BASE_SECONDS: '60',
        NOTICE_BACKOFF_MAX_SECONDS: '600',
      },
    });
    outbox = sut.app.get(NoticeOutbox);
    dispatcher = sut.app.get(NoticeDispatcher);
    staffKey = await sut.createKey('staff');
  });
  afterAll(async () => {
    await sut.close();
    await sink.down();
    await receiver.stop();
  });

  /** A client with two notice recipients and a webhook whose secret the receiver knows. */
  async function aClientWithWebhook(overrides: Record<string, unknown> = {}): Promise<{ id: string; path: string; recipients: string[]; secret: string }> {
    const path = `/hooks/${Math.random().toString(36).slice(2)}`;
    const recipients = [`dpo${path.slice(7)}@client.example`, `it${path.slice(7)}@client.example`];
    const client = await sut.createClient({ noticeRecipients: recipients, webhookUrl: receiver.url(path), ...overrides });
    receiver.register(path, client.webhookSecret);
    return { id: client.id, path, recipients, secret: client.webhookSecret };
  }

  const deliveriesOf = (noticeId: string) => sut.dataSource.getRepository(NoticeDelivery).find({ where: { noticeId }, order: { channel: 'ASC', recipient: 'ASC' } });

  it('writes the notice in the caller’s transaction: a rolled-back decision leaves nothing to deliver', async () => {
    const client = await aClientWithWebhook();
    await expect(
      sut.dataSource.transaction(async (manager) => {
        await outbox.enqueue(manager, {
          clientId: client.id,
          type: NoticeType.DpaDocument,
          data: { action: 'offered', agreementTitle: 'Hosting', version: '1', documentSha256: 'a'.repeat(64) },
        });
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await sut.dataSource.getRepository(NoticeDelivery).countBy({ clientId: client.id })).toBe(0);

    const enqueued = await enqueueBreachNotice(sut.dataSource, outbox, client.id);
    expect(enqueued.deliveries.map((delivery) => delivery.channel).sort()).toEqual(['email', 'email', 'webhook']);
    expect((await deliveriesOf(enqueued.noticeId)).every((delivery) => delivery.state === 'pending' && delivery.attempts === 0)).toBe(true);
    await dispatcher.drain();
  });

  it('delivers an e-mail to every recipient (text, HTML, the PDF, a stable Message-ID) and a signed webhook', async () => {
    const client = await aClientWithWebhook();
    const before = sink.messages.length;
    const enqueued = await enqueueBreachNotice(sut.dataSource, outbox, client.id, { description: 'Lek via <b>export</b> & "share"' });
    await dispatcher.drain();

    const mails = sink.messages.slice(before);
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([...client.recipients].sort());
    for (const mail of mails) {
      const delivery = enqueued.deliveries.find((candidate) => candidate.recipient === mail.to[0])!;
      expect(mail.messageId).toBe(delivery.messageId);
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@processor\.example>$/);
      expect(mail.subject).toMatch(/^Melding datalek DL-2026-\d+ — Verwerker$/);
      expect(mail.text).toContain('Lek via <b>export</b> & "share"');
      expect(mail.html).toContain('Lek via &lt;b&gt;export&lt;/b&gt; &amp; &quot;share&quot;');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf' });
      expect(mail.attachments[0].content.equals(TINY_PDF)).toBe(true);
    }

    const hooks = receiver.received.filter((hook) => hook.path === client.path);
    expect(hooks).toHaveLength(1);
    const webhookDelivery = enqueued.deliveries.find((delivery) => delivery.channel === 'webhook')!;
    expect(hooks[0]).toMatchObject({ id: webhookDelivery.messageId, verified: true, status: 200 });
    const payload = JSON.parse(hooks[0].body);
    expect(payload).toMatchObject({ type: 'breach_notice', data: { noticeId: enqueued.noticeId, clientId: client.id, language: 'nl' } });
    expect(payload.data.attachments[0]).toMatchObject({ contentType: 'application/pdf', size: TINY_PDF.length });

    const stored = await deliveriesOf(enqueued.noticeId);
    expect(stored.map((delivery) => delivery.state)).toEqual(['sent', 'sent', 'sent']);
    for (const delivery of stored) {
      expect(delivery.sentAt).toEqual(sut.clock.now());
      expect(delivery.nextAttemptAt).toBeNull();
      expect(delivery.serverResponse).toMatch(delivery.channel === 'email' ? /^250 / : /^HTTP 200/);
    }
  });

  it('signs with the client’s own secret: the receiver verifies it, and a tampered body or another secret fails', async () => {
    const client = await aClientWithWebhook();
    await enqueueBreachNotice(sut.dataSource, outbox, client.id, { withPdf: false });
    await dispatcher.drain();
    const hook = receiver.received.filter((candidate) => candidate.path === client.path)[0];
    const headers = { 'webhook-id': hook.id, 'webhook-timestamp': hook.timestamp, 'webhook-signature': hook.signature };
    expect(() => new Webhook(client.secret).verify(hook.body, headers)).not.toThrow();
    expect(() => new Webhook(client.secret).verify(hook.body.replace('"language":"nl"', '"language":"en"'), headers)).toThrow();
    const other = await aClientWithWebhook();
    expect(() => new Webhook(other.secret).verify(hook.body, headers)).toThrow();
  });

  it('writes in the client’s language: English for an English client', async () => {
    const client = await aClientWithWebhook({ language: 'en', country: 'BE', kvkNumber: undefined });
    const before = sink.messages.length;
    await enqueueBreachNotice(sut.dataSource, outbox, client.id);
    await dispatcher.drain();
    expect(sink.messages.slice(before).map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Personal data breach notice/), expect.stringMatching(/^Personal data breach notice/)]);
    expect(sink.messages[before].text).toContain('Article 33(2) GDPR');
  });

  it('retries e-mail while the SMTP server is down, with backoff, and delivers with the same Message-ID once it is up', async () => {
    const client = await aClientWithWebhook({ webhookUrl: undefined });
    await sink.down();
    const enqueued = await enqueueBreachNotice(sut.dataSource, outbox, client.id);
    try {
      expect(await dispatcher.drain()).toBe(2);
      const failed = await deliveriesOf(enqueued.noticeId);
      expect(failed.map((delivery) => [delivery.state, delivery.attempts])).toEqual([['failed', 1], ['failed', 1]]);
      expect(failed[0].lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
      // Backoff: 60 s base with equal jitter → due again between 30 and 60 s later, not before.
      for (const delivery of failed) {
        const wait = delivery.nextAttemptAt!.getTime() - sut.clock.now().getTime();
        expect(wait).toBeGreaterThanOrEqual(30_000);
        expect(wait).toBeLessThanOrEqual(60_000);
      }
      expect(await dispatcher.drain()).toBe(0);
    } finally {
      await sink.up();
    }
    const before = sink.messages.length;
    sut.clock.advance(60_000);
    expect(await dispatcher.drain()).toBe(2);
    const sent = await deliveriesOf(enqueued.noticeId);
    expect(sent.map((delivery) => [delivery.state, delivery.attempts])).toEqual([['sent', 2], ['sent', 2]]);
    expect(sink.messages.slice(before).map((mail) => mail.messageId).sort()).toEqual(sent.map((delivery) => delivery.messageId).sort());
  });

  it('retries a webhook answered 500 and delivers it with the same webhook-id; 5xx never blocks the e-mails', async () => {
    const client = await aClientWithWebhook();
    receiver.script(client.path, 500, 503);
    const enqueued = await enqueueBreachNotice(sut.dataSource, outbox, client.id);
    await dispatcher.drain();
    let webhook = (await deliveriesOf(enqueued.noticeId)).find((delivery) => delivery.channel === 'webhook')!;
    expect([webhook.state, webhook.attempts, webhook.lastError]).toEqual(['failed', 1, 'HTTP 500']);
    expect((await deliveriesOf(enqueued.noticeId)).filter((delivery) => delivery.channel === 'email').map((delivery) => delivery.state)).toEqual(['sent', 'sent']);
    sut.clock.advance(10 * 60_000);
    await dispatcher.drain();
    sut.clock.advance(10 * 60_000);
    await dispatcher.drain();
    webhook = (await deliveriesOf(enqueued.noticeId)).find((delivery) => delivery.channel === 'webhook')!;
    expect([webhook.state, webhook.attempts]).toEqual(['sent', 3]);
    const attempts = receiver.received.filter((hook) => hook.path === client.path);
    expect(attempts.map((hook) => hook.status)).toEqual([500, 503, 200]);
    expect(new Set(attempts.map((hook) => hook.id))).toEqual(new Set([webhook.messageId]));
    expect(attempts.every((hook) => hook.verified)).toBe(true);
  });

  it('sends a retry to the client’s current webhook URL and records where it went', async () => {
    const client = await aClientWithWebhook();
    receiver.script(client.path, 503);
    const enqueued = await enqueueBreachNotice(sut.dataSource, outbox, client.id, { withPdf: false });
    await dispatcher.drain();
    const moved = `${client.path}-moved`;
    receiver.register(moved, client.secret);
    await sut.http().patch(`/clients/${client.id}/contacts`).set('X-API-Key', staffKey).send({ webhookUrl: receiver.url(moved) }).expect(200);
    sut.clock.advance(HOUR);
    await dispatcher.drain();
    const webhook = (await deliveriesOf(enqueued.noticeId)).find((delivery) => delivery.channel === 'webhook')!;
    expect([webhook.state, webhook.attempts, webhook.recipient]).toEqual(['sent', 2, receiver.url(moved)]);
    expect(receiver.received.filter((hook) => hook.path === moved).map((hook) => [hook.id, hook.verified])).toEqual([[webhook.messageId, true]]);
  });

  it('records an attempt only under the claim that still holds the delivery: a late outcome of an expired claim is dropped', async () => {
    const client = await aClientWithWebhook();
    // The first attempt answers late (and badly); by then its claim has expired and a second attempt succeeded.
    receiver.script(client.path, { delayMs: 600, status: 500 });
    const enqueued = await sut.dataSource.transaction((manager) =>
      outbox.enqueue(manager, {
        clientId: client.id,
        type: NoticeType.DpaDocument,
        data: { action: 'offered', agreementTitle: 'Hosting', version: '2', documentSha256: 'b'.repeat(64) },
        channels: ['webhook'],
      }),
    );
    const firstClaim = dispatcher.drain();
    while ((await deliveriesOf(enqueued.noticeId))[0].state !== 'sending') await new Promise((resolve) => setTimeout(resolve, 10));
    sut.clock.advance(HOUR);
    await dispatcher.drain();
    await firstClaim;
    const [webhook] = await deliveriesOf(enqueued.noticeId);
    expect([webhook.state, webhook.attempts, webhook.lastError, webhook.claimToken]).toEqual(['sent', 2, null, null]);
    expect(receiver.received.filter((hook) => hook.path === client.path).map((hook) => hook.status).sort()).toEqual([200, 500]);
  });

  it('treats a receiver that does not answer in time as a failed attempt (timeout), and retries', async () => {
    const client = await aClientWithWebhook();
    receiver.script(client.path, { delayMs: 1500, status: 200 });
    const enqueued = await enqueueBreachNotice(sut.dataSource, outbox, client.id, { withPdf: false });
    await dispatcher.drain();
    const webhook = (await deliveriesOf(enqueued.noticeId)).find((delivery) => delivery.channel === 'webhook')!;
    expect(webhook.state).toBe('failed');
    expect(webhook.lastError).toBe('no answer within 1000 ms');
    sut.clock.advance(HOUR);
    await dispatcher.drain();
    expect((await deliveriesOf(enqueued.noticeId)).every((delivery) => delivery.state === 'sent')).toBe(true);
  });

  it('stops an endpoint that answers 410 Gone: that delivery and the endpoint’s other open ones are dead', async () => {
    const client = await aClientWithWebhook();
    receiver.script(client.path, 503);
    const first = await enqueueBreachNotice(sut.dataSource, outbox, client.id, { withPdf: false });
    await dispatcher.drain();
    receiver.script(client.path, 410);
    const second = await enqueueBreachNotice(sut.dataSource, outbox, client.id, { withPdf: false });
    await dispatcher.drain();
    const firstWebhook = (await deliveriesOf(first.noticeId)).find((delivery) => delivery.channel === 'webhook')!;
    const secondWebhook = (await deliveriesOf(second.noticeId)).find((delivery) => delivery.channel === 'webhook')!;
    expect([secondWebhook.state, secondWebhook.attempts]).toEqual(['dead', 1]);
    expect(secondWebhook.lastError).toMatch(/410 Gone/);
    expect([firstWebhook.state, firstWebhook.attempts]).toEqual(['dead', 1]);
    sut.clock.advance(HOUR);
    expect(await dispatcher.drain()).toBe(0);
  });

  it('gives up after the configured attempts (dead), and staff can resend a dead delivery, which is then delivered', async () => {
    const client = await aClientWithWebhook();
    receiver.script(client.path, 500, 500, 500);
    const enqueued = await enqueueBreachNotice(sut.dataSource, outbox, client.id, { withPdf: false });
    for (let attempt = 0; attempt < 4; attempt++) {
      await dispatcher.drain();
      sut.clock.advance(HOUR);
    }
    const dead = (await deliveriesOf(enqueued.noticeId)).find((delivery) => delivery.channel === 'webhook')!;
    expect([dead.state, dead.attempts, dead.nextAttemptAt]).toEqual(['dead', 3, null]);

    const listed = await sut.http().get('/notice-deliveries').query({ state: 'dead', clientId: client.id }).set('X-API-Key', staffKey).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([dead.id]);
    expect(listed.body.items[0]).toMatchObject({ state: 'dead', attempts: 3, lastError: 'HTTP 500', channel: 'webhook', messageId: dead.messageId });

    const resent = await sut.http().post(`/notice-deliveries/${dead.id}/resend`).set('X-API-Key', staffKey).expect(200);
    expect(resent.body).toMatchObject({ state: 'pending', attempts: 0, messageId: dead.messageId });
    await dispatcher.drain();
    const delivered = await sut.http().get(`/notice-deliveries/${dead.id}`).set('X-API-Key', staffKey).expect(200);
    expect(delivered.body).toMatchObject({ state: 'sent', attempts: 1, serverResponse: expect.stringMatching(/^HTTP 200/) });
    const again = await sut.http().post(`/notice-deliveries/${dead.id}/resend`).set('X-API-Key', staffKey).expect(409);
    expect(again.body.code).toBe('invalid_state');
  });

  it('stops at once for a mailbox the server refuses permanently (550 on RCPT TO), and keeps the other recipient', async () => {
    const client = await aClientWithWebhook({ webhookUrl: undefined });
    sink.hooks.rejectRecipient = (address) => (address === client.recipients[0] ? 550 : null);
    try {
      const enqueued = await enqueueBreachNotice(sut.dataSource, outbox, client.id, { withPdf: false });
      await dispatcher.drain();
      const byRecipient = new Map((await deliveriesOf(enqueued.noticeId)).map((delivery) => [delivery.recipient, delivery]));
      expect(byRecipient.get(client.recipients[0])).toMatchObject({ state: 'dead', attempts: 1, lastError: expect.stringMatching(/^SMTP 550 on RCPT TO/) });
      expect(byRecipient.get(client.recipients[1])).toMatchObject({ state: 'sent' });
    } finally {
      sink.hooks.rejectRecipient = undefined;
    }
  });

  it('lets a slow webhook receiver hold only its own slot: other notices are delivered meanwhile', async () => {
    const slow = await aClientWithWebhook();
    const fast = await aClientWithWebhook({ webhookUrl: undefined });
    receiver.script(slow.path, { delayMs: 900, status: 200 });
    const slowNotice = await enqueueBreachNotice(sut.dataSource, outbox, slow.id, { withPdf: false });
    dispatcher.start();
    try {
      while ((await deliveriesOf(slowNotice.noticeId)).some((delivery) => delivery.state !== 'sending')) await new Promise((resolve) => setTimeout(resolve, 10));
      const fastNotice = await enqueueBreachNotice(sut.dataSource, outbox, fast.id, { withPdf: false });
      const started = Date.now();
      for (;;) {
        const states = (await deliveriesOf(fastNotice.noticeId)).map((delivery) => delivery.state);
        if (states.every((state) => state === 'sent')) break;
        if (Date.now() - started > 5000) throw new Error(`fast notice not delivered: ${states.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const slowWebhook = (await deliveriesOf(slowNotice.noticeId)).find((delivery) => delivery.channel === 'webhook')!;
      expect(slowWebhook.state).toBe('sending');
    } finally {
      await dispatcher.stop();
    }
    // A graceful stop waits for what is in flight and records it: nothing is left in `sending`.
    expect((await deliveriesOf(slowNotice.noticeId)).map((delivery) => delivery.state)).toEqual(['sent', 'sent', 'sent']);
  });

  describe('API', () => {
    let client: Awaited<ReturnType<typeof aClientWithWebhook>>;
    let other: Awaited<ReturnType<typeof aClientWithWebhook>>;
    let clientKey: string;
    let noticeId: string;

    beforeAll(async () => {
      client = await aClientWithWebhook();
      other = await aClientWithWebhook();
      clientKey = await sut.createKey('client', client.id);
      noticeId = (await enqueueBreachNotice(sut.dataSource, outbox, client.id)).noticeId;
      await enqueueBreachNotice(sut.dataSource, outbox, other.id);
      await dispatcher.drain();
    });

    it('gives a client its inbox: its own notices, when and through which channel each went, with the attachment', async () => {
      const inbox = await sut.http().get('/notices').set('X-API-Key', clientKey).expect(200);
      expect(inbox.body.items.map((item: { id: string }) => item.id)).toEqual([noticeId]);
      const [item] = inbox.body.items;
      expect(item).toMatchObject({ type: 'breach_notice', language: 'nl', subject: expect.stringMatching(/^Melding datalek/) });
      expect(item.deliveries.map((delivery: { channel: string; state: string }) => [delivery.channel, delivery.state]).sort()).toEqual([
        ['email', 'sent'],
        ['email', 'sent'],
        ['webhook', 'sent'],
      ]);
      expect(item.deliveries[0].sentAt).toMatch(/[+-]\d\d:\d\d$/);
      expect(item.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf', size: TINY_PDF.length })]);

      const read = await sut.http().get(`/notices/${noticeId}`).set('X-API-Key', clientKey).expect(200);
      expect(read.body.text).toContain('artikel 33 lid 2 AVG');
      expect(read.body.html).toContain('<html lang="nl">');

      const file = await sut.http().get(item.attachments[0].href).set('X-API-Key', clientKey).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect((file.body as Buffer).equals(TINY_PDF)).toBe(true);
    });

    it('answers 404 for another client’s notice or attachment, and keeps staff routes from clients', async () => {
      const others = await sut.http().get('/notices').query({ clientId: other.id }).set('X-API-Key', staffKey).expect(200);
      const otherNotice = others.body.items[0];
      await sut.http().get(`/notices/${otherNotice.id}`).set('X-API-Key', clientKey).expect(404);
      await sut.http().get(otherNotice.attachments[0].href).set('X-API-Key', clientKey).expect(404);
      const narrowed = await sut.http().get('/notices').query({ clientId: other.id }).set('X-API-Key', clientKey).expect(200);
      expect(narrowed.body.items).toEqual([]);
      await sut.http().get('/notice-deliveries').set('X-API-Key', clientKey).expect(403);
    });

    it('filters deliveries for staff by channel, state, type and client', async () => {
      const page = await sut.http().get('/notice-deliveries').query({ clientId: client.id, channel: 'webhook', state: 'sent', noticeType: 'breach_notice' }).set('X-API-Key', staffKey).expect(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.items[0]).toMatchObject({ noticeId, channel: 'webhook', recipient: receiver.url(client.path) });
      const bad = await sut.http().get('/notice-deliveries').query({ state: 'lost' }).set('X-API-Key', staffKey).expect(400);
      expect(bad.body.errors[0].field).toBe('state');
    });

    it('sends a client a signed test ping to its webhook on request, and not to another client’s', async () => {
      const ping = await sut.http().post(`/clients/${client.id}/webhook-test`).set('X-API-Key', clientKey).expect(200);
      expect(ping.body).toMatchObject({ delivered: true, response: expect.stringMatching(/^HTTP 200/) });
      const received = receiver.received.find((hook) => hook.id === ping.body.messageId)!;
      expect(received.verified).toBe(true);
      expect(JSON.parse(received.body)).toMatchObject({ type: 'webhook.test', data: { clientId: client.id } });
      await sut.http().post(`/clients/${other.id}/webhook-test`).set('X-API-Key', clientKey).expect(404);
    });
  });
});
