/**
 * PostGraphile is the dashboard benchmark's peer (bench/peer/), nothing more: a devDependency that no code
 * outside bench/ imports, so the product never ships or starts it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('keeps postgraphile a devDependency imported only under bench/', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
  expect(manifest.devDependencies?.postgraphile).toMatch(/^\d+\.\d+\.\d+$/);
  expect(manifest.dependencies?.postgraphile).toBeUndefined();

  const tracked = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mts', '*.js', '*.mjs'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  const importers = tracked.filter((file) =>
    /from ['"]postgraphile(\/[^'"]*)?['"]|import\(['"]postgraphile/.test(readFileSync(file, 'utf8')),
  );
  expect(importers.length).toBeGreaterThan(0);
  expect(importers.filter((file) => !file.startsWith('bench/'))).toEqual([]);
});
