import { print } from 'graphql';
import { QuizDocument, QuizProgressDocument } from '../generated/operations.ts';
import { call, wsClient } from './client.ts';

export interface ProgressEvent {
  status: string;
  drafted: number;
  verified: number;
  rejected: number;
  round: number;
}

/** Follows quizProgress until it completes (READY or FAILED). */
export async function followQuiz(wsUrl: string, token: string, quizId: string): Promise<ProgressEvent[]> {
  const client = wsClient(wsUrl, token);
  const events: ProgressEvent[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: print(QuizProgressDocument), variables: { quizId } },
        {
          next: (value) => {
            if (value.errors) reject(new Error(JSON.stringify(value.errors)));
            else events.push((value.data as { quizProgress: ProgressEvent }).quizProgress);
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

export async function loadQuiz(url: string, token: string, id: string) {
  const { node } = await call(url, QuizDocument, { id }, token);
  if (node?.__typename !== 'Quiz') throw new Error(`quiz ${id} not visible`);
  return node;
}
