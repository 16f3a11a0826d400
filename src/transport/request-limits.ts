import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Services } from '../services.ts';
import { InvalidTokenError, resolveViewer } from './context.ts';

type BodyLimits = Pick<Config, 'UPLOAD_MAX_BYTES' | 'REQUEST_MAX_BYTES'>;

/** Room for a multipart request's operations, map and part headers around the file. */
export const MULTIPART_ENVELOPE_BYTES = 1024 * 1024;

const isMultipart = (contentType: string | null | undefined) =>
  !!contentType?.toLowerCase().startsWith('multipart/form-data');

/** The largest body accepted: an upload of UPLOAD_MAX_BYTES and its envelope, or REQUEST_MAX_BYTES of anything else. */
export function bodyLimit(config: BodyLimits, contentType: string | null | undefined) {
  return isMultipart(contentType)
    ? config.UPLOAD_MAX_BYTES + MULTIPART_ENVELOPE_BYTES
    : config.REQUEST_MAX_BYTES;
}

function tooLarge(config: BodyLimits, contentType: string | null | undefined) {
  const limit = bodyLimit(config, contentType);
  const why = isMultipart(contentType)
    ? `an upload of at most ${mib(config.UPLOAD_MAX_BYTES)} (UPLOAD_MAX_BYTES) and 1 MiB around it`
    : 'a request that is not an upload';
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${mib(limit)}, the most accepted for ${why}`,
    { limitBytes: limit, uploadMaxBytes: config.UPLOAD_MAX_BYTES, http: { status: 413 } },
  );
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Answers, before a byte of the body is read, a multipart POST without a valid token (only uploads are
 * multipart, and only members upload) and a POST whose Content-Length is over the limit: an anonymous
 * 20 MB upload was read to its end before it got UNAUTHENTICATED. Nothing of the body is parsed or
 * kept. Returns whether it answered.
 */
export async function refusedBeforeReading(
  req: IncomingMessage,
  res: ServerResponse,
  services: Services,
): Promise<boolean> {
  if (req.method !== 'POST') return false;
  const contentType = req.headers['content-type'];
  if (isMultipart(contentType) && !(await signedIn(services, req.headers.authorization))) {
    refuse(
      req,
      res,
      401,
      new AppError(
        'UNAUTHENTICATED',
        'Sign in to upload: a multipart request needs a valid Authorization: Bearer token',
      ),
    );
    return true;
  }
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > bodyLimit(services.config, contentType)) {
    refuse(req, res, 413, tooLarge(services.config, contentType));
    return true;
  }
  return false;
}

async function signedIn(services: Services, authorization: string | undefined) {
  try {
    return (await resolveViewer(services, authorization)) !== null;
  } catch (error) {
    if (error instanceof InvalidTokenError) return false;
    throw error;
  }
}

/** How long an unread body is discarded after an early answer before the connection is cut. */
export const LINGER_MS = 2000;

/**
 * Answers, then discards what the client is still sending (nothing is kept) for at most LINGER_MS and
 * cuts the connection: cut at once, a client still writing (fetch does not wait for 100-continue) gets
 * a reset before it has read the answer, and shows a network error instead of the message.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: AppError) {
  const { http: _http, ...extensions } = error.extensions;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
  const cut = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  req.once('end', () => clearTimeout(cut));
  req.resume();
}

/**
 * The same limits for a body without Content-Length (chunked): reading stops at the limit, and the
 * parser's failure (Yoga's "invalid multipart data") becomes PAYLOAD_TOO_LARGE. Replaces Yoga's own
 * limit (25 MB whatever UPLOAD_MAX_BYTES says, with a code outside the contract).
 */
export function useRequestBodyLimit(config: BodyLimits): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser || !request.body) return;
      const contentType = request.headers.get('content-type');
      const limit = bodyLimit(config, contentType);
      setRequestParser(async (original) => {
        // As Yoga does: a native body needs the native TransformStream, a ponyfilled one the ponyfill.
        const Transform =
          original.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
        let read = 0;
        const body = original.body!.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              if (read > limit) controller.error(tooLarge(config, contentType));
              else controller.enqueue(chunk);
            },
          }),
        );
        const init = { method: original.method, headers: original.headers, signal: original.signal, body };
        try {
          return await requestParser(
            new fetchAPI.Request(original.url, { ...init, duplex: 'half' } as RequestInit),
          );
        } catch (error) {
          if (read > limit) throw tooLarge(config, contentType);
          throw error;
        }
      });
    },
  };
}

/** A socket's operation over WS_MAX_OPERATIONS: 2,000 subscriptions on one socket were accepted. */
export const tooManyOperations = (config: Pick<Config, 'WS_MAX_OPERATIONS'>) =>
  new AppError(
    'RATE_LIMITED',
    `At most ${config.WS_MAX_OPERATIONS} operations at once on one socket: complete one first, or open another socket`,
    { limit: config.WS_MAX_OPERATIONS },
  );
