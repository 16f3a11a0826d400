/**
 * Why a provider answer failed, in words a person can act on: the message goes into the FAILED message's
 * metadata. `partialText` is what had already streamed (and was already delivered through onDelta).
 */
export type AnswerFailure =
  | 'RATE_LIMITED'
  | 'PROVIDER_ERROR'
  | 'REJECTED'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'STREAM_CUT';

export class AnswerProviderError extends Error {
  readonly failure: AnswerFailure;
  readonly partialText: string;
  /** Attempts made, the first included. */
  readonly attempts: number;

  constructor(
    failure: AnswerFailure,
    message: string,
    details: { partialText: string; attempts: number; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.name = 'AnswerProviderError';
    this.failure = failure;
    this.partialText = details.partialText;
    this.attempts = details.attempts;
  }
}
