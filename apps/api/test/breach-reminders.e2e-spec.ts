import { NoticeDispatcher } from '@verwerker/notices';
import { ManualClock } from '@verwerker/platform';
import { putProcessorProfile } from './support/dpa';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { testDatabaseKind } from './support/test-database';

const HOUR = 3_600_000;
const AWARE = new Date('2026-03-28T09:00:00Z');

/**
 * Reminders survive restarts and fire once: the reminder row is unique per (incident, deadline, point), so a
 * second run — another instance at the same moment (PostgreSQL), or this one after a restart — sends nothing.
 */
describe('Breach reminders across instances and restarts (e2e)', () => {
  let sink: SmtpSink;
  let first: TestApp;
  let second: TestApp | null = null;
  const clock = new ManualClock(AWARE);
  const env = (port: number) => ({ NOTICE_DISPATCHER: 'false', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_TIMEOUT_MS: '2000', BREACH_REMINDER_INTERVAL_SECONDS: '0', DPA_REMINDER_INTERVAL_SECONDS: '0', BREACH_STAFF_LANGUAGE: 'en' });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    first = await startTestApp({ clock, env: env(sink.port) });
    await putProcessorProfile(first);
  });
  afterAll(async () => {
    await second?.close({ keepDatabase: true });
    await first.close();
    await sink.down();
  });

  it('sends each point once, however many instances run the job, and again none after a restart', async () => {
    const incident = (
      await first
        .http()
        .post('/incidents')
        .set('X-API-Key', first.adminKey)
        .send({ title: 'Laptop met HR-export gestolen', description: 'Onversleutelde laptop met een HR-export uit een auto gestolen.', detectedAt: AWARE.toISOString(), awareAt: AWARE.toISOString(), handlerName: 'J. Jansen', handlerEmail: 'j.jansen@doingbetter.example', ownData: true })
        .expect(201)
    ).body;
    expect(incident.obligations.map((obligation: { kind: string }) => obligation.kind)).toEqual(['authority']);

    second = await startTestApp({ clock, env: { ...env(sink.port), BOOTSTRAP_ADMIN_KEY: first.adminKey }, database: first.database });
    const runOn = async (app: TestApp) => (await app.http().post('/incidents/reminders/run').set('X-API-Key', app.adminKey).expect(200)).body as { sent: number };
    clock.set(new Date(AWARE.getTime() + 36 * HOUR)); // 50 % of 72 hours
    const runs = testDatabaseKind() === 'postgres' ? await Promise.all([runOn(first), runOn(second), runOn(first), runOn(second)]) : [await runOn(first), await runOn(second)];
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);

    // A restart: the row, not memory, says the reminder went out.
    await second.close({ keepDatabase: true });
    second = await startTestApp({ clock, env: { ...env(sink.port), BOOTSTRAP_ADMIN_KEY: first.adminKey }, database: first.database });
    expect((await runOn(second)).sent).toBe(0);

    clock.set(new Date(AWARE.getTime() + 73 * HOUR));
    const overdue = testDatabaseKind() === 'postgres' ? await Promise.all([runOn(first), runOn(second)]) : [await runOn(second), await runOn(first)];
    expect(overdue.reduce((sum, run) => sum + run.sent, 0)).toBe(1);

    const reminders = (await first.http().get(`/incidents/${incident.id}/reminders`).set('X-API-Key', first.adminKey).expect(200)).body;
    expect(reminders.map((reminder: { deadlineKey: string; point: string; recipients: string[] }) => [reminder.deadlineKey, reminder.point, reminder.recipients])).toEqual([
      ['authority', '0.5', ['j.jansen@doingbetter.example']],
      ['authority', 'overdue', ['j.jansen@doingbetter.example', 'fg@doingbetter.example']],
    ]);
    await first.app.get(NoticeDispatcher).drain();
    expect(sink.messages.map((mail) => mail.subject).sort()).toEqual([
      expect.stringMatching(/^OVERDUE: Notification to the Dutch DPA \(Article 33\(1\) GDPR\) — INC-/),
      expect.stringMatching(/^OVERDUE: Notification to the Dutch DPA/),
      expect.stringMatching(/^Reminder \(50%\): Notification to the Dutch DPA/),
    ]);
  });
});
