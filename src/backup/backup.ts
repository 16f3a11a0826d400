/**
 * `npm run backup`: one directory holding everything a restore needs. The database's rows (uploaded
 * files included: their bytes live in `document_blob`), read in one snapshot so they agree with each
 * other, and a manifest saying when, from which schema (the migrations applied), with which embedders'
 * vectors, and how many rows each table had. Vector store contents are not copied: PostgreSQL keeps every
 * chunk's vector, and a restore rebuilds Weaviate from them (reindexVectors).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { describeDatabaseUrl } from '../db/database.ts';
import { dumpTable, executedMigrations, listTables, readSequences } from './table-data.ts';

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'studyroom-backup';
const FORMAT_VERSION = 1;

/** A failure a person can fix: the command prints its message alone and exits with 1. */
export class BackupError extends Error {}

export interface BackupManifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  /** Where it came from (host:port/database, never the password). */
  source: string;
  postgresVersion: string;
  /** Migrations applied, in order: the schema the rows fit. */
  migrations: string[];
  /** The vector store the source ran on; a restore rebuilds the target's from PostgreSQL when it differs. */
  vectorStore: 'postgres' | 'weaviate';
  /** Chunks per embedder id (the vector spaces the stored vectors are in). */
  embedders: Record<string, number>;
  documents: { count: number; bytes: number };
  tables: Record<string, { file: string; columns: string[]; rows: number; bytes: number; sha256: string }>;
  sequences: Record<string, number | null>;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  ms: number;
}

export async function createBackup(
  databaseUrl: string,
  dir: string,
  options: { vectorStore: BackupManifest['vectorStore'] },
): Promise<BackupResult> {
  const started = Date.now();
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new BackupError(`${dir} already exists and is not empty: choose a new directory for the backup.`);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // One snapshot for every table, so rows that refer to each other are from the same moment.
    await db.query('begin isolation level repeatable read read only');
    const migrations = await executedMigrations(db);
    if (!migrations?.length)
      throw new BackupError(
        `The database at ${describeDatabaseUrl(databaseUrl)} has no Study Room schema (never migrated): nothing to back up.`,
      );
    await mkdir(join(dir, 'tables'), { recursive: true });
    const tables: BackupManifest['tables'] = {};
    for (const table of await listTables(db)) {
      const file = `tables/${table.name}.jsonl.gz`;
      const { rows, bytes, sha256 } = await dumpTable(db, table, join(dir, file));
      tables[table.name] = { file, columns: table.columns, rows, bytes, sha256 };
    }
    const embedders = await db.query<{ id: string; chunks: string }>(
      'select embedder_id as id, count(*) as chunks from chunk group by 1 order by 1',
    );
    const documents = await db.query<{ count: string; bytes: string | null }>(
      'select count(*) as count, sum(size_bytes) as bytes from document_blob',
    );
    const manifest: BackupManifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: describeDatabaseUrl(databaseUrl),
      postgresVersion: (await db.query<{ v: string }>('show server_version')).rows[0]!.v,
      migrations,
      vectorStore: options.vectorStore,
      embedders: Object.fromEntries(embedders.rows.map((row) => [row.id, Number(row.chunks)])),
      documents: { count: Number(documents.rows[0]!.count), bytes: Number(documents.rows[0]!.bytes ?? 0) },
      tables,
      sequences: await readSequences(db),
    };
    await db.query('commit');
    await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return { dir, manifest, ms: Date.now() - started };
  } finally {
    await db.end();
  }
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path))
    throw new BackupError(`${dir} is not a Study Room backup: it has no ${MANIFEST_FILE}.`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupError(`${path} is not valid JSON (${(error as Error).message}): the backup is damaged.`);
  }
  if (manifest.format !== FORMAT || manifest.formatVersion !== FORMAT_VERSION)
    throw new BackupError(
      `${path} is not a Study Room backup of format ${FORMAT_VERSION} (format ${manifest.format} ${manifest.formatVersion}).`,
    );
  return manifest;
}
