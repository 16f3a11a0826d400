import { describe, expect, it } from 'vitest';
import { generateVerifiedQuestions } from '../../../src/quizzes/engine/generate.ts';
import { OfflineQuizDrafter } from '../../../src/quizzes/engine/offline-drafter.ts';
import type { QuestionDraft, QuizJudge } from '../../../src/quizzes/engine/types.ts';
import { checkDraft, quoteFoundIn } from '../../../src/quizzes/engine/verify.ts';
import { mc, sampleChunks, scriptedDrafter } from './helpers.ts';

const chunks = sampleChunks();
const madeira = chunks[0];
const QUOTE = 'The islands were discovered by Portuguese sailors in 1419';
const good = mc(
  madeira.chunkId,
  QUOTE,
  'In which year did Portuguese sailors discover the islands?',
  '1419',
  ['1402', '1436', '1488'],
);

describe('verification checks', () => {
  it('finds quotes across case, whitespace, typographic quotes and dashes', () => {
    const text = 'It was called the “pearl of the Atlantic” — a name\nstill used today.';
    expect(quoteFoundIn('it was called the "pearl of the atlantic" - a name still used', text)).toBe(true);
    expect(quoteFoundIn('the pearl of the Pacific', text)).toBe(false);
  });

  it('rejects an answer the quote does not contain and a distractor the quote does', () => {
    expect(checkDraft(good, madeira)).toBeUndefined();
    expect(
      checkDraft({ ...good, answer: '1402', options: ['1402', '1419', '1436', '1488'] }, madeira)?.reason,
    ).toBe('ANSWER_NOT_SUPPORTED');
    const withSupportedDistractor = mc(
      madeira.chunkId,
      QUOTE,
      'Who discovered the islands in 1419?',
      'Portuguese sailors',
      ['sailors', 'Genoese merchants', 'British merchants'],
    );
    expect(checkDraft(withSupportedDistractor, madeira)?.reason).toBe('DISTRACTOR_SUPPORTED');
  });

  it('checks true/false against the quote in both directions', () => {
    const tf = (prompt: string, answer: string): QuestionDraft => ({
      ...good,
      kind: 'TRUE_FALSE',
      prompt,
      options: ['True', 'False'],
      answer,
    });
    expect(checkDraft(tf(`True or false: ${QUOTE}.`, 'True'), madeira)).toBeUndefined();
    const swapped = 'True or false: The islands were discovered by Portuguese sailors in 1488.';
    expect(checkDraft(tf(swapped, 'False'), madeira)).toBeUndefined();
    expect(checkDraft(tf(swapped, 'True'), madeira)?.reason).toBe('ANSWER_NOT_SUPPORTED');
    expect(checkDraft(tf(`True or false: ${QUOTE}.`, 'False'), madeira)?.reason).toBe('DISTRACTOR_SUPPORTED');
    expect(
      checkDraft(
        tf('True or false: The islands were not discovered by Portuguese sailors in 1419.', 'True'),
        madeira,
      )?.reason,
    ).toBe('ANSWER_NOT_SUPPORTED');
  });
});

describe('generateVerifiedQuestions', () => {
  it('rejects a quote that is not in the chunk and regenerates the slot in round 2', async () => {
    const invented = mc(
      madeira.chunkId,
      'Madeira was discovered by Spanish sailors in 1402',
      'Who discovered Madeira?',
      'Spanish sailors',
      ['Genoese merchants', 'Flemish traders', 'British merchants'],
    );
    const replacement = mc(
      madeira.chunkId,
      'Settlement of Madeira began in 1420',
      'In which year did the settlement of Madeira begin?',
      '1420',
      ['1401', '1433', '1456'],
    );
    const drafter = scriptedDrafter([[good, invented], [replacement]]);
    const progress: number[] = [];
    const { questions, stats, rejections } = await generateVerifiedQuestions({
      drafter,
      chunks,
      count: 2,
      kinds: ['MULTIPLE_CHOICE'],
      overdraft: 0,
      onProgress: (s) => {
        progress.push(s.verified);
      },
    });
    expect(questions.map((q) => q.answer)).toEqual(['1419', '1420']);
    expect(stats).toMatchObject({
      requested: 2,
      drafted: 3,
      verified: 2,
      rejected: 1,
      rounds: 2,
      rejectionsByRound: [1, 0],
    });
    expect(stats.rejectionsByReason.QUOTE_NOT_FOUND).toBe(1);
    expect(stats.note).toBeUndefined();
    expect(rejections[0]).toMatchObject({ reason: 'QUOTE_NOT_FOUND', draft: { answer: 'Spanish sailors' } });
    expect(drafter.calls[1]).toMatchObject({ round: 2, avoid: [good.prompt] });
    expect(progress).toEqual([1, 2]);
    expect(questions[1].evidence).toMatchObject({ documentId: 'madeira', pageStart: 1, pageEnd: 1 });
  });

  it('drops near-duplicates and malformed drafts without throwing', async () => {
    const reworded = { ...good, prompt: 'In which year did the Portuguese sailors discover the islands?' };
    const sameEvidence = { ...good, prompt: 'When were the islands first reached by sailors from Portugal?' };
    const threeOptions = { ...good, prompt: 'Which year?', options: ['1419', '1402', '1436'] };
    const noAnswer = { ...good, answer: '' };
    const { questions, stats } = await generateVerifiedQuestions({
      drafter: scriptedDrafter([[good, reworded, sameEvidence, threeOptions, noAnswer]]),
      chunks,
      count: 3,
      kinds: ['MULTIPLE_CHOICE'],
      maxRounds: 1,
    });
    expect(questions).toHaveLength(1);
    expect(stats.rejectionsByReason).toMatchObject({ DUPLICATE: 2, MALFORMED: 2 });
    expect(stats.note).toMatch(/Made 1 of 3 questions/);
  });

  it('releases fewer questions with a note when the material is too thin', async () => {
    const thin = [{ ...madeira, chunkId: 'thin', text: 'Madeira is an island. Funchal is its capital.' }];
    const { questions, stats } = await generateVerifiedQuestions({
      drafter: new OfflineQuizDrafter({ seed: 1 }),
      chunks: thin,
      count: 5,
      kinds: ['MULTIPLE_CHOICE', 'SHORT_ANSWER'],
    });
    expect(questions.length).toBeLessThan(5);
    expect(stats.note).toMatch(/too few sentences/);
  });

  it('asks the judge and rejects what it does not support', async () => {
    const judge: QuizJudge = async (q) => ({
      supported: q.answer !== '1419',
      distractorSupported: false,
      reason: 'the passage dates the discovery differently',
    });
    const { questions, stats } = await generateVerifiedQuestions({
      drafter: scriptedDrafter([[good]]),
      chunks,
      count: 1,
      kinds: ['MULTIPLE_CHOICE'],
      judge,
      maxRounds: 2,
    });
    expect(questions).toHaveLength(0);
    expect(stats.rejectionsByReason.JUDGE_REJECTED).toBe(1);
  });

  it('lets a failing provider throw, so the job can mark the quiz FAILED', async () => {
    const drafter = {
      name: 'broken',
      draft: async () => {
        throw new Error('provider unavailable');
      },
    };
    await expect(generateVerifiedQuestions({ drafter, chunks, count: 2, kinds: [] })).rejects.toThrow(
      'provider unavailable',
    );
  });
});
