import { ConfigError } from '../config.ts';
import { describeError, StartupError } from '../startup-error.ts';
import { BackupError } from './backup.ts';

/** The one line `npm run backup` / `restore` / `reindex` print when they fail: what a person can fix, as it is. */
export function failureLine(command: 'backup' | 'restore' | 'reindex', error: unknown): string {
  if (error instanceof BackupError || error instanceof StartupError) return error.message;
  if (error instanceof ConfigError) return error.message.split('\n').join(' ');
  return `${command} failed: ${describeError(error).split('\n')[0]}`;
}
