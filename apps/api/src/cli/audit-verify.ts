import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AUDIT_STREAMS, AuditStream, AuditVerificationService, VerificationReport } from '@verwerker/audit';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module';
import { Environment } from '../config/configuration';

/**
 * `npm run audit:verify -- --stream access [--from 1] [--to 5000]`: walks the chain like GET /audit/verify,
 * prints the report as JSON, and exits 1 when an entry does not verify (for cron and monitoring).
 */
export async function verifyAuditLog(argv: string[], env: Environment, print: (line: string) => void): Promise<VerificationReport[]> {
  const { values } = parseArgs({
    args: argv,
    options: { stream: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  });
  const streams: AuditStream[] = values.stream ? [values.stream as AuditStream] : [...AUDIT_STREAMS];
  if (streams.some((stream) => !AUDIT_STREAMS.includes(stream))) throw new Error(`--stream must be one of ${AUDIT_STREAMS.join(', ')}`);
  // Only read: no HTTP, no dispatching, no timers, no demo data, no migrations.
  const quiet: Environment = {
    ...env,
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    DATABASE_MIGRATIONS_RUN: 'false',
    NOTICE_DISPATCHER: 'false',
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    AUDIT_PURGE_INTERVAL_HOURS: '0',
  };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(quiet), { logger: ['error', 'warn'] });
  try {
    const verification = app.get(AuditVerificationService);
    const reports: VerificationReport[] = [];
    for (const stream of streams) {
      const report = await verification.verify(stream, {
        fromSeq: values.from ? Number(values.from) : undefined,
        toSeq: values.to ? Number(values.to) : undefined,
      });
      print(JSON.stringify(report));
      reports.push(report);
    }
    return reports;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  verifyAuditLog(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`))
    .then((reports) => process.exit(reports.every((report) => report.verified) ? 0 : 1))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    });
}
