/**
 * Quiz generation through the real server with both engines: the offline engine over real corpus
 * documents, and the OpenAI path against the test-owned compatible server, where an invented evidence
 * quote must be rejected and its slot regenerated before release.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerateQuizDocument } from '../generated/operations.ts';
import { call, createRoom, createUser } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { CORPUS_DIR, describeCorpus } from '../unit/ingest/fixtures.ts';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

async function quizFromUploads(
  server: TestServer,
  files: Array<{ bytes: Uint8Array; name: string }>,
  count: number,
) {
  const owner = await createUser(server.url);
  const roomId = (await createRoom(server.url, owner)).id;
  const documentIds: string[] = [];
  for (const file of files) {
    const upload = await uploadFile(server.url, owner.token, roomId, file.bytes, file.name);
    const document = await waitForDocument(
      server.url,
      owner.token,
      upload.body.data!.uploadDocument.id,
      120_000,
    );
    expect(document.status).toBe('READY');
    documentIds.push(document.id);
  }
  const { generateQuiz } = await call(
    server.url,
    GenerateQuizDocument,
    { input: { roomId, documentIds, questionCount: count } },
    owner.token,
  );
  const progress = await followQuiz(server.wsUrl, owner.token, generateQuiz.id);
  return { quiz: await loadQuiz(server.url, owner.token, generateQuiz.id), progress };
}

describeCorpus('offline quizzes over corpus documents', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('releases only questions whose quote is verbatim in the cited chunk, spread over both documents', async () => {
    const files = ['pdf/unstructured-multi-column-dpr-paper.pdf', 'docx/poi-IllustrativeCases.docx'].map(
      (path) => ({
        bytes: new Uint8Array(readFileSync(join(CORPUS_DIR, path))),
        name: path.split('/')[1]!,
      }),
    );
    const { quiz, progress } = await quizFromUploads(server, files, 10);
    expect(quiz.status).toBe('READY');
    expect(progress.at(-1)).toMatchObject({ status: 'READY' });
    const questions = quiz.questions.edges.map((edge) => edge.node);
    expect(questions.length).toBeGreaterThanOrEqual(8);
    for (const question of questions) {
      expect(normalise(question.evidence!.chunk!.text)).toContain(normalise(question.evidence!.quote));
    }
    expect(new Set(questions.map((q) => q.evidence!.document!.id)).size).toBe(2);
  }, 180_000);
});

describe('LLM quizzes through the OpenAI-compatible path', () => {
  let fake: FakeOpenAI;
  let server: TestServer;
  let draftCalls = 0;
  const FACT = [
    'The Rosetta Stone was found in 1799 near the town of Rashid in the Nile Delta.',
    'It carries the same decree in three scripts: hieroglyphic, Demotic and ancient Greek.',
    'Because scholars could read the Greek text, the stone became the key to understanding hieroglyphs.',
    'It has been displayed in the British Museum in London since the early nineteenth century.',
  ];

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    fake.setResponder((body) => {
      const schema = body.response_format?.json_schema?.name;
      if (schema === 'quiz_verdict') {
        return {
          kind: 'json',
          content: JSON.stringify({ supported: true, distractorSupported: false, reason: 'ok' }),
        };
      }
      if (schema !== 'quiz_questions') return { kind: 'stream', tokens: ['ok'] };
      draftCalls += 1;
      const prompt = JSON.stringify(body.messages);
      const chunkId = /\[passage ([0-9a-f-]{36})\]/.exec(prompt)![1]!;
      const good = {
        kind: 'MULTIPLE_CHOICE',
        prompt: 'In which year was the Rosetta Stone found?',
        options: ['1799', '1801', '1822', '1754'],
        answer: '1799',
        explanation: 'The passage gives the year.',
        evidence: { chunkId, quote: 'The Rosetta Stone was found in 1799' },
        difficulty: 'easy',
      };
      const invented = {
        ...good,
        prompt: 'Who deciphered the Rosetta Stone?',
        options: ['Champollion', 'Young', 'Napoleon', 'Petrie'],
        answer: 'Champollion',
        evidence: { chunkId, quote: 'Champollion deciphered the hieroglyphs in 1822' },
      };
      const replacement = {
        ...good,
        kind: 'SHORT_ANSWER',
        prompt: 'Near which town was the Rosetta Stone found?',
        options: [],
        answer: 'Rashid',
        evidence: { chunkId, quote: 'near the town of Rashid in the Nile Delta' },
      };
      return {
        kind: 'json',
        content: JSON.stringify({ questions: draftCalls === 1 ? [good, invented] : [replacement] }),
      };
    });
    server = await startTestServer({
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'test',
      CHAT_MODEL: 'quiz-model',
    });
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
  });

  it('rejects a draft whose quote is not in the chunk and regenerates the slot', async () => {
    const { quiz } = await quizFromUploads(
      server,
      [{ bytes: await makePdf([FACT]), name: 'rosetta.pdf' }],
      2,
    );
    expect(quiz.status).toBe('READY');
    const questions = quiz.questions.edges.map((edge) => edge.node);
    expect(questions.map((q) => q.answer).sort()).toEqual(['1799', 'Rashid']);
    expect(questions.some((q) => q.prompt.includes('deciphered'))).toBe(false);
    expect(quiz.stats).toMatchObject({ requested: 2, verified: 2, rounds: 2 });
    expect((quiz.stats!.rejectionsByReason as Record<string, number>).QUOTE_NOT_FOUND).toBe(1);
    expect(
      fake.chatRequests().some((r) => r.body.response_format?.json_schema?.name === 'quiz_verdict'),
    ).toBe(true);
  }, 60_000);
});
