'use server';

import { attempt } from '@/lib/action-result';
import { apiRequest } from '@/lib/api';
import { AskQuestionMutation, StartConversationMutation } from '@/operations/chat';

/** Starts a conversation (titled by its first question), asks that question in it, returns its id. */
export async function startConversation(roomId: string, question: string) {
  return attempt(async () => {
    const { startConversation } = await apiRequest(StartConversationMutation, {
      input: { roomId, title: question.slice(0, 80) },
    });
    await apiRequest(AskQuestionMutation, { input: { conversationId: startConversation.id, question } });
    return startConversation.id;
  });
}

/** Returns the STREAMING assistant message; the client follows it with messageStream. */
export async function askQuestion(conversationId: string, question: string) {
  return attempt(
    async () => (await apiRequest(AskQuestionMutation, { input: { conversationId, question } })).askQuestion,
  );
}
