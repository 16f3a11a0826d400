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

const databaseUrl = process.env.DATABASE_URL;
const secret = process.env.JWT_SECRET;
if (!databaseUrl || !secret) {
  console.error('floor-server: DATABASE_URL and JWT_SECRET are required');
  process.exit(2);
}
// The same pool size as the API's ORM (src/db/orm.ts), so neither side wins on connections.
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.FLOOR_POOL_MAX ?? 20) });
const tokens = createTokenService(secret);

const ROOMS = `select r.id, r.name, m.role from room_member m join room r on r.id = m.room_id
  where m.user_id = $1 order by r.created_at desc, r.id desc limit $2`;
const MEMBERS = `select m.room_id, u.display_name from room_member m join app_user u on u.id = m.user_id
  where m.room_id = any($1::uuid[]) order by m.created_at asc, m.id asc`;
const DOCUMENTS = `select r.id as room_id, d.title, d.status, d.page_count, d.chunk_count
  from unnest($1::uuid[]) r(id) cross join lateral (
    select title, status, page_count, chunk_count from document where room_id = r.id
    order by created_at desc, id desc limit 20) d`;
const QUIZZES = `select r.id as room_id, q.title, q.status
  from unnest($1::uuid[]) r(id) cross join lateral (
    select title, status from quiz where room_id = r.id order by created_at desc, id desc limit 10) q`;

type Row = Record<string, unknown> & { room_id: string };

function groupRows<T>(rows: Row[], shape: (row: Row) => T): Map<string, { node: T }[]> {
  const groups = new Map<string, { node: T }[]>();
  for (const row of rows) {
    const list = groups.get(row.room_id);
    if (list) list.push({ node: shape(row) });
    else groups.set(row.room_id, [{ node: shape(row) }]);
  }
  return groups;
}

async function dashboard(viewerId: string, first: number) {
  const rooms = await pool.query<{ id: string; name: string; role: string }>(ROOMS, [viewerId, first]);
  const ids = rooms.rows.map((room) => room.id);
  const [members, documents, quizzes] = await Promise.all([
    pool.query<Row>(MEMBERS, [ids]),
    pool.query<Row>(DOCUMENTS, [ids]),
    pool.query<Row>(QUIZZES, [ids]),
  ]);
  const membersByRoom = groupRows(members.rows, (row) => ({ user: { displayName: row.display_name } }));
  const documentsByRoom = groupRows(documents.rows, (row) => ({
    title: row.title,
    status: row.status,
    pageCount: row.page_count,
    chunkCount: row.chunk_count,
  }));
  const quizzesByRoom = groupRows(quizzes.rows, (row) => ({ title: row.title, status: row.status }));
  return {
    data: {
      rooms: {
        edges: rooms.rows.map((room) => ({
          node: {
            name: room.name,
            viewerRole: room.role,
            members: { edges: membersByRoom.get(room.id) ?? [] },
            documents: { edges: documentsByRoom.get(room.id) ?? [] },
            quizzes: { edges: quizzesByRoom.get(room.id) ?? [] },
          },
        })),
      },
    },
  };
}

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
      const payload = JSON.stringify(await dashboard(claims.userId, first));
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
