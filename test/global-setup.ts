import type { TestProject } from 'vitest/node';
import { migrateUp, openOrm } from '../src/db/orm.ts';
import { startScratchDatabase } from '../src/db/scratch-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run (DATABASE_URL when set, else a scratch embedded server),
 * migrated once. Tests make unique data instead of truncating, so files run in parallel.
 */
export default async function setup(project: TestProject) {
  const scratch = process.env.DATABASE_URL ? undefined : await startScratchDatabase();
  const databaseUrl = scratch?.url ?? process.env.DATABASE_URL!;
  const orm = await openOrm(databaseUrl, { poolMax: 2 });
  await migrateUp(orm);
  await orm.close();
  project.provide('databaseUrl', databaseUrl);
  return async () => {
    await scratch?.stop();
  };
}
