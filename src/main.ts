import { bootstrap, createLogger } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createApiServer } from './transport/server.ts';

const startedAt = Date.now();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config);
const app = await bootstrap(config, logger);
const api = config.ROLE === 'worker' ? undefined : createApiServer(app.services);
if (api) {
  const port = await api.listen(config.PORT, config.HOST);
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url, startupMs: Date.now() - startedAt }, 'API ready');
  if (config.NODE_ENV !== 'production') console.log(`GraphiQL: ${url}`);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await api?.close();
  await app.shutdown();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
