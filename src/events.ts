/**
 * The events every publisher and subscriber shares: payload types and the pub/sub topics that carry them.
 * Payloads are plain JSON, so they cross Redis unchanged when several instances run.
 */
import type { Document, IngestStage } from './entities/document.ts';
import type { Deck } from './entities/flashcard.ts';
import type { LiveState } from './entities/live.ts';
import type { Quiz } from './entities/quiz.ts';
import type { StudyGuideStatus } from './entities/study-guide.ts';
import type { CardGenerationStats } from './flashcards/engine/types.ts';
import type { GenerationStats } from './quizzes/engine/generate.ts';
import type { TextStreamEvent } from './stream-deltas.ts';

export interface ProgressEvent {
  documentId: string;
  stage: IngestStage;
  progress: number;
  message: string | null;
  status: Document['status'];
  error: string | null;
}

/** What `messageStream` subscribers receive: the whole text so far, so a gap can never corrupt it. */
export interface MessageStreamEvent extends TextStreamEvent {
  messageId: string;
}

export interface QuizProgressEvent {
  quizId: string;
  status: Quiz['status'];
  error: string | null;
  stats: GenerationStats | null;
}

export interface DeckProgressEvent {
  deckId: string;
  status: Deck['status'];
  error: string | null;
  stats: CardGenerationStats | null;
}

/** What `studyGuideStream` subscribers receive: the guide's whole Markdown so far. */
export interface StudyGuideStreamEvent extends TextStreamEvent {
  studyGuideId: string;
  status: StudyGuideStatus;
}

export interface Standing {
  participantId: string;
  userId: string;
  displayName: string;
  score: number;
  rank: number;
}

/**
 * The whole state of a session as every player sees it: built once per change and published, so each
 * subscriber only picks fields from it (no database reads per subscriber). A reconnecting player gets
 * the latest one first.
 */
export interface LiveQuizEvent {
  sessionId: string;
  seq: number;
  state: LiveState;
  joinCode: string;
  questionIndex: number;
  questionCount: number;
  deadline: string | null;
  /** The open question, without its answer. */
  question: { id: string; kind: string; prompt: string; options: string[] } | null;
  reveal: {
    questionId: string;
    correctAnswer: string;
    explanation: string;
    optionCounts: Array<{ option: string; count: number }>;
    answered: number;
  } | null;
  answeredCount: number;
  participantCount: number;
  lobby: string[];
  leaderboard: Standing[];
  /** Every participant's standing by user id, for the per-player `me` field (never serialised whole). */
  standings: Record<string, Standing>;
}

export interface TokensRevokedEvent {
  userId: string;
  version: number;
}

/** Each topic is keyed by the id its subscribers filter on. */
export type Topics = {
  'room:member-added': [roomId: string, payload: { roomId: string; memberId: string }];
  /** Every instance hears it: tokens of `userId` older than `version` are refused, its sockets closed. */
  'user:tokens-revoked': [payload: TokensRevokedEvent];
  'document:progress': [documentId: string, payload: ProgressEvent];
  'message:stream': [messageId: string, payload: MessageStreamEvent];
  'quiz:progress': [quizId: string, payload: QuizProgressEvent];
  'live:quiz': [sessionId: string, payload: LiveQuizEvent];
  'deck:progress': [deckId: string, payload: DeckProgressEvent];
  'study-guide:stream': [studyGuideId: string, payload: StudyGuideStreamEvent];
};
