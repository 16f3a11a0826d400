/**
 * npm run reindex
 * Refills the configured vector store (Weaviate, or the PostgreSQL store) from the chunks' vectors kept in
 * PostgreSQL, every room, without embedding: after Weaviate lost its data, say. Searches of a room miss
 * results while its turn runs. See docs/operations.md.
 */

import pg from 'pg';
import { failureLine } from '../src/backup/failure.ts';
import { openToolDatabase } from '../src/backup/tool-database.ts';
import { loadConfig } from '../src/config.ts';
import { reindexVectors } from '../src/retrieval/reindex.ts';
import { openVectorStore } from '../src/retrieval/setup.ts';

try {
  const config = loadConfig();
  const started = Date.now();
  const database = await openToolDatabase(config);
  const db = new pg.Client({ connectionString: database.url });
  const { store, close } = openVectorStore(config, database.url);
  try {
    await db.connect();
    const chunks = await reindexVectors(db, store);
    console.log(`${chunks} chunks re-indexed into ${store.kind} in ${Date.now() - started} ms`);
  } finally {
    await close();
    await db.end();
    await database.stop();
  }
} catch (error) {
  console.error(failureLine('reindex', error));
  process.exitCode = 1;
}
