/**
 * npm run restore -- <backup directory | file.tar> [--force]
 * Restores a backup into the configured database (DATABASE_URL, or the embedded one in DATA_DIR), which
 * must be empty unless --force, then rebuilds the configured vector store. See docs/operations.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '../src/backup/backup.ts';
import { failureLine } from '../src/backup/failure.ts';
import { restoreBackup } from '../src/backup/restore.ts';
import { openToolDatabase } from '../src/backup/tool-database.ts';
import { loadConfig } from '../src/config.ts';
import { openVectorStore } from '../src/retrieval/setup.ts';

let unpacked: string | undefined;
try {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new BackupError('usage: npm run restore -- <backup directory | file.tar> [--force]');
  const config = loadConfig();
  let dir = resolve(positionals[0]!);
  if (dir.endsWith('.tar')) {
    unpacked = await mkdtemp(join(tmpdir(), 'studyroom-restore-'));
    execFileSync('tar', ['-xf', dir, '-C', unpacked]);
    dir = unpacked;
  }
  const database = await openToolDatabase(config);
  try {
    const { rows, reindexed, manifest, ms } = await restoreBackup(database.url, dir, {
      force: values.force,
      vectorStore: (url) => openVectorStore(config, url),
      onProgress: (line) => console.log(line),
    });
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    console.log(
      `restored ${positionals[0]} (made ${manifest.createdAt}): ${Object.keys(rows).length} tables, ${total} rows, ` +
        `${reindexed} chunks re-indexed into ${config.WEAVIATE_URL ? 'weaviate' : 'postgres'}, in ${ms} ms`,
    );
  } finally {
    await database.stop();
  }
} catch (error) {
  console.error(failureLine('restore', error));
  process.exitCode = 1;
} finally {
  if (unpacked) await rm(unpacked, { recursive: true, force: true });
}
