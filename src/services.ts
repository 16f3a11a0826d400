import type { MikroORM } from '@mikro-orm/postgresql';
import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { AuthLimits } from './auth/auth-limits.ts';
import type { TokenVersions } from './auth/token-versions.ts';
import type { TokenService } from './auth/tokens.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { AnswerRunner } from './conversations/answer-runner.ts';
import type { FlashcardEngines } from './flashcards/flashcard-engines.ts';
import type { RateLimiter } from './limits/rate-limiter.ts';
import type { LiveEventCache } from './live/live-event-cache.ts';
import type { LlmMeter } from './llm/llm-meter.ts';
import type { Metrics } from './metrics.ts';
import type { PubSub } from './pubsub.ts';
import type { QuizEngines } from './quizzes/quiz-engines.ts';
import type { Embedders } from './retrieval/embedders.ts';
import type { Embedder, SearchReranker, VectorStore } from './retrieval/ports.ts';
import type { StudyGuideEngines } from './study-guides/study-guide-engines.ts';

/** Long-lived collaborators, built once at start and handed to every operation. */
export interface Services {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  tokens: TokenService;
  authLimits: AuthLimits;
  tokenVersions: TokenVersions;
  pubsub: PubSub;
  queue: PgBoss;
  /** The configured embedder (`embedders.active`). */
  embedder: Embedder;
  embedders: Embedders;
  vectorStore: VectorStore;
  /** Set when RERANK_URL names a reranking server. */
  reranker?: SearchReranker;
  answers: AnswerRunner;
  /** Counts every chat completion's tokens and charges them to the member and room named around the work. */
  llmMeter: LlmMeter;
  metrics: Metrics;
  quizEngines: QuizEngines;
  liveEvents: LiveEventCache;
  /** Failed joinLiveQuiz attempts per user and per socket (join codes must not be guessable). */
  joinAttempts: RateLimiter;
  flashcardEngines: FlashcardEngines;
  studyGuideEngines: StudyGuideEngines;
  /** Server time for review scheduling; tests replace it to move through simulated days. */
  clock: Clock;
}
