import { ConfigError } from './config.ts';

/**
 * A start-up failure the user can fix. Its message is one line saying what failed and what to do;
 * main.ts prints it alone (no stack) and exits with 1.
 */
export class StartupError extends Error {}

/** The line main.ts prints for any error that stops the start: never a stack, never `undefined`. */
export function startupFailureLines(error: unknown): string[] {
  if (error instanceof StartupError) return [error.message];
  if (error instanceof ConfigError) {
    // One line per bad variable, each standing alone.
    const [, ...lines] = error.message.split('\n');
    return lines.map((line) => `Invalid configuration: ${line}`);
  }
  return [`Start-up failed: ${describeError(error)}. Run with LOG_LEVEL=debug to see where.`];
}

/** A readable message for anything thrown, including AggregateErrors (empty message) and non-errors. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    return [...new Set(error.errors.map(describeError))].join('; ') || 'unknown error';
  }
  if (error instanceof Error) return error.message || error.name;
  if (error === undefined || error === null) return 'unknown error (nothing was thrown with it)';
  return String(error);
}

/** `code` of a Node or pg error, looking inside an AggregateError (Node tries every address of a host). */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  if (error instanceof AggregateError) return error.errors.map(errorCode).find(Boolean);
  return undefined;
}
