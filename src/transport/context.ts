import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createLoaders, type Loaders } from '../../loaders/index.ts';
import { bearerToken } from '../auth/tokens.ts';
import type { Services } from '../services.ts';

export interface Viewer {
  id: string;
  /** The token's version and expiry: a WebSocket closes when either stops being good. */
  tokenVersion: number;
  tokenExpiresAt: Date;
}

export interface Context {
  em: EntityManager;
  /** Carries the request id (from `x-request-id` or generated) on every line. */
  logger: Logger;
  viewer: Viewer | null;
  /** The WebSocket the operation came over (null over HTTP): per-socket rate limits key on it. */
  socketId: string | null;
  /** The client's address (X-Forwarded-For only from TRUST_PROXY proxies): sign-in and sign-up limits. */
  clientAddress: string;
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
  const version = await services.tokenVersions.current(claims.userId);
  // A deleted user's token, or one issued before signOut or a password change.
  if (version === null || version !== claims.version) throw new InvalidTokenError('Invalid or expired token');
  return { id: claims.userId, tokenVersion: claims.version, tokenExpiresAt: claims.expiresAt };
}

/** Whether a viewer's token is still the user's current one (signOut or a password change ends it). */
export async function stillSignedIn(services: Services, viewer: Viewer): Promise<boolean> {
  return (
    viewer.tokenExpiresAt.getTime() > Date.now() &&
    (await services.tokenVersions.current(viewer.id)) === viewer.tokenVersion
  );
}

export function createContext(
  services: Services,
  viewer: Viewer | null,
  options: { logger?: Logger; signal?: AbortSignal; clientAddress?: string; socketId?: string | null } = {},
): Context {
  const {
    logger = services.logger,
    signal = new AbortController().signal,
    clientAddress = 'unknown',
    socketId = null,
  } = options;
  const batching = services.config.DATALOADER_BATCHING === 'on';
  const context: Context = {
    em: services.orm.em.fork() as EntityManager,
    logger,
    viewer,
    clientAddress,
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
