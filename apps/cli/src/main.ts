import { readFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@motcua/config';
import { DomainError, parseUnitFile } from '@motcua/domain';
import { migrate, UnitsRepository } from '@motcua/persistence';
import { CliModule } from './cli.module';
import { DemoSeeder } from './seed/demo.seeder';

const USAGE = `Usage: npm run cli -- <command>   (node dist/apps/cli/src/main.js <command>)
  migrate            apply pending migrations to DATABASE_URL
  seed:demo          load the demo data (safe to run twice)
  seed:if-empty      load the demo data only into a database without users
  units:import FILE  import administrative units (either format of ../shared/data)`;

/** Results go to stdout, problems to stderr; Nest's own start-up chatter is silenced. */
const print = (line: string) => console.log(line);

// Imports and seeds run long statements and nobody waits on them: no query timeout unless one is set.
process.env.DATABASE_QUERY_TIMEOUT_MS ??= '0';

async function withContext<T>(work: (context: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

async function run(command: string | undefined, args: string[]): Promise<void> {
  switch (command) {
    case 'migrate': {
      const applied = await migrate(loadConfig(process.env).DATABASE_URL);
      print(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date');
      return;
    }
    case 'seed:demo':
      return withContext(async (context) => (await context.get(DemoSeeder).run()).forEach(print));
    case 'seed:if-empty':
      return withContext(async (context) => {
        const seeder = context.get(DemoSeeder);
        if (await seeder.isEmpty()) (await seeder.run()).forEach(print);
        else print('The database has users already: demo data not loaded');
      });
    case 'units:import': {
      if (!args[0]) throw new Error('units:import needs a FILE');
      const file = parseUnitFile(JSON.parse(await readFile(args[0], 'utf8')));
      return withContext(async (context) => {
        const units = context.get(UnitsRepository);
        const result = await units.importFile(file);
        print(
          `Imported ${args[0]} as set ${result.set}: ${result.inserted} new, ${result.updated} updated, ` + `${result.unchanged} unchanged units; ${result.successionsInserted} new succession links`,
        );
        print(`Units now: ${JSON.stringify(await units.countBySet())}`);
      });
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

run(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  const detail = error instanceof DomainError && error.details ? `\n${JSON.stringify(error.details, null, 2)}` : '';
  console.error(`${(error as Error).message}${detail}`);
  process.exitCode = 1;
});
