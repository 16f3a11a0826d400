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
export function createLoaders(em: EntityManager, viewerId: string | null, batch = true) {
  const o = { batch };
  const userById = userByIdLoader(em, o);
  return {
    roomById: roomByIdLoader(em, o),
    membersByRoom: membersByRoomLoader(em, o, (user) => userById.prime(user.id, user)),
    viewerRole: viewerRoleLoader(em, viewerId, o),
    userById,
    documentById: documentByIdLoader(em, o),
    documentsByRoom: documentsByRoomLoader(em, o),
    chunkById: chunkByIdLoader(em, o),
    conversationById: conversationByIdLoader(em, o),
    conversationsByRoomForViewer: conversationsByRoomLoader(em, viewerId, o),
    messageById: messageByIdLoader(em, o),
    messagesByConversation: messagesByConversationLoader(em, o),
    citationsByMessage: citationsByMessageLoader(em, o),
    quizById: quizByIdLoader(em, o),
    quizzesByRoom: quizzesByRoomLoader(em, o),
    questionsByQuiz: questionsByQuizLoader(em, o),
    attemptsByQuizForViewer: attemptsByQuizLoader(em, viewerId, o),
    answersByAttempt: answersByAttemptLoader(em, o),
    answeredByViewer: answeredByViewerLoader(em, viewerId, o),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
