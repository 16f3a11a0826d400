import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Citation, Conversation, Message } from '../src/entities/conversation.ts';
import type { LoaderOptions } from './group.ts';
import { groupBy } from './group.ts';

export function messagesByConversationLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, Message[]>(async (ids) => {
    const messages = await em.find(
      Message,
      { conversation: { $in: [...ids] } },
      { orderBy: { createdAt: 'asc', role: 'desc', id: 'asc' } },
    );
    return groupBy(ids, messages, (message) => message.conversation.id);
  }, options);
}

export function citationsByMessageLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, Citation[]>(async (ids) => {
    const citations = await em.find(Citation, { message: { $in: [...ids] } }, { orderBy: { index: 'asc' } });
    return groupBy(ids, citations, (citation) => citation.message.id);
  }, options);
}

export function conversationsByRoomLoader(
  em: EntityManager,
  viewerId: string | null,
  options?: LoaderOptions,
) {
  return new DataLoader<string, Conversation[]>(async (roomIds) => {
    if (!viewerId) return roomIds.map(() => []);
    const conversations = await em.find(
      Conversation,
      { room: { $in: [...roomIds] }, owner: viewerId },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return groupBy(roomIds, conversations, (conversation) => conversation.room.id);
  }, options);
}
