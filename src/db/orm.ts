import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM } from '@mikro-orm/postgresql';
import { entities } from '../entities/index.ts';
import { countStatement } from './sql-counter.ts';

const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

export function ormConfig(clientUrl: string, options: { poolMax?: number } = {}) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    preferTs: true,
    pool: { min: 0, max: options.poolMax ?? 20 },
    onQuery: countStatement,
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).ts',
      emit: 'ts',
      snapshot: true,
      snapshotName: '.snapshot',
      silent: true,
    },
    // Lazy loading must never reach into a shared identity map: every request forks.
    // Tables owned by other code (the PostgreSQL vector store; pg-boss has its own schema).
    schemaGenerator: { skipTables: ['vector_entry', 'vector_room'], ignoreSchema: ['pgboss'] },
    allowGlobalContext: false,
    ensureDatabase: false,
  });
}

export async function openOrm(clientUrl: string, options: { poolMax?: number } = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl, options));
}

export async function migrateUp(orm: MikroORM): Promise<void> {
  await orm.migrator.up();
}
