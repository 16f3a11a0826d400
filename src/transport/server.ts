import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import { schema } from '../../schema/index.ts';
import { clientAddress, trustedProxies } from '../auth/client-address.ts';
import { AppError } from '../errors.ts';
import { QUEUES } from '../jobs/queue.ts';
import type { Services } from '../services.ts';
import { ACCOUNT_EXPORT_PATH, respondAccountExport } from './account-export-file.ts';
import {
  type Context,
  createContext,
  InvalidTokenError,
  resolveViewer,
  stillSignedIn,
  type Viewer,
} from './context.ts';
import { DOCUMENT_FILE_PATH, respondDocumentFile } from './document-file.ts';
import { useQueryLimits } from './graphql-limits.ts';
import { useInputTextCheck } from './input-text.ts';
import { createErrorMasker } from './mask-error.ts';
import { useOperationMetrics } from './metrics-plugin.ts';
import { corsFor, originPolicy } from './origins.ts';
import { refusedBeforeReading, tooManyOperations, useRequestBodyLimit } from './request-limits.ts';
import { useSqlStatementCount } from './sql-count-plugin.ts';

type WsExtra = {
  viewer?: Viewer | null;
  /** Each operation's signal, aborted when it completes or the socket closes (ends its subscription). */
  operations?: Map<string, AbortController>;
  signal?: AbortSignal;
  socketId?: string;
};

type InitialContext = YogaInitialContext & {
  connectionParams?: Record<string, unknown>;
  extra?: WsExtra;
  /** Node's request: over HTTP from the node adapter, over WebSocket the upgrade request. */
  req?: IncomingMessage;
};

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * The HTTP + WebSocket server, built without listening so tests start it on a random port. HTTP and
 * WebSocket operations share Yoga's envelop (plugins, limits, context factory).
 */
export function createApiServer(services: Services, options: { readiness?: ReadinessCheck[] } = {}) {
  const { config, logger } = services;
  const proxies = trustedProxies(config.TRUST_PROXY);
  const addressOf = (req: IncomingMessage | undefined) =>
    clientAddress(req?.socket.remoteAddress, req?.headers['x-forwarded-for'], proxies);
  const origins = originPolicy(config);
  const yoga = createYoga<InitialContext, Context>({
    schema,
    cors: corsFor(origins),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // useRequestBodyLimit replaces it: the limit follows UPLOAD_MAX_BYTES, with the contract's code.
    maxRequestBodySize: false,
    // The bundled GraphiQL: no CDN, so it works offline and behind strict networks.
    renderGraphiQL,
    maskedErrors: { maskError: createErrorMasker(logger) },
    graphiql:
      config.NODE_ENV === 'production'
        ? false
        : { title: 'Study Room API', subscriptionsProtocol: 'WS', shouldPersistHeaders: true },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      // Yoga logs at error only the errors it masks, which the masker has logged once already.
      error: (...args) => logger.debug(args.map(String).join(' ').slice(0, 500)),
    },
    plugins: [
      // Queries run as compiled JS (graphql-jit, cached per document): a third less CPU for list-heavy
      // operations than graphql-js's interpreter (bench/api.ts). Mutations keep graphql-js: it runs their
      // fields one after another and stops at the first failure, so a response names exactly what ran
      // (graphql-jit ran the fields after a failure and still answered data: null). Subscriptions keep
      // it too; their events are small.
      useGraphQlJit({}, { enableIf: (args) => operationType(args.document, args.operationName) === 'query' }),
      useRequestBodyLimit(config),
      // A POST a form could send (urlencoded, multipart, text/plain) needs a header no form can set: the
      // Authorization header or x-graphql-yoga-csrf. Browsers preflight those, and CORS decides.
      useCSRFPrevention({ requestHeaders: ['authorization', 'x-graphql-yoga-csrf'] }),
      ...useQueryLimits(config),
      useInputTextCheck(),
      useOperationMetrics(services.metrics, config.METRICS_OPERATION_NAMES),
      ...(config.NODE_ENV === 'production' ? [] : [useSqlStatementCount()]),
    ],
    context: async (initial) => {
      const viewer =
        initial.extra?.viewer !== undefined
          ? initial.extra.viewer
          : await resolveViewer(services, initial.request.headers.get('authorization')).catch((error) => {
              if (error instanceof InvalidTokenError) throw new AppError('UNAUTHENTICATED', error.message);
              throw error;
            });
      const requestId = initial.request?.headers.get('x-request-id') ?? randomUUID();
      return createContext(services, viewer, {
        logger: logger.child({ requestId, viewer: viewer?.id }),
        signal: initial.extra?.signal ?? initial.request.signal,
        clientAddress: addressOf(initial.req),
        socketId: initial.extra?.socketId ?? null,
      });
    },
  });

  const readiness: ReadinessCheck[] = [
    { name: 'database', check: async () => void (await services.orm.em.getConnection().execute('select 1')) },
    { name: 'vector store', check: () => services.vectorStore.ping() },
    { name: 'job queue', check: async () => void (await services.queue.getQueue(QUEUES.ingest)) },
    ...(options.readiness ?? []),
  ];

  const server = createHttpServer((req, res) => {
    const path = req.url?.split('?')[0];
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') return void respondReadiness(res, readiness);
    if (path === '/metrics') return void respondMetrics(res, services);
    const file = DOCUMENT_FILE_PATH.exec(path ?? '');
    if (file && (req.method === 'GET' || req.method === 'HEAD'))
      return void respondDocumentFile(req, res, yoga, services, file[1]!).catch((error: unknown) => {
        logger.error({ err: error }, 'document file failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    const exported = ACCOUNT_EXPORT_PATH.exec(path ?? '');
    if (exported && (req.method === 'GET' || req.method === 'HEAD'))
      return void respondAccountExport(req, res, services, exported[1]!).catch((error: unknown) => {
        logger.error({ err: error }, 'data export failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    const requestId = req.headers['x-request-id'];
    res.setHeader('x-request-id', typeof requestId === 'string' ? requestId : randomUUID());
    if (typeof requestId !== 'string') req.headers['x-request-id'] = res.getHeader('x-request-id') as string;
    void refusedBeforeReading(req, res, services).then(
      (refused) => (refused ? undefined : yoga(req, res)),
      (error: unknown) => {
        logger.error({ err: error }, 'request gate failed');
        if (!res.headersSent) res.writeHead(500, { connection: 'close' }).end();
      },
    );
  });

  // noServer: attached with `server`, ws re-emits the HTTP server's errors (a taken port) on itself, and
  // graphql-ws prints those with a stack; a listen error belongs to `listen` alone.
  // ws's default (100 MiB) let a 90 MB frame be read and parsed; a larger one closes the socket (1009).
  const wss = new WebSocketServer({
    noServer: true,
    path: '/graphql',
    maxPayload: config.WS_MAX_PAYLOAD_BYTES,
    // A page of another origin must not ride a user's socket: the Origin is checked as for CORS.
    verifyClient: ({ origin, req }, done) =>
      done(origins.allows(origin, req.headers.host), 403, 'Origin not allowed'),
  });
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req)),
  );
  const ws = useServer<Record<string, unknown>, WsExtra>(
    {
      onConnect: async (ctx) => {
        services.metrics.websocketConnections.inc();
        ctx.extra.socketId = randomUUID();
        const operations = new Map<string, AbortController>();
        ctx.extra.operations = operations;
        ctx.extra.socket.once('close', () => {
          services.metrics.websocketConnections.dec();
          for (const operation of operations.values()) operation.abort();
          operations.clear();
        });
        try {
          ctx.extra.viewer = await resolveViewer(services, ctx.connectionParams?.authorization);
        } catch (error) {
          if (error instanceof InvalidTokenError) return false; // graphql-ws closes with 4403 Forbidden
          throw error;
        }
        if (ctx.extra.viewer) signedInSockets.track(ctx.extra.socket, ctx.extra.viewer);
        return true;
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, id, params) => {
        // graphql-ws holds each operation, this one and those still starting included, until it ends.
        if (Object.keys(ctx.subscriptions).length > config.WS_MAX_OPERATIONS)
          return [tooManyOperations(config)];
        // GraphiQL sends its headers with each operation (extensions.headers), not as connection params.
        const headers = params.extensions?.headers as Record<string, unknown> | undefined;
        const authorization = headers?.authorization ?? headers?.Authorization;
        let viewer = ctx.extra.viewer ?? null;
        // The connection's token may have been revoked on another instance a moment ago.
        if (viewer && !(await stillSignedIn(services, viewer))) {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Token revoked or expired');
          return [new AppError('UNAUTHENTICATED', 'Invalid or expired token')];
        }
        if (!viewer && authorization) {
          viewer = await resolveViewer(services, authorization).catch(() => null);
          if (!viewer) return [new AppError('UNAUTHENTICATED', 'Invalid or expired token')];
        }
        const operation = new AbortController();
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          extra: { viewer, signal: operation.signal, socketId: ctx.extra.socketId },
        } as never);
        const document = enveloped.parse(params.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        ctx.extra.operations?.set(id, operation);
        services.metrics.subscriptions.inc();
        return {
          schema: enveloped.schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
      // A `complete` from the client and a closing socket both call the result's return(): abort the
      // operation's signal first, so whatever its subscription waits on ends now, not at the next event.
      onOperation: (ctx, id, _params, _args, result) => {
        const operation = ctx.extra.operations?.get(id);
        if (operation && isAsyncIterable(result)) return abortingOnReturn(result, operation);
      },
      onComplete: (ctx, id) => {
        services.metrics.subscriptions.dec();
        ctx.extra.operations?.get(id)?.abort();
        ctx.extra.operations?.delete(id);
      },
    },
    wss,
  );
  const signedInSockets = new SignedInSockets();
  // Tokens revoked on any instance (signOut, changePassword): their sockets here close now.
  const revocations = services.pubsub.subscribe('user:tokens-revoked');
  void (async () => {
    for await (const { userId, version } of revocations) {
      services.tokenVersions.set(userId, version);
      signedInSockets.revoke(userId, version);
    }
  })();

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    yoga,
    server,
    websocketClients: () => wss.clients.size,
    listen(port: number, host = '0.0.0.0'): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    /** Stop accepting, complete every subscription (close 1001), let in-flight HTTP finish, then stop. */
    async close(graceMs = 10_000): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await revocations.return();
      await ws.dispose();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

export type ApiServer = ReturnType<typeof createApiServer>;

/** The type of the operation that will run (the named one, or the only one). */
function operationType(document: DocumentNode, operationName?: string | null) {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || definition.name?.value === operationName),
  );
  return operation?.operation;
}

/**
 * The sockets signed in with a connection token, by user: each closes (4403) when its token expires,
 * and all of a user's close when their tokens are revoked.
 */
class SignedInSockets {
  private readonly byUser = new Map<string, Map<WebSocket, number>>();

  track(socket: WebSocket, viewer: Viewer) {
    const sockets = this.byUser.get(viewer.id) ?? new Map<WebSocket, number>();
    sockets.set(socket, viewer.tokenVersion);
    this.byUser.set(viewer.id, sockets);
    // setTimeout holds at most ~24.8 days; tokens live 7.
    const remaining = Math.min(viewer.tokenExpiresAt.getTime() - Date.now(), 2 ** 31 - 1);
    const expiry = setTimeout(
      () => socket.close(CloseCode.Forbidden, 'Token expired'),
      Math.max(0, remaining),
    );
    socket.once('close', () => {
      clearTimeout(expiry);
      sockets.delete(socket);
      if (sockets.size === 0 && this.byUser.get(viewer.id) === sockets) this.byUser.delete(viewer.id);
    });
  }

  revoke(userId: string, version: number) {
    for (const [socket, tokenVersion] of this.byUser.get(userId) ?? []) {
      if (tokenVersion < version) socket.close(CloseCode.Forbidden, 'Token revoked');
    }
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** The same stream, whose return() (and throw()) first aborts the operation. */
function abortingOnReturn<T>(stream: AsyncIterable<T>, operation: AbortController): AsyncGenerator<T> {
  const iterator = stream[Symbol.asyncIterator]();
  const wrapped: AsyncGenerator<T> = {
    [Symbol.asyncIterator]: () => wrapped,
    next: () => iterator.next(),
    return: async (value) => {
      operation.abort();
      return (await iterator.return?.(value)) ?? { done: true, value: undefined };
    },
    throw: async (error) => {
      operation.abort();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncDispose]: async () => void (await wrapped.return(undefined)),
  };
  return wrapped;
}

type Enveloped = ReturnType<ReturnType<typeof createYoga>['getEnveloped']>;

function json(res: ServerResponse<IncomingMessage>, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function respondReadiness(res: ServerResponse<IncomingMessage>, checks: ReadinessCheck[]) {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), 3000);
        return { name, ok: true as const };
      } catch (error) {
        return { name, ok: false as const, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  const failing = results.filter((result) => !result.ok);
  json(res, failing.length ? 503 : 200, {
    status: failing.length ? 'unavailable' : 'ready',
    failing: failing.map((result) => result.name),
    checks: results,
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}

async function respondMetrics(res: ServerResponse<IncomingMessage>, services: Services) {
  const body = await services.metrics.registry.metrics();
  res.writeHead(200, { 'content-type': services.metrics.registry.contentType });
  res.end(body);
}
