import { describe, expect, it } from 'vitest';
import { generateVerifiedQuestions } from '../../../src/quizzes/engine/generate.ts';
import { OfflineQuizDrafter } from '../../../src/quizzes/engine/offline-drafter.ts';
import { checkDraft, statementOf } from '../../../src/quizzes/engine/verify.ts';
import { buildVocabulary, scanSentence, type TermKind } from '../../../src/quizzes/engine/vocabulary.ts';
import { containsPhrase } from '../../../src/text/normalize.ts';
import { sampleChunks } from './helpers.ts';

const chunks = sampleChunks();
const vocabulary = buildVocabulary(chunks.map((c) => c.text));
const kindsOf = (text: string): TermKind[] => scanSentence(text).map((c) => c.kind);

describe('OfflineQuizDrafter through the verification loop', async () => {
  const { questions, stats } = await generateVerifiedQuestions({
    drafter: new OfflineQuizDrafter({ seed: 3, vocabulary }),
    chunks,
    count: 15,
    kinds: ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'],
  });
  const byId = new Map(chunks.map((c) => [c.chunkId, c]));

  it('releases the requested number, balanced across kinds', () => {
    expect(questions).toHaveLength(15);
    expect(stats).toMatchObject({ requested: 15, verified: 15, drafter: 'offline-terms' });
    for (const kind of ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER']) {
      expect(questions.filter((q) => q.kind === kind)).toHaveLength(5);
    }
  });

  it('quotes every question verbatim from its chunk and carries the chunk’s document and pages', () => {
    for (const q of questions) {
      const chunk = byId.get(q.evidence.chunkId)!;
      expect(chunk.text).toContain(q.evidence.quote);
      expect(q.evidence).toMatchObject({ documentId: chunk.documentId, pageStart: chunk.pageStart });
      expect(q.explanation).toContain(q.evidence.quote);
    }
  });

  it('makes multiple choice with distractors of the answer’s kind, absent from the quote', () => {
    const mcs = questions.filter((q) => q.kind === 'MULTIPLE_CHOICE');
    for (const q of mcs) {
      expect(q.options).toHaveLength(4);
      expect(new Set(q.options.map((o) => o.toLowerCase())).size).toBe(4);
      expect(q.options).toContain(q.answer);
      expect(q.prompt).toContain('_____');
      const answerKind = vocabulary.termsIn(q.evidence.quote).find((t) => t.surface === q.answer)?.kind;
      expect(answerKind).toBeDefined();
      for (const option of q.options.filter((o) => o !== q.answer)) {
        expect(containsPhrase(q.evidence.quote, option)).toBe(false);
        expect(option.toLowerCase()).not.toContain(q.answer.toLowerCase());
        expect(kindsOf(option)).toContain(answerKind);
      }
    }
  });

  it('makes false statements by swapping a term the quote does not contain', () => {
    const falses = questions.filter((q) => q.kind === 'TRUE_FALSE' && q.answer === 'False');
    expect(falses.length).toBeGreaterThan(0);
    for (const q of falses) {
      const statement = statementOf(q.prompt);
      expect(q.evidence.quote).not.toContain(statement);
      // The same statement claimed True would be refused: the quote does not support it.
      expect(checkDraft({ ...q, answer: 'True' }, byId.get(q.evidence.chunkId))?.reason).toBe(
        'ANSWER_NOT_SUPPORTED',
      );
    }
  });

  it('is deterministic for a seed and differs by round', async () => {
    const input = { chunks, count: 6, kinds: ['MULTIPLE_CHOICE' as const], avoid: [], round: 1 };
    const a = await new OfflineQuizDrafter({ seed: 3, vocabulary }).draft(input);
    const b = await new OfflineQuizDrafter({ seed: 3, vocabulary }).draft(input);
    const c = await new OfflineQuizDrafter({ seed: 3, vocabulary }).draft({ ...input, round: 2 });
    expect(b).toEqual(a);
    expect(c.map((q) => q.prompt)).not.toEqual(a.map((q) => q.prompt));
  });

  it('does not reuse sentences of prompts it is told to avoid', async () => {
    const first = await new OfflineQuizDrafter({ seed: 1, vocabulary }).draft({
      chunks,
      count: 4,
      kinds: ['SHORT_ANSWER'],
      avoid: [],
      round: 1,
    });
    const next = await new OfflineQuizDrafter({ seed: 1, vocabulary }).draft({
      chunks,
      count: 8,
      kinds: ['SHORT_ANSWER'],
      avoid: first.map((q) => q.prompt),
      round: 2,
    });
    const used = new Set(first.map((q) => q.evidence.quote));
    expect(next.some((q) => used.has(q.evidence.quote))).toBe(false);
  });

  it('keeps numbers with numbers: distractors of a year are other years near it', async () => {
    const drafts = await new OfflineQuizDrafter({ seed: 5, vocabulary }).draft({
      chunks: chunks.filter((c) => c.text.includes('1419')),
      count: 10,
      kinds: ['MULTIPLE_CHOICE'],
      avoid: [],
      round: 1,
    });
    const years = drafts.filter((q) => /^\d{4}$/.test(q.answer));
    for (const q of years) {
      for (const option of q.options) {
        expect(option).toMatch(/^\d{4}$/);
        expect(Math.abs(Number(option) - Number(q.answer))).toBeLessThanOrEqual(60);
      }
    }
  });
});
