import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE';

/**
 * The one error family the API shows to clients. Anything that is not an AppError is masked by Yoga,
 * so internal messages never reach the schema.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Sign in to do this');
export const forbidden = (why = 'You are not allowed to do this') => new AppError('FORBIDDEN', why);
export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});
/** Over a rate limit: `retryAfterSeconds` in extensions says when to try again. */
export const rateLimited = (message: string, retryAfterMs: number, details: Record<string, unknown> = {}) =>
  new AppError('RATE_LIMITED', message, {
    ...details,
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });
