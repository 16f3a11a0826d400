/**
 * Migration tooling against a scratch PostgreSQL (or DATABASE_URL when set):
 *   create [name]  apply existing migrations, then write a new one for any entity change
 *   check          fail when entities changed without a migration
 *   snapshot       rewrite migrations/.snapshot.json from the entities (after merging two branches' migrations)
 *   up             apply pending migrations to DATABASE_URL (deploys)
 */
import { migrateUp, openOrm } from '../src/db/orm.ts';
import { startScratchDatabase } from '../src/db/scratch-database.ts';

const [command = 'check', name] = process.argv.slice(2);
const scratch =
  command !== 'up' && !process.env.MIGRATION_DATABASE_URL ? await startScratchDatabase() : undefined;
const url = scratch?.url ?? process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL must be set for `up`.');
  process.exit(2);
}
const orm = await openOrm(url, { poolMax: 2 });
let exitCode = 0;
try {
  await migrateUp(orm);
  if (command === 'create') {
    const result = await orm.migrator.create(undefined, false, false, name);
    console.log(
      result.fileName ? `created migrations/${result.fileName}` : 'no changes: entities match the migrations',
    );
  } else if (command === 'check') {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    if (diff.trim()) {
      console.error('Entities changed without a migration. Run `npm run migration:create`. Pending SQL:');
      console.error(diff);
      exitCode = 1;
    } else {
      console.log('migrations are up to date with the entities');
    }
  } else if (command === 'snapshot') {
    // The snapshot is what `create` diffs against; after a merge it must describe every migration again.
    await (orm.migrator as unknown as { storeCurrentSchema(): Promise<void> }).storeCurrentSchema();
    console.log('migrations/.snapshot.json rewritten from the entities');
  } else if (command === 'up') {
    console.log('migrations applied');
  } else {
    console.error(`unknown command ${command}: use create, check, snapshot or up`);
    exitCode = 2;
  }
} finally {
  await orm.close();
  await scratch?.stop();
}
process.exit(exitCode);
