import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createLoaders, type Loaders } from '../../loaders/index.ts';
import { bearerToken } from '../auth/tokens.ts';
import type { Services } from '../services.ts';

export interface Viewer {
  id: string;
}

export interface Context {
  em: EntityManager;
  /** Carries the request id (from `x-request-id` or generated) on every line. */
  logger: Logger;
  viewer: Viewer | null;
  /** The WebSocket the operation came over (null over HTTP): per-socket rate limits key on it. */
  socketId: string | null;
  loaders: Loaders;
  services: Services;
  /**
   * Aborted when the operation's client is gone: a subscription completed or its socket closed, an SSE
   * or HTTP request disconnected. Subscriptions (`liveSubscription`) end on it.
   */
  signal: AbortSignal;
  /**
   * Replaces `em` and `loaders` with fresh ones. Every subscription event starts with it, so an event never
   * sees the identity map or loader cache of the events before it.
   */
  refresh(): Context;
}

/** Thrown for a token that is present but invalid; HTTP answers UNAUTHENTICATED, WebSocket closes 4403. */
export class InvalidTokenError extends Error {}

export async function resolveViewer(services: Services, authorization: unknown): Promise<Viewer | null> {
  const token = bearerToken(authorization);
  if (authorization != null && authorization !== '' && !token)
    throw new InvalidTokenError('Malformed authorization');
  if (!token) return null;
  const claims = await services.tokens.verify(token);
  if (!claims) throw new InvalidTokenError('Invalid or expired token');
  return { id: claims.userId };
}

export function createContext(
  services: Services,
  viewer: Viewer | null,
  logger = services.logger,
  signal: AbortSignal = new AbortController().signal,
  socketId: string | null = null,
): Context {
  const batching = services.config.DATALOADER_BATCHING === 'on';
  const context: Context = {
    em: services.orm.em.fork() as EntityManager,
    logger,
    viewer,
    signal,
    socketId,
    loaders: undefined as never,
    services,
    // `this`, not the closure: envelop hands resolvers a copy of the context object.
    refresh(this: Context) {
      this.em = services.orm.em.fork() as EntityManager;
      this.loaders = createLoaders(this.em, viewer?.id ?? null, batching);
      return this;
    },
  };
  context.loaders = createLoaders(context.em, viewer?.id ?? null, batching);
  return context;
}
