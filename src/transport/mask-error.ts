import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import type { Logger } from 'pino';

/**
 * Yoga's masking, plus: Pothos's own input validation errors (a global ID of the wrong type, say) get the
 * contract's BAD_USER_INPUT code, and every masked error is logged with its stack.
 */
export function createErrorMasker(logger: Logger) {
  return (error: unknown, message: string, isDev?: boolean) => {
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    if (original instanceof PothosValidationError && error instanceof GraphQLError) {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { ...original.extensions, code: 'BAD_USER_INPUT' },
      });
    }
    const masked = maskError(error, message, isDev);
    if (masked !== error) logger.error({ err: original }, 'unexpected error in an operation');
    return masked;
  };
}
