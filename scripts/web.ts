/**
 * `npm run example:web` (from the repository root): installs the app on first use, generates its typed
 * documents, and starts the Next.js dev server against API_URL (default http://localhost:4000/graphql)
 * on WEB_PORT (3000). `npm run example:web:build` makes the production build; `-- --production`
 * serves that build instead of the dev server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'web');
const mode = process.argv.includes('--build')
  ? 'build'
  : process.argv.includes('--production')
    ? 'start'
    : 'dev';
const env = {
  ...process.env,
  API_URL: process.env.API_URL || 'http://localhost:4000/graphql',
  NEXT_TELEMETRY_DISABLED: '1',
};

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: here, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(join(here, 'node_modules', 'next'))) {
  console.log('first run: installing the web app (examples/web) …');
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
}
run('npm', ['run', '-s', 'codegen']);
if (mode === 'build') {
  run('npx', ['next', 'build']);
  process.exit(0);
}
if (mode === 'start' && !existsSync(join(here, '.next', 'BUILD_ID'))) run('npx', ['next', 'build']);

const port = process.env.WEB_PORT || '3000';
const host = process.env.WEB_HOST || 'localhost';
const server = spawn('npx', ['next', mode, '--port', port, '--hostname', host], {
  cwd: here,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (/Ready in|ready started|✓ Ready/.test(chunk.toString()))
    console.log(`\nStudy Room web app at http://${host}:${port}/ (API: ${env.API_URL})\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
