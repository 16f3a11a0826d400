import { print } from 'graphql';
import {
  AskQuestionDocument,
  type MessageFieldsFragment,
  MessageStreamDocument,
  StartConversationDocument,
} from '../generated/operations.ts';
import { call, wsClient } from './client.ts';

export interface StreamEvent {
  messageId: string;
  delta: string;
  content: string;
  done: boolean;
  reset: boolean;
  message: MessageFieldsFragment | null;
}

/** Subscribes to messageStream until it completes; returns every event in order. */
export async function collectStream(
  wsUrl: string,
  token: string,
  messageId: string,
  options: { stopAfter?: number } = {},
): Promise<StreamEvent[]> {
  const client = wsClient(wsUrl, token);
  const events: StreamEvent[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const dispose = client.subscribe(
        { query: print(MessageStreamDocument), variables: { messageId } },
        {
          next: (value) => {
            if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
            events.push((value.data as { messageStream: StreamEvent }).messageStream);
            if (options.stopAfter && events.length >= options.stopAfter) {
              dispose();
              resolve();
            }
          },
          error: reject,
          complete: resolve,
        },
      );
    });
  } finally {
    await client.dispose();
  }
  return events;
}

export async function startConversation(url: string, token: string, roomId: string, title?: string) {
  return (await call(url, StartConversationDocument, { input: { roomId, title } }, token)).startConversation;
}

export async function ask(url: string, token: string, conversationId: string, question: string) {
  return (await call(url, AskQuestionDocument, { input: { conversationId, question } }, token)).askQuestion;
}
