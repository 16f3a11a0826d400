/**
 * `npm run restore`: a backup into an empty database. The schema is built by migrating to the backup's
 * last migration, the rows go in in one transaction (foreign keys checked as they come back), the
 * remaining migrations of this version run after, and the vector store is rebuilt from the chunks'
 * stored vectors when it is Weaviate or when the backup came from another store.
 */
import { join } from 'node:path';
import pg from 'pg';
import { describeDatabaseUrl } from '../db/database.ts';
import { migrateWithLock, openOrm } from '../db/orm.ts';
import type { VectorStore } from '../retrieval/ports.ts';
import { reindexVectors } from '../retrieval/reindex.ts';
import { BackupError, type BackupManifest, readManifest } from './backup.ts';
import { listTables, loadTable, sha256File, withoutForeignKeys, writeSequences } from './table-data.ts';

export interface RestoreOptions {
  /** Replace whatever the target database holds (every schema in it is dropped first). */
  force?: boolean;
  /** The configured vector store; `postgres` keeps the restored `vector_entry` rows when they came along. */
  vectorStore: (databaseUrl: string) => { store: VectorStore; close(): Promise<void> };
  onProgress?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: Record<string, number>;
  /** Chunks written to the vector store (0 when the restored rows already were the store). */
  reindexed: number;
  ms: number;
}

export async function restoreBackup(
  databaseUrl: string,
  dir: string,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const started = Date.now();
  const manifest = await readManifest(dir);
  for (const [name, table] of Object.entries(manifest.tables)) {
    if ((await sha256File(join(dir, table.file)).catch(() => null)) !== table.sha256)
      throw new BackupError(
        `${join(dir, table.file)} is missing or damaged (table ${name}): the backup is unusable.`,
      );
  }
  const where = describeDatabaseUrl(databaseUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await prepareTarget(db, where, options.force === true);
    const orm = await openOrm(databaseUrl, { poolMax: 2 });
    try {
      const known = (await orm.migrator.getPending()).map((migration) => migration.name);
      const unknown = manifest.migrations.find((name, i) => known[i] !== name);
      if (unknown)
        throw new BackupError(
          `The backup's schema has migration ${unknown}, which this version does not have at that place: ` +
            'restore with the Study Room version that made the backup, or a newer one.',
        );
      options.onProgress?.(`schema: ${manifest.migrations.length} migrations`);
      await orm.migrator.up({ to: manifest.migrations.at(-1)! });
      const rows = await loadRows(db, dir, manifest, options.onProgress);
      await migrateWithLock(orm, databaseUrl); // this version's newer migrations, if any
      const { store, close } = options.vectorStore(databaseUrl);
      let reindexed = 0;
      try {
        if (store.kind !== 'postgres' || manifest.vectorStore !== 'postgres') {
          reindexed = await reindexVectors(db, store, (done) =>
            options.onProgress?.(`vectors: ${done} chunks into ${store.kind}`),
          );
        }
      } finally {
        await close();
      }
      return { manifest, rows, reindexed, ms: Date.now() - started };
    } finally {
      await orm.close();
    }
  } finally {
    await db.end();
  }
}

/** Refuses a database in use or holding anything, unless forced: then empties it. */
async function prepareTarget(db: pg.Client, where: string, force: boolean) {
  const sessions = await db.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
  );
  if (sessions.rows[0]!.n > 0)
    throw new BackupError(
      `${sessions.rows[0]!.n} other session(s) connected to ${where}: stop the API and workers before restoring.`,
    );
  const schemas = await db.query<{ name: string; tables: number }>(
    `select n.nspname::text as name, count(c.oid)::int as tables
       from pg_namespace n left join pg_class c on c.relnamespace = n.oid and c.relkind in ('r', 'p', 'v', 'm', 'S')
      where n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
      group by n.nspname`,
  );
  const filled = schemas.rows.filter((schema) => schema.tables > 0 || schema.name !== 'public');
  if (filled.length === 0) return;
  if (!force)
    throw new BackupError(
      `The database ${where} is not empty (${filled.map((s) => `schema ${s.name}: ${s.tables} relations`).join(', ')}): ` +
        'restore into an empty database, or pass --force to replace everything in it.',
    );
  for (const schema of filled) await db.query(`drop schema ${db.escapeIdentifier(schema.name)} cascade`);
  await db.query('create schema if not exists public');
}

async function loadRows(
  db: pg.Client,
  dir: string,
  manifest: BackupManifest,
  onProgress?: (line: string) => void,
): Promise<Record<string, number>> {
  const target = new Map((await listTables(db)).map((table) => [table.name, table.columns]));
  for (const [name, table] of Object.entries(manifest.tables)) {
    if (target.get(name)?.join(',') !== table.columns.join(','))
      throw new BackupError(
        `Table ${name} does not have the backup's columns after migrating (${table.columns.join(', ')}): ` +
          'the backup does not fit this version.',
      );
  }
  await db.query('begin');
  try {
    const rows = await withoutForeignKeys(db, async () => {
      const counts: Record<string, number> = {};
      for (const [name, table] of Object.entries(manifest.tables)) {
        counts[name] = await loadTable(db, name, join(dir, table.file));
        if (counts[name] !== table.rows)
          throw new BackupError(
            `${table.file} holds ${counts[name]} rows, the manifest says ${table.rows}: the backup is damaged.`,
          );
        if (counts[name]) onProgress?.(`rows: ${name} ${counts[name]}`);
      }
      return counts;
    });
    await writeSequences(db, manifest.sequences);
    const interrupted = await failInterruptedWork(db);
    if (interrupted)
      onProgress?.(`${interrupted} items in progress at backup time marked FAILED (retry them)`);
    await db.query('commit');
    return rows;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

const INTERRUPTED_MESSAGE =
  'Interrupted: this was still in progress when the backup it was restored from was made. Try again.';

/**
 * Work under way when the backup was made had its job in the queue, which a backup does not hold, so it
 * would wait forever. It ends FAILED instead, as a crash of its job would leave it, and can be retried.
 */
async function failInterruptedWork(db: pg.Client): Promise<number> {
  const updates = [
    `update document set status = 'FAILED', stage = 'FAILED', error = $1, stage_message = $1
      where status in ('QUEUED', 'PROCESSING')`,
    ...['quiz', 'deck', 'study_guide'].map(
      (table) => `update ${table} set status = 'FAILED', error = $1 where status = 'GENERATING'`,
    ),
    `update message set status = 'FAILED', error = $1 where status = 'STREAMING'`,
  ];
  let count = 0;
  for (const update of updates) count += (await db.query(update, [INTERRUPTED_MESSAGE])).rowCount ?? 0;
  return count;
}
