import { AuditEntry } from './audit.ts';
import { Citation, Conversation, Message } from './conversation.ts';
import { Chunk, Document, DocumentBlob } from './document.ts';
import { Card, CardReview, Deck, ReviewLog } from './flashcard.ts';
import { LiveAnswer, LiveParticipant, LiveQuizSession } from './live.ts';
import { AttemptAnswer, Question, Quiz, QuizAttempt } from './quiz.ts';
import { Room, RoomMember } from './room.ts';
import { StudyGuide } from './study-guide.ts';
import { UsageDay } from './usage.ts';
import { User } from './user.ts';

/** Every entity the ORM knows; add new ones here so migrations see them. */
export const entities = [
  User,
  Room,
  RoomMember,
  Document,
  DocumentBlob,
  Chunk,
  Conversation,
  Message,
  Citation,
  Quiz,
  Question,
  QuizAttempt,
  AttemptAnswer,
  LiveQuizSession,
  LiveParticipant,
  LiveAnswer,
  Deck,
  Card,
  CardReview,
  ReviewLog,
  StudyGuide,
  UsageDay,
  AuditEntry,
];
