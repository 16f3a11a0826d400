import { type Config, loadConfig } from './config.ts';
import { startDatabase } from './db/database.ts';
import { createLogger, prettyLogs } from './logger.ts';
import { errorCode, StartupError, startupFailureLines } from './startup-error.ts';
import type { ApiServer } from './transport/server.ts';

const startedAt = Date.now();

// A signal that arrives while starting is acted on once the start settles, so nothing is left half
// made (an initdb cut short, an embedded PostgreSQL running without us); a second one exits at once.
let stop: ((signal: string) => Promise<void>) | undefined;
let pendingSignal: string | undefined;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stop) void stop(signal);
    else if (pendingSignal) process.exit(130);
    else {
      pendingSignal = signal;
      console.error('Stopping as soon as the start is complete (press Ctrl-C again to exit at once).');
    }
  });
}

let config: Config | undefined;
try {
  config = loadConfig();
  const logger = createLogger(config);
  // The embedded database starts (initdb on a first run: seconds, in child processes) while the schema
  // and the services load; those load only once the configuration is known good, so a bad value is
  // reported at once. A DATABASE_URL is checked before loading, for the same reason (and because
  // loading blocks the event loop for seconds, which would fire the connect timeout first).
  const database = startDatabase(config, logger);
  if (config.DATABASE_URL) await database;
  const modules = Promise.all([
    import('./bootstrap.ts'),
    import('./transport/server.ts'),
    import('./banner.ts'),
  ]).catch(async (error) => {
    await database.then(
      (started) => started.stop(),
      () => {},
    );
    throw error;
  });
  const [[{ bootstrap }, { createApiServer }, { bannerLines, formatBanner }], started] = await Promise.all([
    modules,
    database,
  ]);
  const app = await bootstrap(config, logger, started);
  let api: ApiServer | undefined;
  let url: string | undefined;
  try {
    if (config.ROLE !== 'worker') {
      api = createApiServer(app.services);
      url = `http://localhost:${await listen(api, config)}/graphql`;
    }
  } catch (error) {
    await app.shutdown();
    throw error;
  }
  let stopping = false;
  stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await api?.close();
    await app.shutdown();
    process.exit(0);
  };
  const startupMs = Date.now() - startedAt;
  const banner = bannerLines({
    config,
    database: app.database,
    embedder: app.services.embedders.status,
    vectorStore: app.services.vectorStore,
    reranker: app.services.reranker,
    answerEngine: app.answerEngine,
    url,
  });
  // The block for the person at a terminal (and in development); the same facts as one JSON line for
  // log collectors, where the block would be noise.
  const pretty = prettyLogs(config);
  if (config.NODE_ENV !== 'production' || pretty) {
    const title = `Study Room ${config.ROLE === 'worker' ? 'worker' : 'API'} ready in ${(startupMs / 1000).toFixed(1)} s`;
    process.stdout.write(`\n${formatBanner(title, banner)}\n\n`);
  }
  const running = pretty
    ? {}
    : { running: Object.fromEntries(banner.map((line) => [line.label, line.value])) };
  logger.info({ url, startupMs, ...running }, url ? 'API ready' : 'started');
  if (pendingSignal) void stop(pendingSignal);
} catch (error) {
  for (const line of startupFailureLines(error)) console.error(line);
  if (config?.LOG_LEVEL === 'debug' || config?.LOG_LEVEL === 'trace') console.error(error);
  process.exit(1);
}

async function listen(api: ApiServer, config: Config): Promise<number> {
  try {
    return await api.listen(config.PORT, config.HOST);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EADDRINUSE') {
      throw new StartupError(
        `Port ${config.PORT} (PORT) is in use by another process: stop it, or set PORT to a free port.`,
      );
    }
    if (code === 'EACCES') {
      throw new StartupError(`Port ${config.PORT} (PORT) needs privileges: set PORT to 1024 or above.`);
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new StartupError(
        `HOST ${config.HOST} is not an address of this machine: set HOST, e.g. 0.0.0.0.`,
      );
    }
    throw error;
  }
}
