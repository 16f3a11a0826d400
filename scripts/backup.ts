/**
 * npm run backup -- [--out <directory | file.tar>]
 * Writes a backup of the configured database (DATABASE_URL, or the embedded one in DATA_DIR, running or
 * not) to a new directory (default backups/studyroom-<time>) or a .tar of it. See docs/operations.md.
 */
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../src/backup/backup.ts';
import { failureLine } from '../src/backup/failure.ts';
import { openToolDatabase } from '../src/backup/tool-database.ts';
import { loadConfig } from '../src/config.ts';

try {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  const out = resolve(values.out ?? `backups/studyroom-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const tar = out.endsWith('.tar');
  const dir = tar ? `${out}.d` : out;
  const database = await openToolDatabase(config);
  try {
    const { manifest, ms } = await createBackup(database.url, dir, {
      vectorStore: config.WEAVIATE_URL ? 'weaviate' : 'postgres',
    });
    if (tar) {
      execFileSync('tar', ['-cf', out, '-C', dir, '.']);
      await rm(dir, { recursive: true });
    }
    const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `backup written to ${out}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ` +
        `${manifest.documents.count} documents (${manifest.documents.bytes} bytes), ` +
        `schema ${manifest.migrations.at(-1)}, in ${ms} ms`,
    );
  } finally {
    await database.stop();
  }
} catch (error) {
  console.error(failureLine('backup', error));
  process.exitCode = 1;
}
