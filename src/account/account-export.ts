/**
 * A person's data on request (docs/school.md): their account, memberships and pending invitations,
 * conversations with every message and citation, quiz attempts with their answers, and flashcard reviews
 * with the review history, as JSON files in one zip. Only rows that are the person's own: a room's
 * documents, quizzes and decks belong to the room, not to whoever made them.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Citation, Conversation, Message } from '../entities/conversation.ts';
import { CardReview, ReviewLog } from '../entities/flashcard.ts';
import { AttemptAnswer, QuizAttempt } from '../entities/quiz.ts';
import { RoomMember } from '../entities/room.ts';
import { User } from '../entities/user.ts';
import { zipFiles } from './engine/zip-writer.ts';

/** The archive's files, one per section. */
export const EXPORT_SECTIONS = ['account', 'memberships', 'conversations', 'attempts', 'reviews'] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

export async function accountExport(
  em: EntityManager,
  userId: string,
): Promise<Record<ExportSection, unknown> | null> {
  const user = await em.findOne(User, userId);
  if (!user) return null;
  const memberships = await em.find(
    RoomMember,
    { $or: [{ user: userId }, { email: user.email, status: 'INVITED' }] },
    { populate: ['room'], orderBy: { createdAt: 'asc' } },
  );
  const conversations = await em.find(
    Conversation,
    { owner: userId },
    { populate: ['room'], orderBy: { createdAt: 'asc' } },
  );
  const messages = await em.find(
    Message,
    { conversation: { $in: conversations.map((c) => c.id) } },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const citations = await em.find(
    Citation,
    { message: { $in: messages.map((m) => m.id) } },
    { orderBy: { index: 'asc' } },
  );
  const attempts = await em.find(
    QuizAttempt,
    { user: userId },
    { populate: ['quiz', 'quiz.room'], orderBy: { createdAt: 'asc' } },
  );
  const answers = await em.find(
    AttemptAnswer,
    { attempt: { $in: attempts.map((a) => a.id) } },
    { populate: ['question'], orderBy: { createdAt: 'asc' } },
  );
  const reviews = await em.find(
    CardReview,
    { user: userId },
    { populate: ['card', 'room'], orderBy: { createdAt: 'asc' } },
  );
  const reviewLog = await em.find(ReviewLog, { user: userId }, { orderBy: { reviewedAt: 'asc' } });

  return {
    account: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      createdAt: user.createdAt,
      exportedAt: new Date(),
    },
    memberships: memberships.map((m) => ({
      room: { id: m.room.id, name: m.room.name },
      role: m.role,
      status: m.status,
      invitedAt: m.email ? m.createdAt : null,
      joinedAt: m.status === 'ACTIVE' ? (m.acceptedAt ?? m.createdAt) : null,
    })),
    conversations: conversations.map((c) => ({
      id: c.id,
      room: { id: c.room.id, name: c.room.name },
      title: c.title,
      createdAt: c.createdAt,
      messages: messages
        .filter((m) => m.conversation.id === c.id)
        .map((m) => ({
          id: m.id,
          role: m.role,
          content: m.content,
          status: m.status,
          createdAt: m.createdAt,
          citations: citations
            .filter((citation) => citation.message.id === m.id)
            .map((citation) => ({
              index: citation.index,
              document: citation.documentTitle,
              pageStart: citation.pageStart,
              pageEnd: citation.pageEnd,
              quote: citation.quote,
            })),
        })),
    })),
    attempts: attempts.map((a) => ({
      id: a.id,
      quiz: { id: a.quiz.id, title: a.quiz.title, room: { id: a.quiz.room.id, name: a.quiz.room.name } },
      number: a.number,
      startedAt: a.createdAt,
      finishedAt: a.finishedAt ?? null,
      score: a.score ?? null,
      answers: answers
        .filter((answer) => answer.attempt.id === a.id)
        .map((answer) => ({
          question: answer.question.prompt,
          answer: answer.answer,
          correct: answer.correct,
          answeredAt: answer.createdAt,
        })),
    })),
    reviews: {
      cards: reviews.map((r) => ({
        card: { id: r.card.id, front: r.card.front, back: r.card.back },
        room: { id: r.room.id, name: r.room.name },
        state: r.state,
        due: r.due,
        reps: r.reps,
        lapses: r.lapses,
        stability: r.stability,
        difficulty: r.difficulty,
        lastReview: r.lastReview ?? null,
      })),
      history: reviewLog.map((log) => ({
        card: log.card.id,
        rating: log.rating,
        state: log.state,
        reviewedAt: log.reviewedAt,
      })),
    },
  };
}

/** The zip a person downloads: `<section>.json` for each section; null when the account is gone. */
export async function accountArchive(em: EntityManager, userId: string): Promise<Uint8Array | null> {
  const sections = await accountExport(em, userId);
  if (!sections) return null;
  return zipFiles(
    EXPORT_SECTIONS.map((section) => ({
      name: `${section}.json`,
      data: new TextEncoder().encode(`${JSON.stringify(sections[section], null, 2)}\n`),
    })),
  );
}
