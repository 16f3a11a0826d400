import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
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
      // All pending migrations in one transaction (MikroORM's defaults, relied on): a start killed part
      // way leaves none of them applied, and the next start applies them all.
      transactional: true,
      allOrNothing: true,
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

/** Any fixed 64-bit key: only one process at a time applies migrations. */
export const MIGRATION_LOCK = 7_231_004_117;

/**
 * Migrations run one process at a time, under a session advisory lock held on a connection of its own
 * (a pooled one could hand the unlock to another session). A killed process's session ends, which
 * releases the lock and rolls its migration transaction back.
 */
export async function migrateWithLock(orm: MikroORM, databaseUrl: string): Promise<void> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  lock.on('error', () => {}); // a dropped lock session surfaces through the migration itself
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateUp(orm);
  } finally {
    await lock.end();
  }
}
