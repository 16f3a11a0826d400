/**
 * The dashboard's JSON from hand-written SQL and a `pg` Pool, with no GraphQL, ORM or DataLoader: the
 * floor the API is measured against (bench/floor-server.ts serves it over node:http). It reads the viewer's
 * rooms page, then members, documents and quizzes of those rooms in three parallel statements: the same 4
 * statements the API sends, with the API's access rules (rooms of ACTIVE memberships; ACTIVE members, and
 * pending invitations for an owner; MEMBERS documents, and EDITORS ones for editors and owners).
 */
import type pg from 'pg';

const ROOMS = `select r.id, r.name, m.role from room_member m join room r on r.id = m.room_id
  where m.user_id = $1 and m.status = 'ACTIVE' order by r.created_at desc, r.id desc limit $2`;
const MEMBERS = `select m.room_id, u.display_name from unnest($1::uuid[], $2::text[]) r(id, role)
  join room_member m on m.room_id = r.id and (m.status = 'ACTIVE' or r.role = 'OWNER')
  left join app_user u on u.id = m.user_id
  order by m.created_at asc, m.id asc`;
const DOCUMENTS = `select r.id as room_id, d.title, d.status, d.page_count, d.chunk_count
  from unnest($1::uuid[], $2::text[]) r(id, role) cross join lateral (
    select title, status, page_count, chunk_count from document
    where room_id = r.id and (visibility = 'MEMBERS' or r.role in ('OWNER', 'EDITOR'))
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

export async function floorDashboard(pool: pg.Pool, viewerId: string, first: number) {
  const rooms = await pool.query<{ id: string; name: string; role: string }>(ROOMS, [viewerId, first]);
  const ids = rooms.rows.map((room) => room.id);
  const roles = rooms.rows.map((room) => room.role);
  const [members, documents, quizzes] = await Promise.all([
    pool.query<Row>(MEMBERS, [ids, roles]),
    pool.query<Row>(DOCUMENTS, [ids, roles]),
    pool.query<Row>(QUIZZES, [ids]),
  ]);
  const membersByRoom = groupRows(members.rows, (row) => ({
    user: row.display_name == null ? null : { displayName: row.display_name },
  }));
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
