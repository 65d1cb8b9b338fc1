import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfiguration } from '../config/configuration';
import { buildTypeOrmOptions, runMigrationsExclusively } from '../database/typeorm-options';

/** `npm run migration:run`: applies pending migrations to the configured database and says which. */
async function main(): Promise<void> {
  const config = loadConfiguration(process.env);
  const dataSource = await new DataSource(buildTypeOrmOptions(config.database)).initialize();
  try {
    const applied = await runMigrationsExclusively(dataSource);
    process.stdout.write(applied.length ? `Applied:\n${applied.map((name) => `  ${name}`).join('\n')}\n` : 'No pending migrations.\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
