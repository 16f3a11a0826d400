/**
 * Seeds a migrated PostgreSQL for the API benchmarks directly with SQL (set-based `generate_series`
 * inserts: seconds, not the minutes the API would take): rooms with READY documents and their chunks,
 * quizzes with questions, 3–5 members per room, and one viewer who belongs to every room.
 *
 * Chunk embeddings are zero-filled (the dashboard never reads them; TOAST compresses zeros to almost
 * nothing) and chunks are not written to the vector store: search is not what these benchmarks measure.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../src/auth/password.ts';
import { createTokenService } from '../src/auth/tokens.ts';

export interface SeedOptions {
  rooms: number;
  documentsPerRoom: number;
  chunksPerDocument: number;
  quizzesPerRoom: number;
  questionsPerQuiz: number;
  /** Users other than the viewer; each room gets 2–4 of them (3–5 members with the viewer). */
  otherUsers: number;
  embeddingDimensions: number;
}

export const DEFAULT_SEED: SeedOptions = {
  rooms: 50,
  documentsPerRoom: 20,
  chunksPerDocument: 30,
  quizzesPerRoom: 3,
  questionsPerQuiz: 5,
  otherUsers: 60,
  embeddingDimensions: 4096,
};

export interface Seeded {
  viewerId: string;
  email: string;
  password: string;
  /** A token for the viewer, signed with `jwtSecret`: the server under test must use the same secret. */
  token: string;
  counts: Record<string, number>;
  ms: number;
}

const PASSWORD = 'benchmark password';

export async function seedDatabase(
  databaseUrl: string,
  jwtSecret: string,
  options: SeedOptions = DEFAULT_SEED,
): Promise<Seeded> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const viewerId = randomUUID();
  const email = `viewer-${viewerId.slice(0, 8)}@bench.test`;
  // One real scrypt hash for everyone: sign-in works for any seeded user, and hashing stays a one-off.
  const hash = await hashPassword(PASSWORD);
  // Rows get distinct, increasing timestamps so every "newest first" order is total and repeatable.
  const base = new Date(Date.UTC(2026, 0, 1));
  try {
    await client.query('begin');
    await client.query(
      `insert into app_user (id, created_at, updated_at, email, display_name, password_hash)
       values ($1, $2, $2, $3, 'Bench Viewer', $4)`,
      [viewerId, base, email, hash],
    );
    await client.query(
      `insert into app_user (id, created_at, updated_at, email, display_name, password_hash)
       select gen_random_uuid(), $1::timestamptz + i * interval '1 second', $1::timestamptz + i * interval '1 second',
              'member-' || i || '-' || $4 || '@bench.test', 'Member ' || i, $2
       from generate_series(1, $3::int) i`,
      [base, hash, options.otherUsers, viewerId.slice(0, 8)],
    );
    const rooms = await client.query<{ id: string }>(
      `insert into room (id, created_at, updated_at, name, description)
       select gen_random_uuid(), $1::timestamptz + i * interval '1 minute', $1::timestamptz + i * interval '1 minute',
              'Room ' || lpad(i::text, 3, '0'), 'Seeded room number ' || i
       from generate_series(1, $2::int) i
       returning id`,
      [base, options.rooms],
    );
    const roomIds = rooms.rows.map((row) => row.id);
    await client.query(
      `insert into room_member (id, created_at, updated_at, room_id, user_id, role)
       select gen_random_uuid(), r.created_at, r.created_at, r.id, $1, 'OWNER' from room r where r.id = any($2::uuid[])`,
      [viewerId, roomIds],
    );
    // Room n gets 2 + n % 3 other members, picked round-robin from the other users (distinct within a room).
    await client.query(
      `with r as (
         select id, created_at, row_number() over (order by created_at) as n from room where id = any($1::uuid[])
       ), u as (
         select id, row_number() over (order by created_at, id) - 1 as m from app_user
         where email like 'member-%-' || $3 || '@bench.test'
       )
       insert into room_member (id, created_at, updated_at, room_id, user_id, role)
       select gen_random_uuid(), r.created_at + k * interval '1 second', r.created_at + k * interval '1 second',
              r.id, u.id, case when k = 1 then 'EDITOR' else 'VIEWER' end
       from r cross join generate_series(1, 2 + (r.n % 3)::int) k
       join u on u.m = (r.n * 5 + k) % $2::int`,
      [roomIds, options.otherUsers, viewerId.slice(0, 8)],
    );
    await client.query(
      `insert into document (id, created_at, updated_at, room_id, uploaded_by_id, title, filename, mime_type, kind,
                             size_bytes, content_hash, status, stage, progress, page_count, chunk_count, version)
       select gen_random_uuid(), r.created_at + d * interval '1 second', r.created_at + d * interval '1 second',
              r.id, $1, 'Lecture notes ' || d || ' for ' || r.name, 'notes-' || d || '.pdf', 'application/pdf', 'pdf',
              100000 + d * 1000, md5(r.id::text || ':' || d), 'READY', 'READY', 1, 5 + d % 40, $3::int, 1
       from room r cross join generate_series(1, $2::int) d
       where r.id = any($4::uuid[])`,
      [viewerId, options.documentsPerRoom, options.chunksPerDocument, roomIds],
    );
    await client.query(
      `insert into chunk (id, created_at, updated_at, document_id, room_id, ordinal, text, page_start, page_end,
                          char_start, char_end, token_count, heading_path, text_hash, embedder_id, embedding)
       select gen_random_uuid(), d.created_at, d.created_at, d.id, d.room_id, c,
              'Chunk ' || c || ' of ' || d.title || '. ' || repeat('The cell membrane regulates transport. ', 12),
              1 + c / 3, 1 + c / 3, c * 500, c * 500 + 499, 120, '["Chapter 1"]'::jsonb,
              md5(d.id::text || ':' || c), 'local-hash-v1:' || $2::int, $1::bytea
       from document d cross join generate_series(0, $3::int - 1) c
       where d.room_id = any($4::uuid[])`,
      [
        Buffer.alloc(options.embeddingDimensions * 4),
        options.embeddingDimensions,
        options.chunksPerDocument,
        roomIds,
      ],
    );
    await client.query(
      `insert into quiz (id, created_at, updated_at, room_id, created_by_id, title, status, document_ids,
                         requested_count, kinds)
       select gen_random_uuid(), r.created_at + q * interval '1 hour', r.created_at + q * interval '1 hour',
              r.id, $1, 'Quiz ' || q || ': ' || r.name, 'READY', '[]'::jsonb, $3::int, '["MULTIPLE_CHOICE"]'::jsonb
       from room r cross join generate_series(1, $2::int) q
       where r.id = any($4::uuid[])`,
      [viewerId, options.quizzesPerRoom, options.questionsPerQuiz, roomIds],
    );
    await client.query(
      `insert into question (id, created_at, updated_at, quiz_id, ordinal, kind, prompt, options, answer,
                             explanation, difficulty, quote, page_start, page_end)
       select gen_random_uuid(), z.created_at, z.created_at, z.id, o, 'MULTIPLE_CHOICE',
              'What does the cell membrane regulate? (' || o || ')', '["transport","heat","light","sound"]'::jsonb,
              'transport', 'The notes say so.', 'easy', 'The cell membrane regulates transport.', 1, 1
       from quiz z cross join generate_series(0, $1::int - 1) o
       where z.room_id = any($2::uuid[])`,
      [options.questionsPerQuiz, roomIds],
    );
    await client.query('commit');
    await client.query('analyze');
    const counts: Record<string, number> = {};
    for (const table of ['app_user', 'room', 'room_member', 'document', 'chunk', 'quiz', 'question']) {
      const result = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
      counts[table] = Number(result.rows[0]!.n);
    }
    const token = await createTokenService(jwtSecret).issue({ userId: viewerId, version: 0 });
    return {
      viewerId,
      email,
      password: PASSWORD,
      token,
      counts,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
