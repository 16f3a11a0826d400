import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { ErrorCode } from '../errors.ts';

/** Characters of a client error's message a response or log line keeps. */
const CLIENT_MESSAGE_CHARACTERS = 500;
/** Characters of an internal error's message and stack a log line keeps. */
const LOGGED_CHARACTERS = 2000;

/**
 * Yoga's masking, with the logging decided here, once per error (Yoga's own error-level logging of
 * masked errors is turned down to debug in server.ts):
 * - a client's mistake (an AppError, a parse, validation, variable or multipart error, Pothos's input
 *   validation) goes back with a contract code and a bounded message, and is logged at debug, one line;
 * - anything else is masked and logged at error with its stack, bounded: a 5 MB ID used to give 15.7 MB
 *   of log, each PothosValidationError an error-level stack, each internal error two lines.
 */
export function createErrorMasker(logger: Logger) {
  return (error: unknown, message: string, isDev?: boolean) => {
    const client = clientError(error);
    if (client) {
      logger.debug({ code: client.extensions.code, message: client.message }, 'client error');
      return client;
    }
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    logger.error({ err: boundedError(original) }, 'unexpected error in an operation');
    if (error instanceof GraphQLError && raisedAsGraphQLError(error))
      return new GraphQLError(message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true },
      });
    return maskError(error, message, isDev);
  };
}

/** The error as the client should see it when the client caused it, else null. */
function clientError(error: unknown): GraphQLError | null {
  if (!(error instanceof GraphQLError)) return null;
  if (error.originalError instanceof PothosValidationError) return withCode(error, 'BAD_USER_INPUT');
  if (!raisedAsGraphQLError(error)) return null;
  const code = error.extensions.code;
  if (typeof code === 'string') return withCode(error, code);
  // Without a code and outside execution: the request itself (multipart, JSON body, variables) is wrong.
  // Without a code inside execution: a library's invariant broke, which is ours to fix.
  if (error.path) return null;
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  return withCode(error, STATUS_CODES[status ?? 400] ?? 'BAD_USER_INPUT');
}

/** The contract's code for a request refused before execution, by its HTTP status (CSRF prevention: 403). */
const STATUS_CODES: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  413: 'PAYLOAD_TOO_LARGE',
};

/** Thrown as a GraphQLError (ours or a library's), not wrapping some other error. */
function raisedAsGraphQLError(error: GraphQLError): boolean {
  const original = error.originalError;
  return original == null || (original instanceof GraphQLError && raisedAsGraphQLError(original));
}

function withCode(error: GraphQLError, code: ErrorCode | string): GraphQLError {
  if (error.extensions.code === code && error.message.length <= CLIENT_MESSAGE_CHARACTERS) return error;
  return new GraphQLError(bounded(error.message, CLIENT_MESSAGE_CHARACTERS), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

function bounded(text: string, characters: number): string {
  return text.length <= characters ? text : `${text.slice(0, characters)}… (${text.length} characters)`;
}

/** What pino's error serializer needs, with the message (and the stack that repeats it) bounded. */
function boundedError(error: unknown) {
  if (!(error instanceof Error)) return { message: bounded(String(error), LOGGED_CHARACTERS) };
  const message = bounded(error.message, LOGGED_CHARACTERS);
  const frames = error.stack?.includes(error.message)
    ? error.stack.replace(error.message, message)
    : error.stack;
  return {
    type: error.name,
    message,
    stack: frames && bounded(frames, LOGGED_CHARACTERS * 2),
    ...('code' in error && typeof error.code === 'string' ? { code: error.code } : {}),
  };
}
