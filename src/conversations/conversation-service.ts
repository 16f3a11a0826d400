import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWithinBudget, type BudgetServices } from '../budgets/usage-service.ts';
import { Conversation, Message } from '../entities/conversation.ts';
import { Room } from '../entities/room.ts';
import { User } from '../entities/user.ts';
import { badInput } from '../errors.ts';
import type { MessageStreamEvent } from '../events.ts';
import type { AnswerRunner } from './answer-runner.ts';
import type { ChatTurn } from './engine/types.ts';

const HISTORY_TURNS = 20;

export async function startConversation(
  em: EntityManager,
  ownerId: string,
  input: { roomId: string; title?: string | null },
): Promise<Conversation> {
  const conversation = em.create(Conversation, {
    room: em.getReference(Room, input.roomId),
    owner: em.getReference(User, ownerId),
    title: input.title?.trim() || 'New conversation',
  });
  await em.flush();
  return conversation;
}

/**
 * Stores the question and an empty STREAMING assistant message, starts generating in the background and
 * returns the assistant message at once.
 */
export async function askQuestion(
  em: EntityManager,
  services: BudgetServices & { answers: AnswerRunner },
  conversation: Conversation,
  question: string,
  asker: { includeEditorsOnly: boolean },
): Promise<Message> {
  const previous = await em.find(
    Message,
    { conversation: conversation.id },
    { orderBy: { createdAt: 'desc', role: 'asc' }, limit: HISTORY_TURNS * 2 },
  );
  if (previous.some((message) => message.status === 'STREAMING')) {
    throw badInput('The previous answer is still being written; wait for it to finish', 'conversationId');
  }
  await assertWithinBudget(em, services, {
    roomId: conversation.room.id,
    userId: conversation.owner.id,
    spending: { kind: 'llm' },
  });
  const history: ChatTurn[] = previous
    .filter((message) => message.status === 'COMPLETE')
    .reverse()
    .map((message) => ({ role: message.role === 'USER' ? 'user' : 'assistant', content: message.content }));
  const now = Date.now();
  em.create(Message, {
    conversation,
    role: 'USER',
    content: question.trim(),
    status: 'COMPLETE',
    createdAt: new Date(now),
  });
  const answer = em.create(Message, {
    conversation,
    role: 'ASSISTANT',
    content: '',
    status: 'STREAMING',
    // A millisecond later, so "oldest first" never puts the answer before its question.
    createdAt: new Date(now + 1),
  });
  if (conversation.title === 'New conversation') conversation.title = question.trim().slice(0, 120);
  await em.flush();
  services.answers.start({
    messageId: answer.id,
    roomId: conversation.room.id,
    userId: conversation.owner.id,
    question: question.trim(),
    history,
    includeEditorsOnly: asker.includeEditorsOnly,
  });
  return answer;
}

/** Deletes the conversation; answers being written for it are aborted (their provider requests cancelled). */
export async function deleteConversation(
  em: EntityManager,
  answers: AnswerRunner,
  conversation: Conversation,
) {
  const streaming = await em.find(
    Message,
    { conversation: conversation.id, status: 'STREAMING' },
    { fields: ['id'] },
  );
  answers.abort(
    streaming.map((message) => message.id),
    'The conversation was deleted',
  );
  await em.nativeDelete(Conversation, { id: conversation.id });
}

/** The snapshot a `messageStream` subscriber starts from: this process's live text, else the stored one. */
export async function messageSnapshot(
  em: EntityManager,
  answers: AnswerRunner,
  messageId: string,
): Promise<MessageStreamEvent | null> {
  const message = await em.findOne(Message, messageId, { disableIdentityMap: true });
  if (!message) return null;
  const live = message.status === 'STREAMING' ? answers.current(messageId) : undefined;
  const content = live ?? message.content;
  return { messageId, content, delta: content, done: message.status !== 'STREAMING' };
}
