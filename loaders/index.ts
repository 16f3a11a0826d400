import type { EntityManager } from '@mikro-orm/postgresql';
import { Conversation, Message } from '../src/entities/conversation.ts';
import { Chunk, Document } from '../src/entities/document.ts';
import { Card, Deck } from '../src/entities/flashcard.ts';
import { LiveQuizSession } from '../src/entities/live.ts';
import { Question, Quiz, QuizAttempt } from '../src/entities/quiz.ts';
import { Room, RoomMember } from '../src/entities/room.ts';
import { StudyGuide } from '../src/entities/study-guide.ts';
import {
  citationsByMessageLoader,
  conversationsByRoomLoader,
  messagesByConversationLoader,
} from './conversations.ts';
import { documentsByRoomLoader, editorsOnlyDocumentsLoader } from './documents.ts';
import { cardsByDeckLoader, decksByRoomLoader } from './flashcards.ts';
import { entityByIdLoader } from './group.ts';
import { viewerPlaysInLoader } from './live.ts';
import {
  answeredByViewerLoader,
  answersByAttemptLoader,
  attemptsByQuizLoader,
  liveOpenQuestionLoader,
  questionsByQuizLoader,
  quizzesByRoomLoader,
} from './quizzes.ts';
import { membersByRoomLoader, viewerInvitedToLoader, viewerRoleLoader } from './rooms.ts';
import { studyGuidesByRoomLoader } from './study-guides.ts';
import { sharesRoomWithViewerLoader, userByIdLoader } from './users.ts';

/** Fresh per operation (and per subscription event): a loader's cache never outlives its em. */
export function createLoaders(em: EntityManager, viewerId: string | null, batch = true) {
  const o = { batch };
  const userById = userByIdLoader(em, o);
  return {
    roomById: entityByIdLoader(em, Room, o),
    roomMemberById: entityByIdLoader(em, RoomMember, o),
    membersByRoom: membersByRoomLoader(em, o, (user) => userById.prime(user.id, user)),
    viewerRole: viewerRoleLoader(em, viewerId, o),
    viewerInvitedTo: viewerInvitedToLoader(em, viewerId, o),
    userById,
    sharesRoomWithViewer: sharesRoomWithViewerLoader(em, viewerId, o),
    documentById: entityByIdLoader(em, Document, o),
    documentsByRoom: documentsByRoomLoader(em, o),
    editorsOnlyDocuments: editorsOnlyDocumentsLoader(em, o),
    chunkById: entityByIdLoader(em, Chunk, o),
    conversationById: entityByIdLoader(em, Conversation, o),
    conversationsByRoomForViewer: conversationsByRoomLoader(em, viewerId, o),
    messageById: entityByIdLoader(em, Message, o),
    messagesByConversation: messagesByConversationLoader(em, o),
    citationsByMessage: citationsByMessageLoader(em, o),
    quizById: entityByIdLoader(em, Quiz, o),
    questionById: entityByIdLoader(em, Question, o),
    attemptById: entityByIdLoader(em, QuizAttempt, o),
    quizzesByRoom: quizzesByRoomLoader(em, o),
    questionsByQuiz: questionsByQuizLoader(em, o),
    attemptsByQuizForViewer: attemptsByQuizLoader(em, viewerId, o),
    answersByAttempt: answersByAttemptLoader(em, o),
    answeredByViewer: answeredByViewerLoader(em, viewerId, o),
    deckById: entityByIdLoader(em, Deck, o),
    cardById: entityByIdLoader(em, Card, o),
    decksByRoom: decksByRoomLoader(em, viewerId, o),
    cardsByDeck: cardsByDeckLoader(em, o),
    studyGuideById: entityByIdLoader(em, StudyGuide, o),
    studyGuidesByRoom: studyGuidesByRoomLoader(em, viewerId, o),
    liveOpenQuestion: liveOpenQuestionLoader(em, o),
    liveSessionById: entityByIdLoader(em, LiveQuizSession, o),
    viewerPlaysIn: viewerPlaysInLoader(em, viewerId, o),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
