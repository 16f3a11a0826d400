/**
 * Server-side grading. Multiple choice and true/false are exact after normalisation (case, whitespace,
 * typographic quotes): a multiple-choice answer is the option's text, not its letter, because clients may
 * shuffle or relabel options and a letter would then be ambiguous. Short answers match when normalised
 * equal, or when their content words overlap enough (F1 >= 0.6) with every number in the expected answer
 * given exactly; an optional judge (an LLM when configured) gets the last word on the ones that do not.
 */
import { contentTokens, normalizeAnswer, numbersIn } from '../../text/normalize.ts';
import type { QuestionKind } from './types.ts';

export interface GradableQuestion {
  kind: QuestionKind;
  prompt: string;
  options: string[];
  answer: string;
}

export interface GradeResult {
  correct: boolean;
  /** How the decision was made: useful in logs and for showing "accepted as close enough". */
  method: 'exact' | 'overlap' | 'judge' | 'none';
}

/** Asked only for short answers the lexical rules reject; true means "accept as correct". */
export type ShortAnswerJudge = (question: GradableQuestion, answer: string) => Promise<boolean>;

export const SHORT_ANSWER_F1 = 0.6;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
};

function withDigits(text: string): string {
  return text.replace(/\b[a-z]+\b/gi, (w) => NUMBER_WORDS[w.toLowerCase()] ?? w);
}

export function gradeAnswer(question: GradableQuestion, answer: string): GradeResult {
  const given = normalizeAnswer(answer ?? '');
  const expected = normalizeAnswer(question.answer);
  if (given === '') return { correct: false, method: 'none' };
  if (question.kind !== 'SHORT_ANSWER') return { correct: given === expected, method: 'exact' };
  if (given === expected) return { correct: true, method: 'exact' };
  const expectedText = withDigits(question.answer);
  const givenText = withDigits(answer);
  const want = new Set(numbersIn(expectedText));
  const got = new Set(numbersIn(givenText));
  if (want.size > 0 && (want.size !== got.size || [...want].some((n) => !got.has(n)))) {
    return { correct: false, method: 'overlap' };
  }
  return {
    correct: tokenF1(contentTokens(givenText), contentTokens(expectedText)) >= SHORT_ANSWER_F1,
    method: 'overlap',
  };
}

/** gradeAnswer, then the judge for a short answer the lexical rules did not accept. */
export async function gradeAnswerWithJudge(
  question: GradableQuestion,
  answer: string,
  judge?: ShortAnswerJudge,
): Promise<GradeResult> {
  const lexical = gradeAnswer(question, answer);
  if (lexical.correct || !judge || question.kind !== 'SHORT_ANSWER' || lexical.method === 'none')
    return lexical;
  return { correct: await judge(question, answer), method: 'judge' };
}

export function tokenF1(given: string[], expected: string[]): number {
  if (given.length === 0 || expected.length === 0) return 0;
  const left = new Map<string, number>();
  for (const t of expected) left.set(t, (left.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of given) {
    const n = left.get(t) ?? 0;
    if (n > 0) {
      common++;
      left.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / given.length;
  const recall = common / expected.length;
  return (2 * precision * recall) / (precision + recall);
}
