/**
 * The verification loop: draft, check every draft, keep what passes, regenerate the rejected slots for a
 * bounded number of rounds. Only verified questions come out; a bad draft is a statistic, never an error.
 * The one thing that throws is the drafter or judge itself (a provider still failing after its retries),
 * so the job can mark the quiz FAILED.
 */

import { generateVerified, type RoundsStats } from './rounds.ts';
import type {
  QuestionDraft,
  QuestionKind,
  QuizDrafter,
  QuizJudge,
  QuizSourceChunk,
  Rejection,
  RejectionReason,
  VerifiedQuestion,
} from './types.ts';
import { REJECTION_REASONS } from './types.ts';
import { checkDraft, duplicateIndex, normalizeDraft, rejection } from './verify.ts';

export type GenerationStats = RoundsStats<RejectionReason>;

export interface GenerateOptions {
  drafter: QuizDrafter;
  chunks: QuizSourceChunk[];
  count: number;
  kinds: QuestionKind[];
  judge?: QuizJudge;
  /** Rounds in all, the first included. */
  maxRounds?: number;
  /** Extra drafts asked for in round 1, as a share of `count` (rejections are expected). */
  overdraft?: number;
  onProgress?: (stats: GenerationStats) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface GenerationResult {
  questions: VerifiedQuestion[];
  stats: GenerationStats;
  rejections: Rejection[];
}

export async function generateVerifiedQuestions(options: GenerateOptions): Promise<GenerationResult> {
  const { drafter, chunks, count, judge, signal } = options;
  const kinds =
    options.kinds.length > 0 ? [...new Set(options.kinds)] : (['MULTIPLE_CHOICE'] as QuestionKind[]);
  const byId = new Map(chunks.map((c) => [c.chunkId, c]));
  const duplicates = duplicateIndex();
  const { items, stats, rejections } = await generateVerified<
    QuestionDraft,
    VerifiedQuestion,
    Rejection,
    RejectionReason
  >({
    count,
    drafterName: drafter.name,
    reasons: REJECTION_REASONS,
    draft: ({ count: ask, round, released }) =>
      drafter.draft({
        chunks,
        count: ask,
        kinds: kindsStillNeeded(kinds, count, released),
        avoid: released.map((q) => q.prompt),
        round,
        signal,
      }),
    verify: (raw) => verifyOne(raw, byId, duplicates, judge, signal),
    onRelease: (question) => duplicates.add(question),
    shortfallNote: (stats, made, shortOfMaterial) =>
      shortfallNote(stats, made, shortOfMaterial, chunks.length),
    maxRounds: options.maxRounds,
    overdraft: options.overdraft,
    onProgress: options.onProgress,
    signal,
  });
  return { questions: items, stats, rejections };
}

async function verifyOne(
  raw: QuestionDraft,
  chunks: Map<string, QuizSourceChunk>,
  duplicates: ReturnType<typeof duplicateIndex>,
  judge: QuizJudge | undefined,
  signal: AbortSignal | undefined,
): Promise<VerifiedQuestion | Rejection> {
  const draft = normalizeDraft(raw);
  if ('reason' in draft) return rejection(raw, draft);
  const chunk = chunks.get(draft.evidence.chunkId);
  const failure = checkDraft(draft, chunk);
  if (failure) return rejection(draft, failure);
  if (!chunk) return rejection(draft, { reason: 'QUOTE_NOT_FOUND', detail: 'unknown chunk' });
  if (duplicates.isDuplicate(draft)) {
    return rejection(draft, { reason: 'DUPLICATE', detail: 'near-duplicate of a released question' });
  }
  const question: VerifiedQuestion = {
    ...draft,
    evidence: {
      chunkId: chunk.chunkId,
      documentId: chunk.documentId,
      quote: draft.evidence.quote,
      pageStart: chunk.pageStart,
      pageEnd: chunk.pageEnd,
    },
  };
  if (judge) {
    const verdict = await judge(question, chunk.text, signal);
    if (!verdict.supported || verdict.distractorSupported) {
      const why = !verdict.supported ? 'answer not supported' : 'a distractor is also supported';
      return rejection(draft, { reason: 'JUDGE_REJECTED', detail: `${why}: ${verdict.reason}` });
    }
  }
  return question;
}

/** Kinds whose share of `count` is not yet filled, most lacking first; all kinds once every share is. */
export function kindsStillNeeded(
  kinds: QuestionKind[],
  count: number,
  done: { kind: QuestionKind }[],
): QuestionKind[] {
  const lacking = kinds
    .map((kind, i) => {
      const share = Math.floor(count / kinds.length) + (i < count % kinds.length ? 1 : 0);
      return { kind, lack: share - done.filter((q) => q.kind === kind).length };
    })
    .filter((k) => k.lack > 0)
    .sort((a, b) => b.lack - a.lack);
  return lacking.length > 0 ? lacking.map((k) => k.kind) : kinds;
}

function shortfallNote(
  stats: GenerationStats,
  made: number,
  shortOfMaterial: boolean,
  chunkCount: number,
): string {
  const top = Object.entries(stats.rejectionsByReason)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const rejected = stats.rejected > 0 ? `; ${stats.rejected} drafts failed verification (${top})` : '';
  const why = shortOfMaterial
    ? `the selected material (${chunkCount} usable passages) holds too few sentences with clear key facts`
    : `not enough drafts passed verification in ${stats.rounds} rounds`;
  return `Made ${made} of ${stats.requested} questions: ${why}${rejected}.`;
}
