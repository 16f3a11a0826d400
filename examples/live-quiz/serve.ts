/**
 * `npm run example:live`: builds the live quiz page with Vite and serves it on EXAMPLE_PORT (5173),
 * pointed at API_URL (http://localhost:4000/graphql) and API_WS_URL (the same URL with ws:). A page URL
 * may override both with `?api=` and `?ws=`. The browser test calls the same two functions.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT_DIR = join(here, 'dist');

/** Bundles index.html and src/ (TypeScript, the typed documents, graphql-ws) into outDir. */
export async function buildLiveQuiz(outDir = DEFAULT_OUT_DIR): Promise<string> {
  await build({
    root: here,
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  return outDir;
}

export interface ServeOptions {
  dir?: string;
  port?: number;
  host?: string;
  apiUrl?: string;
  wsUrl?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/** A static server for the built page; index.html gets the API location injected as JSON. */
export async function serveLiveQuiz(options: ServeOptions = {}) {
  const dir = options.dir ?? DEFAULT_OUT_DIR;
  const apiUrl = options.apiUrl ?? 'http://localhost:4000/graphql';
  const config = { httpUrl: apiUrl, wsUrl: options.wsUrl ?? apiUrl.replace(/^http/, 'ws') };
  // `<` escaped so the JSON cannot close the script element.
  const script = `<script type="application/json" id="live-quiz-config">${JSON.stringify(config).replaceAll('<', '\\u003c')}</script>`;
  const index = (await readFile(join(dir, 'index.html'), 'utf8')).replace('<!--live-quiz-config-->', script);

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path));
    const isAsset = path !== '/' && file.startsWith(dir + sep) && extname(file) !== '';
    if (isAsset && extname(file) !== '.html') {
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        return void res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end('not found');
      }
    }
    res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
    res.end(index);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5173, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : (options.host ?? '127.0.0.1')}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = await buildLiveQuiz();
  const served = await serveLiveQuiz({
    dir,
    port: Number(process.env.EXAMPLE_PORT ?? 5173),
    host: process.env.EXAMPLE_HOST ?? '127.0.0.1',
    apiUrl: process.env.API_URL,
    wsUrl: process.env.API_WS_URL,
  });
  console.log(`live quiz page at ${served.url} (host: ${served.url}#host, players: ${served.url}#play)`);
  const stop = () => void served.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
