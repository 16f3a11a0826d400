/** `print` writes schema/schema.graphql (sorted SDL); `check` fails when the checked-in copy is stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../schema/index.ts';

const file = new URL('../schema/schema.graphql', import.meta.url);
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
const mode = process.argv[2] ?? 'check';

if (mode === 'print') {
  writeFileSync(file, printed);
  console.log('wrote schema/schema.graphql');
} else {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current !== printed) {
    console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
}
process.exit(0);
