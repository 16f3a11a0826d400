/**
 * `npm run backup` / `npm run restore` round trip, on the PostgreSQL vector store and on Weaviate: a room
 * seeded through the API (two PDFs, a conversation with an answer) is backed up as a .tar while its server
 * runs, restored into a fresh database (Weaviate's copy of the room dropped first, as if lost), and a
 * server on the restored database gives the same rows in every table (count and digest), the same search
 * hits, the same document bytes, and a sign-in with the old password. A second restore into the now full
 * database is refused in one line, and --force replaces it; a damaged backup is named. On Weaviate,
 * `npm run reindex` alone refills a room Weaviate lost.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWeaviate, startWeaviate } from '../../src/retrieval/weaviate-server.ts';
import { SearchDocument, SignInDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser } from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { inheritedEnv } from '../helpers/process.ts';
import { privateDatabaseUrl, startTestServer, type TestServer } from '../helpers/server.ts';
import { scratchDir, weaviateAvailability } from '../retrieval/store-fixtures.ts';

const weaviate = weaviateAvailability();
if (!weaviate.ok && process.env.CI) throw new Error(`CI needs Weaviate: ${weaviate.reason}`);
if (!weaviate.ok) console.warn(`backup round trip on Weaviate skipped: ${weaviate.reason}`);

const PAGES = [
  ['Tardigrades survive the vacuum of space and extreme radiation.', 'They are also called water bears.'],
  ['Chlorine is added to drinking water to kill bacteria.', 'Ozone does the same in some plants.'],
];
const QUERY = 'what survives radiation in space';

/** `npm run <script>` as a person runs it, with only the settings this test gives. */
function npmRun(script: string, args: string[], env: Record<string, string>) {
  const child = spawn('npm', ['run', '-s', script, '--', ...args], {
    env: { ...inheritedEnv(), EMBEDDER: 'local-hash', LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (piece) => {
    stdout += piece;
  });
  child.stderr.on('data', (piece) => {
    stderr += piece;
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.replace(/^npm warn.*\n/gm, '') })),
  );
}

/** Per table: its row count and a digest of every row's text (the restore must bring back the same values). */
async function tableContents(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows: tables } = await db.query<{ name: string }>(
      "select tablename::text as name from pg_tables where schemaname = 'public' order by 1",
    );
    const contents: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of tables) {
      // A restore applies the migrations itself: the same names, at its own time.
      const row = name === 'mikro_orm_migrations' ? 't.name' : 't::text';
      const { rows } = await db.query<{ rows: number; digest: string }>(
        `select count(*)::int as rows, md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as digest
           from "${name}" t`,
      );
      contents[name] = rows[0]!;
    }
    return contents;
  } finally {
    await db.end();
  }
}

describe.each([
  { store: 'postgres', run: true },
  { store: 'weaviate', run: weaviate.ok },
])('backup and restore on the $store store', ({ store, run }) => {
  let env: Record<string, string> = {};
  let instance: RunningWeaviate | undefined;
  let weaviateDir: string | undefined;
  let work: string;
  let source: TestServer;
  let sourceOpen = true;
  let owner: Actor;
  let roomId: string;
  let documentIds: string[];
  let pdfs: Uint8Array[];
  let sourceUrl: string;
  let targetUrl: string;
  let hitsBefore: Array<{ id: string; text: string }>;

  beforeAll(async () => {
    if (!run) return;
    if (store === 'weaviate') {
      if (process.env.WEAVIATE_URL) {
        env = {
          WEAVIATE_URL: process.env.WEAVIATE_URL,
          WEAVIATE_GRPC_PORT: process.env.WEAVIATE_GRPC_PORT ?? '50051',
        };
      } else {
        weaviateDir = await scratchDir('studyroom-backup-weaviate-');
        instance = await startWeaviate({ dataDir: weaviateDir });
        env = { WEAVIATE_URL: instance.url, WEAVIATE_GRPC_PORT: String(instance.grpcPort) };
      }
    }
    work = await scratchDir('studyroom-backup-');
    sourceUrl = await privateDatabaseUrl();
    targetUrl = await privateDatabaseUrl();
    source = await startTestServer({ ...env, DATABASE_URL: sourceUrl });
    owner = await createUser(source.url, 'Backup Owner');
    roomId = (await createRoom(source.url, owner)).id;
    pdfs = await Promise.all(PAGES.map((lines) => makePdf([lines, [`${lines[0]} Again.`]])));
    documentIds = [];
    for (const [i, pdf] of pdfs.entries()) {
      const upload = await uploadFile(source.url, owner.token, roomId, pdf, `notes-${i}.pdf`);
      const done = await waitForDocument(source.url, owner.token, upload.body.data!.uploadDocument.id);
      expect(done.status).toBe('READY');
      documentIds.push(done.id);
    }
    const conversation = await startConversation(source.url, owner.token, roomId);
    const answer = await ask(source.url, owner.token, conversation.id, 'What do tardigrades survive?');
    expect((await collectStream(source.wsUrl, owner.token, answer.id)).at(-1)?.done).toBe(true);
    const { search } = await call(
      source.url,
      SearchDocument,
      { roomId, query: QUERY, limit: 5 },
      owner.token,
    );
    hitsBefore = search.map((hit) => ({ id: hit.chunk.id, text: hit.chunk.text }));
  }, 180_000);

  afterAll(async () => {
    if (sourceOpen) await source?.close();
    await instance?.stop();
    for (const dir of [weaviateDir, work]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.runIf(run)(
    'restores rows, document bytes and search results into a fresh database',
    async () => {
      expect(hitsBefore.length).toBeGreaterThan(0);
      expect(hitsBefore[0]!.text).toContain('Tardigrades');
      const archive = join(work, 'studyroom.tar');

      const backup = await npmRun('backup', ['--out', archive], { ...env, DATABASE_URL: sourceUrl });
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/^backup written to .*studyroom\.tar: \d+ tables, \d+ rows, 2 documents/);
      if (store === 'weaviate') {
        // As if Weaviate had lost its data: the restore must rebuild the room from PostgreSQL.
        const key = decodeGlobalID(roomId).id; // the room's vectors live under its uuid until a re-embed
        expect(await source.services.vectorStore.count(key)).toBeGreaterThan(0);
        await source.services.vectorStore.dropRoom(key);
        expect(await source.services.vectorStore.count(key)).toBe(0);
      }
      await source.close();
      sourceOpen = false;
      const before = await tableContents(sourceUrl);
      expect(before.chunk!.rows).toBeGreaterThan(0);
      expect(before.message!.rows).toBeGreaterThan(0);
      expect(before.document_blob!.rows).toBe(2);

      const restore = await npmRun('restore', [archive], { ...env, DATABASE_URL: targetUrl });
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      const reindexed = store === 'weaviate' ? before.chunk!.rows : 0;
      expect(restore.stdout).toContain(`${reindexed} chunks re-indexed into ${store}`);
      expect(await tableContents(targetUrl)).toEqual(before);

      const again = await npmRun('restore', [archive], { ...env, DATABASE_URL: targetUrl });
      expect(again.code).toBe(1);
      expect(again.stderr.trim().split('\n')).toHaveLength(1);
      expect(again.stderr).toMatch(/is not empty .*pass --force to replace everything in it/);
      const forced = await npmRun('restore', [archive, '--force'], { ...env, DATABASE_URL: targetUrl });
      expect(forced.code).toBe(0);
      expect(await tableContents(targetUrl)).toEqual(before);

      // A damaged file is named before anything in the database is touched.
      const unpacked = join(work, 'unpacked');
      await mkdir(unpacked);
      execFileSync('tar', ['-xf', archive, '-C', unpacked]);
      await truncate(join(unpacked, 'tables', 'chunk.jsonl.gz'), 10);
      const damaged = await npmRun('restore', [unpacked, '--force'], { ...env, DATABASE_URL: targetUrl });
      expect(damaged.code).toBe(1);
      expect(damaged.stderr.trim()).toBe(
        `${join(unpacked, 'tables', 'chunk.jsonl.gz')} is missing or damaged (table chunk): the backup is unusable.`,
      );
      expect(await tableContents(targetUrl)).toEqual(before);

      const restored = await startTestServer({ ...env, DATABASE_URL: targetUrl });
      try {
        const { signIn } = await call(restored.url, SignInDocument, {
          input: { email: owner.email, password: 'correct horse battery' },
        });
        if (store === 'weaviate') {
          const key = decodeGlobalID(roomId).id;
          expect(await restored.services.vectorStore.count(key)).toBe(before.chunk!.rows);
          // Weaviate loses the room again: `npm run reindex` alone refills it, with the app running.
          await restored.services.vectorStore.dropRoom(key);
          const reindex = await npmRun('reindex', [], { ...env, DATABASE_URL: targetUrl });
          expect(reindex.code).toBe(0);
          expect(reindex.stdout).toMatch(
            new RegExp(`^${before.chunk!.rows} chunks re-indexed into weaviate`),
          );
          expect(await restored.services.vectorStore.count(key)).toBe(before.chunk!.rows);
        }
        const { search } = await call(
          restored.url,
          SearchDocument,
          { roomId, query: QUERY, limit: 5 },
          signIn.token,
        );
        expect(search.map((hit) => ({ id: hit.chunk.id, text: hit.chunk.text }))).toEqual(hitsBefore);
        for (const [i, id] of documentIds.entries()) {
          const file = await fetch(`${restored.origin}/documents/${encodeURIComponent(id)}/file`, {
            headers: { authorization: `Bearer ${signIn.token}` },
          });
          expect(file.status).toBe(200);
          expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdfs[i]);
        }
      } finally {
        await restored.close();
      }
    },
    240_000,
  );
});

describe('work in progress at backup time', () => {
  it('ends FAILED with a message after a restore, since its job is not in the backup', async () => {
    const sourceUrl = await privateDatabaseUrl();
    const targetUrl = await privateDatabaseUrl();
    const work = await scratchDir('studyroom-backup-wip-');
    const server = await startTestServer({ DATABASE_URL: sourceUrl });
    try {
      const owner = await createUser(server.url);
      const roomId = (await createRoom(server.url, owner)).id;
      const upload = await uploadFile(server.url, owner.token, roomId, await makePdf([PAGES[0]!]), 'a.pdf');
      const done = await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id);
      const conversation = await startConversation(server.url, owner.token, roomId);
      const answer = await ask(server.url, owner.token, conversation.id, 'What do tardigrades survive?');
      await collectStream(server.wsUrl, owner.token, answer.id);
      // The moment of the backup as it may be: one document being read, one answer being written.
      const db = new pg.Client({ connectionString: sourceUrl });
      await db.connect();
      await db.query("update document set status = 'PROCESSING', stage = 'EXTRACTING' where id = $1", [
        decodeGlobalID(done.id).id,
      ]);
      await db.query("update message set status = 'STREAMING' where id = $1", [decodeGlobalID(answer.id).id]);
      await db.end();
      const archive = join(work, 'b.tar');
      expect((await npmRun('backup', ['--out', archive], { DATABASE_URL: sourceUrl })).code).toBe(0);
      const restore = await npmRun('restore', [archive], { DATABASE_URL: targetUrl });
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain('2 items in progress at backup time marked FAILED (retry them)');
      const target = new pg.Client({ connectionString: targetUrl });
      await target.connect();
      try {
        const { rows } = await target.query(
          `select 'document' as kind, status::text, error from document union all
           select 'message', status::text, error from message where role = 'ASSISTANT'`,
        );
        expect(rows).toEqual([
          {
            kind: 'document',
            status: 'FAILED',
            error: expect.stringMatching(/^Interrupted: .*Try again\.$/),
          },
          { kind: 'message', status: 'FAILED', error: expect.stringMatching(/^Interrupted: /) },
        ]);
      } finally {
        await target.end();
      }
    } finally {
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('refusals', () => {
  it('refuses to back up a database the app never migrated, in one line', async () => {
    const url = await privateDatabaseUrl();
    const dir = await scratchDir('studyroom-empty-backup-');
    try {
      const result = await npmRun('backup', ['--out', join(dir, 'b')], { DATABASE_URL: url });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(
        /^The database at .* has no Study Room schema \(never migrated\): nothing to back up\.$/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names a directory that is not a backup, in one line, with exit code 1', async () => {
    const dir = await scratchDir('studyroom-not-a-backup-');
    try {
      const result = await npmRun('restore', [dir], { DATABASE_URL: await privateDatabaseUrl() });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`${dir} is not a Study Room backup: it has no manifest.json.`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
