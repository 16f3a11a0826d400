import type { EntityManager } from '@mikro-orm/postgresql';
import { chunkByIdLoader } from './chunks.ts';
import {
  citationsByMessageLoader,
  conversationByIdLoader,
  conversationsByRoomLoader,
  messageByIdLoader,
  messagesByConversationLoader,
} from './conversations.ts';
import { documentByIdLoader, documentsByRoomLoader } from './documents.ts';
import {
  answeredByViewerLoader,
  answersByAttemptLoader,
  attemptsByQuizLoader,
  questionsByQuizLoader,
  quizByIdLoader,
  quizzesByRoomLoader,
} from './quizzes.ts';
import { membersByRoomLoader, roomByIdLoader, viewerRoleLoader } from './rooms.ts';
import { userByIdLoader } from './users.ts';

/** Fresh per operation (and per subscription event): a loader's cache never outlives its em. */
export function createLoaders(em: EntityManager, viewerId: string | null) {
  return {
    roomById: roomByIdLoader(em),
    membersByRoom: membersByRoomLoader(em),
    viewerRole: viewerRoleLoader(em, viewerId),
    userById: userByIdLoader(em),
    documentById: documentByIdLoader(em),
    documentsByRoom: documentsByRoomLoader(em),
    chunkById: chunkByIdLoader(em),
    conversationById: conversationByIdLoader(em),
    conversationsByRoomForViewer: conversationsByRoomLoader(em, viewerId),
    messageById: messageByIdLoader(em),
    messagesByConversation: messagesByConversationLoader(em),
    citationsByMessage: citationsByMessageLoader(em),
    quizById: quizByIdLoader(em),
    quizzesByRoom: quizzesByRoomLoader(em),
    questionsByQuiz: questionsByQuizLoader(em),
    attemptsByQuizForViewer: attemptsByQuizLoader(em, viewerId),
    answersByAttempt: answersByAttemptLoader(em),
    answeredByViewer: answeredByViewerLoader(em, viewerId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
