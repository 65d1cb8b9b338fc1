import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadConfiguration } from './config/configuration';

async function bootstrap(): Promise<void> {
  const config = loadConfiguration(process.env);
  const app = await NestFactory.create(AppModule.forRoot(process.env), { bufferLogs: true, bodyParser: true });
  configureApp(app, config);
  await app.listen(config.app.port, config.app.host);
  process.stdout.write(`Verwerker API on http://${config.app.host === '0.0.0.0' ? 'localhost' : config.app.host}:${config.app.port} — OpenAPI at /docs\n`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
