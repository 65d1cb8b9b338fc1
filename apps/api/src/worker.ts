import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

/**
 * `npm run worker`: delivers notices without serving HTTP. The same AppModule as the API (one composition,
 * so the worker cannot drift from it) as an application context — no HTTP server — with the dispatcher on
 * whatever NOTICE_DISPATCHER says. Run as many as the mail server and webhook receivers warrant (on
 * PostgreSQL each claims different deliveries). SIGTERM stops claiming, lets what is in flight finish and be
 * recorded, then exits.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...process.env, NOTICE_DISPATCHER: 'true' }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  process.stdout.write(`Verwerker notice worker running (pid ${process.pid})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
