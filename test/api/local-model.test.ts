/**
 * The local model as the server's embedder, through the real API: a room indexed with it answers a
 * paraphrased question whose words the page does not use, records the model's identity, and a server whose
 * model is missing starts on the hashing embedder and says how to fix that.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankSentences } from '../../src/conversations/engine/extractive-engine.ts';
import { Room } from '../../src/entities/room.ts';
import { checkLocalModels } from '../../src/retrieval/model/local-embedders.ts';
import { GenerateQuizDocument, SearchDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser } from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import {
  ISLAND_NOTES,
  sameKindDistractors,
  VENTS_PAGE,
  VENTS_QUESTION,
} from '../helpers/meaning-fixtures.ts';
import { startApiProcess } from '../helpers/process.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { privateDatabaseUrl, startTestServer, type TestServer } from '../helpers/server.ts';
import { MODELS_DIR, modelPresent, reportMissingModel } from '../retrieval/model-fixture.ts';

reportMissingModel('the API on the local model');

const PAGES = [
  'The geothermal vents on the island release mostly neon, with traces of argon.',
  'Volcanic eruptions throw out ash, lava bombs and blocks of rock.',
  'Chlorine is added to drinking water to kill bacteria.',
  'The lighthouse keeper painted the tower white every spring.',
];

/** A new owner's room holding PAGES, one single-page PDF each, every one READY. */
async function roomWithPages(server: TestServer): Promise<{ owner: Actor; roomId: string }> {
  const owner = await createUser(server.url);
  const roomId = (await createRoom(server.url, owner)).id;
  for (const [i, text] of PAGES.entries()) {
    const upload = await uploadFile(
      server.url,
      owner.token,
      roomId,
      await makePdf([[text]]),
      `page-${i}.pdf`,
    );
    const done = await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id, 120_000);
    expect(done.status).toBe('READY');
  }
  return { owner, roomId };
}

describe.runIf(modelPresent)('the API on the local model', () => {
  let server: TestServer;
  let owner: Actor;
  let roomId: string;

  beforeAll(async () => {
    server = await startTestServer({ EMBEDDER: 'local-model', MODELS_DIR });
    ({ owner, roomId } = await roomWithPages(server));
  }, 240_000);
  afterAll(() => server?.close());

  it('embeds with bge-small-en-v1.5 and records it on the room', async () => {
    expect(server.services.embedders.status).toEqual({
      id: 'bge-small-en-v1.5-q8:384',
      configured: 'local-model',
    });
    const room = await server.services.orm.em.fork().findOneOrFail(Room, decodeGlobalID(roomId).id);
    expect(room.embedderId).toBe('bge-small-en-v1.5-q8:384');
  });

  it('finds the page for a question that shares no content word with it', async () => {
    const question = 'which noble gas comes out of the hot springs';
    const vectorOnly = await call(
      server.url,
      SearchDocument,
      { roomId, query: question, alpha: 1 },
      owner.token,
    );
    expect(vectorOnly.search[0]?.chunk.text).toMatch(/neon/);
    const hybrid = await call(server.url, SearchDocument, { roomId, query: question }, owner.token);
    expect(hybrid.search[0]?.chunk.text).toMatch(/neon/);
  });

  /** A room of its own holding one PDF page of `lines`, READY. */
  async function roomWith(lines: string[]): Promise<string> {
    const id = (await createRoom(server.url, owner)).id;
    const upload = await uploadFile(
      server.url,
      owner.token,
      id,
      await makePdf([lines], { fontSize: 9 }),
      'notes.pdf',
    );
    const done = await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id, 120_000);
    expect(done.status).toBe('READY');
    return id;
  }

  it('answers offline with the sentence that means the answer, where word overlap picks another', async () => {
    // By terms alone the first sentence wins: it repeats "volcanic vents" and says nothing of a gas.
    const byTerms = rankSentences(VENTS_QUESTION, [
      {
        chunkId: 'c',
        documentId: 'd',
        documentTitle: 'notes',
        text: VENTS_PAGE.join(' '),
        pageStart: 1,
        pageEnd: 1,
        score: 1,
      },
    ]);
    expect(byTerms[0]!.text).toMatch(/^Tourists/);

    const room = await roomWith(VENTS_PAGE);
    const conversation = await startConversation(server.url, owner.token, room);
    const message = await ask(server.url, owner.token, conversation.id, VENTS_QUESTION);
    const last = (await collectStream(server.wsUrl, owner.token, message.id)).at(-1)!;
    expect(last.message).toMatchObject({
      status: 'COMPLETE',
      engine: 'offline-extractive',
      model: 'extractive-v2+bge-small-en-v1.5-q8:384',
    });
    expect(last.content).toMatch(/^The vents release mostly neon\b.*\[1\]/);
    expect(last.message!.citations[0]!.quote).toMatch(/neon/);
  }, 120_000);

  it('makes quizzes whose wrong options are near the answer in meaning: a gas for a gas, a rock for a rock', async () => {
    const room = await roomWith(ISLAND_NOTES);
    const { generateQuiz } = await call(
      server.url,
      GenerateQuizDocument,
      { input: { roomId: room, questionCount: 16, kinds: ['MULTIPLE_CHOICE'] } },
      owner.token,
    );
    expect((await followQuiz(server.wsUrl, owner.token, generateQuiz.id)).at(-1)!.status).toBe('READY');
    const quiz = await loadQuiz(server.url, owner.token, generateQuiz.id);
    const questions = quiz.questions.edges.map((e) => e.node);
    // By shape alone about a third are of the answer's kind (test/retrieval/quiz-meaning.test.ts).
    const all = sameKindDistractors(questions);
    expect(all.total).toBeGreaterThanOrEqual(12);
    expect(all.same / all.total).toBeGreaterThanOrEqual(0.5);
    const rocks = sameKindDistractors(questions, 'rocks');
    expect(rocks.total).toBeGreaterThanOrEqual(3);
    expect(rocks.same / rocks.total).toBeGreaterThanOrEqual(0.8);
  }, 180_000);
});

const blendPresent = (await checkLocalModels(MODELS_DIR, 'bge-small+e5-small-q8')).ok;
if (!blendPresent && process.env.CI) throw new Error('CI fetches bge-small+e5-small-q8 (.ci/run)');

describe.runIf(modelPresent && blendPresent)('the API on the blended local model (LOCAL_MODEL)', () => {
  let server: TestServer;
  let owner: Actor;
  let roomId: string;

  beforeAll(async () => {
    server = await startTestServer({
      EMBEDDER: 'local-model',
      LOCAL_MODEL: 'bge-small+e5-small-q8',
      MODELS_DIR,
    });
    ({ owner, roomId } = await roomWithPages(server));
  }, 240_000);
  afterAll(() => server?.close());

  it('records the blend on the room and finds the paraphrased page by meaning', async () => {
    expect(server.services.embedder.id).toBe('bge-small+e5-small-q8:768');
    const room = await server.services.orm.em.fork().findOneOrFail(Room, decodeGlobalID(roomId).id);
    expect(room.embedderId).toBe('bge-small+e5-small-q8:768');
    const { search } = await call(
      server.url,
      SearchDocument,
      { roomId, query: 'which noble gas comes out of the hot springs', alpha: 1 },
      owner.token,
    );
    expect(search[0]?.chunk.text).toMatch(/neon/);
  });
});

describe('a server whose local model is missing', () => {
  let emptyModels: string;
  beforeAll(async () => {
    emptyModels = await mkdtemp(join(tmpdir(), 'studyroom-no-models-'));
  });
  afterAll(() => rm(emptyModels, { recursive: true, force: true }));

  it('starts on the hashing embedder and names the command that fixes it', async () => {
    const server = await startTestServer({ EMBEDDER: 'local-model', MODELS_DIR: emptyModels });
    try {
      const status = server.services.embedders.status;
      expect(status.id).toBe('local-hash-v1:4096');
      expect(status.fallback?.reason).toMatch(/not installed/);
      expect(status.fallback?.fix).toBe(`MODELS_DIR=${emptyModels} npm run models:fetch`);
    } finally {
      await server.close();
    }
  });

  it('says so when started as `npm start` does', async () => {
    const api = await startApiProcess({
      DATABASE_URL: await privateDatabaseUrl(),
      JOB_QUEUE_SCHEMA: 'jobs_local_model_start',
      EMBEDDER: 'local-model',
      MODELS_DIR: emptyModels,
    });
    try {
      const line = api.logs.find((l) => l.includes('embedder fallback'));
      expect(line).toContain('models:fetch');
      expect(line).toContain('local-hash-v1:4096');
      // The start banner says it too, with the command.
      expect(api.logs).toContainEqual(
        expect.stringMatching(/^\s+embedder\s+local-hash-v1:4096 \(offline hashing: /),
      );
      expect(api.logs).toContainEqual(
        expect.stringContaining(
          `→ fetch the local model with \`MODELS_DIR=${emptyModels} npm run models:fetch\``,
        ),
      );
    } finally {
      await api.stop();
    }
  });
});

describe.runIf(modelPresent)('`npm start` with the local model installed', () => {
  it('names the model in the start banner, and the answers it ranks', async () => {
    const api = await startApiProcess({
      DATABASE_URL: await privateDatabaseUrl(),
      JOB_QUEUE_SCHEMA: 'jobs_local_model_banner',
      EMBEDDER: 'local-model',
      MODELS_DIR,
    });
    try {
      expect(api.logs).toContainEqual(
        expect.stringMatching(/^\s+embedder\s+bge-small-en-v1\.5-q8:384 \(local model in /),
      );
      // The offline engines rank by meaning with it.
      expect(api.logs).toContainEqual(
        expect.stringMatching(/^\s+answers\s+offline extractive by terms \+ meaning \(no LLM set\)/),
      );
    } finally {
      await api.stop();
    }
  });
});
