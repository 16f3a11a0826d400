import type { QuestionDraft, QuizDrafter, QuizSourceChunk } from '../../../src/quizzes/engine/types.ts';
import { MADEIRA, PHOTOSYNTHESIS } from './sample-text.ts';

/** The sample prose split into chunks of a few sentences, as ingestion would hand them over. */
export function sampleChunks(): QuizSourceChunk[] {
  const out: QuizSourceChunk[] = [];
  for (const [documentId, text] of [
    ['madeira', MADEIRA],
    ['photosynthesis', PHOTOSYNTHESIS],
  ] as const) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i += 4) {
      out.push({
        chunkId: `${documentId}-${i / 4}`,
        documentId,
        text: lines.slice(i, i + 4).join('\n'),
        pageStart: i / 4 + 1,
        pageEnd: i / 4 + 1,
      });
    }
  }
  return out;
}

/** A drafter that returns scripted drafts per round and records what it was asked. */
export function scriptedDrafter(
  rounds: QuestionDraft[][],
): QuizDrafter & { calls: Array<{ round: number; count: number; avoid: string[] }> } {
  const calls: Array<{ round: number; count: number; avoid: string[] }> = [];
  return {
    name: 'scripted',
    calls,
    async draft(input) {
      calls.push({ round: input.round, count: input.count, avoid: input.avoid });
      return rounds[input.round - 1] ?? [];
    },
  };
}

export function mc(
  chunkId: string,
  quote: string,
  prompt: string,
  answer: string,
  distractors: string[],
): QuestionDraft {
  return {
    kind: 'MULTIPLE_CHOICE',
    prompt,
    options: [answer, ...distractors],
    answer,
    explanation: `The source says: "${quote}"`,
    evidence: { chunkId, quote },
    difficulty: 'medium',
  };
}
