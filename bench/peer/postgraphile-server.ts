/**
 * The peer for the API benchmark: the same dashboard data served by PostGraphile 5 (Amber preset, grafserv
 * on node:http) over the same seeded database. It verifies the bearer token with the same token service as
 * the API and the floor and hands the viewer to PostgreSQL as `jwt.claims.sub` (PostGraphile's documented
 * way, pgSettings), which `viewer_rooms()` (bench/peer/viewer-rooms.sql, installed at start) reads.
 * Columns without an index are made orderable (PgIndexBehaviorsPlugin off) so lists can be ordered as the
 * API orders them; mutations are left as Amber builds them (never called).
 *
 * `DATABASE_URL=... JWT_SECRET=... node bench/peer/postgraphile-server.ts` prints `{"url": ...}` once
 * listening. POST `{ query: PEER_DASHBOARD, variables: { first } }` to it (bench/peer/dashboard.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { bearerToken, createTokenService } from '../../src/auth/tokens.ts';

const databaseUrl = process.env.DATABASE_URL;
const secret = process.env.JWT_SECRET;
if (!databaseUrl || !secret) {
  console.error('postgraphile-server: DATABASE_URL and JWT_SECRET are required');
  process.exit(2);
}
const setup = new pg.Client({ connectionString: databaseUrl });
await setup.connect();
await setup.query(readFileSync(new URL('./viewer-rooms.sql', import.meta.url), 'utf8'));
await setup.end();

const tokens = createTokenService(secret);
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.PEER_POOL_MAX ?? 20) });
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafast: {
    async context(requestContext) {
      const token = bearerToken(requestContext.node?.req.headers.authorization);
      const claims = token ? await tokens.verify(token) : null;
      return { pgSettings: claims ? { 'jwt.claims.sub': claims.userId } : {} };
    },
  },
  grafserv: { graphqlPath: '/graphql', graphiql: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
await pgl.getSchema();

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/graphql` }));
});

const stop = () =>
  server.close(() => void Promise.resolve(pgl.release()).then(() => pool.end().then(() => process.exit(0))));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
