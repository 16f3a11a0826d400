/**
 * The OpenAI drafter and judge against the test-owned OpenAI-compatible server (the real API is paid):
 * structured output is requested, valid JSON is accepted, a quote that is not in its chunk is rejected and
 * the slot regenerated, malformed items are dropped and counted, and provider failure surfaces.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVerifiedQuestions } from '../../../src/quizzes/engine/generate.ts';
import { createLlmJudge, LlmQuizDrafter, parseDrafts } from '../../../src/quizzes/engine/llm-drafter.ts';
import type { QuestionDraft } from '../../../src/quizzes/engine/types.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../../helpers/fake-openai.ts';
import { mc, sampleChunks } from './helpers.ts';

let fake: FakeOpenAI;
let client: OpenAI;
const chunks = sampleChunks();
const madeira = chunks[0];
const photo = chunks.find((c) => c.documentId === 'photosynthesis')!;

const real = mc(
  madeira.chunkId,
  'The islands were discovered by Portuguese sailors in 1419',
  'In which year did Portuguese sailors discover the islands?',
  '1419',
  ['1402', '1436', '1488'],
);
const invented = mc(
  photo.chunkId,
  'Chlorophyll is found mainly in the roots of plants',
  'Where is chlorophyll found?',
  'roots',
  ['stems', 'flowers', 'seeds'],
);
const replacement: QuestionDraft = {
  kind: 'SHORT_ANSWER',
  prompt: 'Which green pigment do the chloroplasts of leaf cells contain?',
  options: [],
  answer: 'chlorophyll',
  explanation: 'The passage names the pigment.',
  evidence: { chunkId: photo.chunkId, quote: 'which contain the green pigment chlorophyll' },
  difficulty: 'easy',
};
const reply = (questions: unknown[]) => ({ kind: 'json' as const, content: JSON.stringify({ questions }) });

beforeAll(async () => {
  fake = await startFakeOpenAI();
  client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 1, timeout: 5000 });
});
afterAll(() => fake.close());

describe('LlmQuizDrafter', () => {
  it('asks for strict structured output over labelled chunks and regenerates a slot whose quote is invented', async () => {
    fake.enqueue(reply([real, invented]), reply([replacement]));
    const before = fake.chatRequests().length;
    const drafter = new LlmQuizDrafter({ client, model: 'quiz-model' });
    const { questions, stats, rejections } = await generateVerifiedQuestions({
      drafter,
      chunks,
      count: 2,
      kinds: ['MULTIPLE_CHOICE', 'SHORT_ANSWER'],
    });
    expect(questions.map((q) => q.answer)).toEqual(['1419', 'chlorophyll']);
    expect(stats).toMatchObject({ rounds: 2, rejectionsByRound: [1, 0], drafter: 'openai:quiz-model' });
    expect(rejections[0]).toMatchObject({ reason: 'QUOTE_NOT_FOUND', draft: { answer: 'roots' } });

    const [first, second] = fake.chatRequests().slice(before);
    expect(first.body.model).toBe('quiz-model');
    expect(first.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'quiz_questions', strict: true },
    });
    const prompt: string = first.body.messages[1].content;
    expect(prompt).toContain(`[passage ${madeira.chunkId}]`);
    expect(prompt).toContain('The islands were discovered by Portuguese sailors in 1419');
    expect(second.body.messages[1].content).toContain(real.prompt);
    expect(second.body.messages[1].content).toContain('attempt 2');
  });

  it('keeps what validates from a partly malformed reply and counts the rest', async () => {
    fake.enqueue(reply([real, { kind: 'ESSAY', prompt: 'Discuss.' }, { ...real, evidence: null }]));
    const drafter = new LlmQuizDrafter({ client, model: 'quiz-model' });
    const drafts = await drafter.draft({ chunks, count: 3, kinds: ['MULTIPLE_CHOICE'], avoid: [], round: 1 });
    expect(drafts).toEqual([real]);
    expect(drafter.dropped).toBe(2);
    expect(parseDrafts(undefined)).toEqual({ drafts: [], dropped: 1 });
  });

  it('survives a reply that is not JSON: no drafts, a note, no exception', async () => {
    fake.enqueue({ kind: 'json', content: 'Sorry, I cannot help with that.' });
    const before = fake.chatRequests().length;
    const { questions, stats } = await generateVerifiedQuestions({
      drafter: new LlmQuizDrafter({ client, model: 'quiz-model' }),
      chunks,
      count: 2,
      kinds: ['TRUE_FALSE'],
    });
    expect(questions).toEqual([]);
    expect(stats.note).toMatch(/Made 0 of 2/);
    // An empty round means the drafter has nothing more to give: no further calls.
    expect(fake.chatRequests().length - before).toBe(1);
  });

  it('retries a transient failure and throws when the provider keeps failing', async () => {
    fake.enqueue({ kind: 'status', status: 503 }, reply([real]));
    const drafter = new LlmQuizDrafter({ client, model: 'quiz-model' });
    expect(
      await drafter.draft({ chunks, count: 1, kinds: ['MULTIPLE_CHOICE'], avoid: [], round: 1 }),
    ).toEqual([real]);
    fake.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    await expect(generateVerifiedQuestions({ drafter, chunks, count: 1, kinds: [] })).rejects.toThrow();
  });
});

describe('llmJudge', () => {
  it('rejects a question the judge finds a distractor supported for', async () => {
    fake.enqueue(reply([real]), {
      kind: 'json',
      content: JSON.stringify({ supported: true, distractorSupported: true, reason: 'two years fit' }),
    });
    const { questions, rejections } = await generateVerifiedQuestions({
      drafter: new LlmQuizDrafter({ client, model: 'quiz-model' }),
      judge: createLlmJudge(client, 'judge-model'),
      chunks,
      count: 1,
      kinds: ['MULTIPLE_CHOICE'],
      maxRounds: 1,
    });
    expect(questions).toEqual([]);
    expect(rejections[0]).toMatchObject({
      reason: 'JUDGE_REJECTED',
      detail: expect.stringContaining('two years fit'),
    });
    const judged = fake.chatRequests().at(-1)!;
    expect(judged.body.model).toBe('judge-model');
    expect(judged.body.messages[1].content).toContain(madeira.text);
  });
});
