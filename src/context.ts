import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { createLoaders, type Loaders } from '../loaders/index.ts';
import type { SignInLimiter } from './auth/sign-in-limiter.ts';
import type { TokenService } from './auth/tokens.ts';
import { bearerToken } from './auth/tokens.ts';
import type { Config } from './config.ts';
import type { PubSub } from './pubsub.ts';
import type { Embedder, VectorStore } from './retrieval/ports.ts';

/** Long-lived collaborators, built once at start and handed to every operation. */
export interface Services {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  tokens: TokenService;
  signInLimiter: SignInLimiter;
  pubsub: PubSub;
  queue: PgBoss;
  embedder: Embedder;
  vectorStore: VectorStore;
}

export interface Viewer {
  id: string;
}

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  services: Services;
  /** A fresh em and loaders, for work that must not see this operation's identity map (subscription events). */
  fresh(): { em: EntityManager; loaders: Loaders };
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

export function createContext(services: Services, viewer: Viewer | null): Context {
  const em = services.orm.em.fork() as EntityManager;
  const fresh = () => {
    const forked = services.orm.em.fork() as EntityManager;
    return { em: forked, loaders: createLoaders(forked, viewer?.id ?? null) };
  };
  return { em, viewer, loaders: createLoaders(em, viewer?.id ?? null), services, fresh };
}
