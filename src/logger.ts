import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.ts';

/** Whether logs are human-readable: LOG_FORMAT when set, else only when stdout is a terminal. */
export function prettyLogs(config: Pick<Config, 'LOG_FORMAT'>): boolean {
  return config.LOG_FORMAT ? config.LOG_FORMAT === 'pretty' : process.stdout.isTTY === true;
}

/**
 * JSON lines for machines (pipes, files, log shippers); pino-pretty on a terminal. The pretty stream
 * writes synchronously so a line logged just before `process.exit` is not lost.
 */
export function createLogger(config: Config): Logger {
  const options = {
    level: config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL,
    base: { role: config.ROLE },
  };
  if (!prettyLogs(config)) return pino(options);
  return pino(
    options,
    pretty({
      sync: true,
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'role',
    }),
  );
}
