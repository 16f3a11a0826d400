/**
 * The floor for the API benchmark: the dashboard's JSON served by hand-written SQL through plain
 * `node:http` and a `pg` Pool — no GraphQL, no ORM, no DataLoader. It does the work the API must also do
 * (verify the bearer token, read the viewer's rooms page, then members, documents and quizzes of those
 * rooms in three parallel statements) and nothing else, so API/floor is the price of the framework.
 *
 * `DATABASE_URL=... JWT_SECRET=... node bench/floor-server.ts` prints `{"url": ...}` once listening.
 * POST any path with `{"variables": {"first": N}}` (default 20, like `rooms(first:)`).
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { bearerToken, createTokenService } from '../src/auth/tokens.ts';
import { floorDashboard } from './lib/floor-dashboard.ts';

const databaseUrl = process.env.DATABASE_URL;
const secret = process.env.JWT_SECRET;
if (!databaseUrl || !secret) {
  console.error('floor-server: DATABASE_URL and JWT_SECRET are required');
  process.exit(2);
}
// The same pool size as the API's ORM (src/db/orm.ts), so neither side wins on connections.
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.FLOOR_POOL_MAX ?? 20) });
const tokens = createTokenService(secret);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const token = bearerToken(req.headers.authorization);
      const claims = token ? await tokens.verify(token) : null;
      if (!claims) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"errors":[{"message":"unauthenticated"}]}');
      }
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const first = Math.min(100, Number(body?.variables?.first ?? 20));
      const payload = JSON.stringify(await floorDashboard(pool, claims.userId, first));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(payload);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }),
      );
    }
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/dashboard` }));
});

const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
