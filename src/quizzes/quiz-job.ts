import type { EntityManager } from '@mikro-orm/postgresql';
import { Chunk } from '../entities/document.ts';
import { Question, Quiz } from '../entities/quiz.ts';
import { meaningEmbedder } from '../retrieval/local-embedder.ts';
import type { Services } from '../services.ts';
import { type GenerationStats, generateVerifiedQuestions } from './engine/generate.ts';
import { sampleChunks } from './engine/sample-chunks.ts';
import type { QuestionKind } from './engine/types.ts';
import { buildVocabulary } from './engine/vocabulary.ts';
import type { QuizEngines } from './quiz-engines.ts';
import { publishQuizProgress } from './quiz-progress.ts';

export interface QuizJob {
  quizId: string;
  retryCount: number;
  retryLimit: number;
  signal?: AbortSignal;
}

export type QuizJobServices = Pick<Services, 'orm' | 'pubsub' | 'logger' | 'embedder'> & {
  quizEngines: QuizEngines;
};

// Vocabulary for distractors comes from the whole room, bounded so a huge room stays cheap.
const VOCABULARY_CHUNKS = 3000;

/**
 * Drafts and verifies a quiz. Idempotent: a rerun (after a crash) replaces whatever questions an earlier
 * attempt stored. The last failing attempt marks the quiz FAILED, so a quiz never stays GENERATING.
 */
export async function runQuizJob(services: QuizJobServices, job: QuizJob): Promise<void> {
  const em = services.orm.em.fork() as EntityManager;
  const quiz = await em.findOne(Quiz, job.quizId);
  if (!quiz || quiz.status !== 'GENERATING') return;
  try {
    const chunks = await em.find(
      Chunk,
      { document: { $in: quiz.documentIds } },
      { fields: ['id', 'document', 'text', 'pageStart', 'pageEnd', 'ordinal'], orderBy: { ordinal: 'asc' } },
    );
    const roomTexts = await em.find(
      Chunk,
      { room: quiz.room.id },
      { fields: ['text'], limit: VOCABULARY_CHUNKS },
    );
    const sources = chunks.map((chunk) => ({
      chunkId: chunk.id,
      documentId: chunk.document.id,
      text: chunk.text,
      pageStart: chunk.pageStart,
      pageEnd: chunk.pageEnd,
      ordinal: chunk.ordinal,
    }));
    const sampled = sampleChunks(sources, Math.max(8, quiz.requestedCount * 2), { seed: quiz.id });
    let lastSaved = 0;
    const result = await generateVerifiedQuestions({
      drafter: services.quizEngines.drafter({
        seed: quiz.id,
        vocabulary: buildVocabulary(roomTexts.map((chunk) => chunk.text)),
        embedder: meaningEmbedder(services.embedder),
      }),
      judge: services.quizEngines.judge,
      chunks: sampled,
      count: quiz.requestedCount,
      kinds: quiz.kinds as QuestionKind[],
      signal: job.signal,
      onProgress: async (stats) => {
        publishQuizProgress(services.pubsub, { ...quiz, stats });
        if (Date.now() - lastSaved > 500) {
          lastSaved = Date.now();
          await em.nativeUpdate(Quiz, { id: quiz.id }, { stats });
        }
      },
    });
    const status = result.questions.length > 0 ? 'READY' : 'FAILED';
    const stats: GenerationStats = {
      ...result.stats,
      note:
        result.stats.note ??
        (sampled.length === 0 ? 'The selected documents have no passages of prose to ask about.' : undefined),
    };
    await em.transactional(async (tx) => {
      await tx.nativeDelete(Question, { quiz: quiz.id });
      for (const [ordinal, question] of result.questions.entries()) {
        tx.create(Question, {
          quiz: quiz.id,
          ordinal,
          kind: question.kind,
          prompt: question.prompt,
          options: question.options,
          answer: question.answer,
          explanation: question.explanation,
          difficulty: question.difficulty,
          chunk: question.evidence.chunkId,
          document: question.evidence.documentId,
          quote: question.evidence.quote,
          pageStart: question.evidence.pageStart,
          pageEnd: question.evidence.pageEnd,
        });
      }
      await tx.nativeUpdate(
        Quiz,
        { id: quiz.id },
        {
          status,
          stats,
          error: status === 'FAILED' ? (stats.note ?? 'No question passed verification') : null,
        },
      );
    });
    Object.assign(quiz, { status, stats, error: status === 'FAILED' ? (stats.note ?? null) : null });
    publishQuizProgress(services.pubsub, quiz);
  } catch (error) {
    if (job.retryCount < job.retryLimit && !job.signal?.aborted) throw error;
    const message = `Quiz generation failed: ${error instanceof Error ? error.message : String(error)}`;
    await em.nativeUpdate(Quiz, { id: quiz.id, status: 'GENERATING' }, { status: 'FAILED', error: message });
    Object.assign(quiz, { status: 'FAILED', error: message });
    publishQuizProgress(services.pubsub, quiz);
  }
}
