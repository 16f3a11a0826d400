'use server';

import { attempt } from '@/lib/action-result';
import { apiRequest } from '@/lib/api';
import {
  JoinLiveQuizMutation,
  NextLiveQuestionMutation,
  StartLiveQuizMutation,
  SubmitLiveAnswerMutation,
} from '@/operations/live';

export async function startLiveQuiz(quizId: string, questionSeconds: number) {
  return attempt(
    async () => (await apiRequest(StartLiveQuizMutation, { quizId, questionSeconds })).startLiveQuiz,
  );
}

export async function joinLiveQuiz(joinCode: string) {
  return attempt(async () => (await apiRequest(JoinLiveQuizMutation, { joinCode })).joinLiveQuiz);
}

export async function nextLiveQuestion(sessionId: string) {
  return attempt(async () => (await apiRequest(NextLiveQuestionMutation, { sessionId })).nextLiveQuestion);
}

export async function submitLiveAnswer(sessionId: string, questionId: string, answer: string) {
  return attempt(
    async () =>
      (await apiRequest(SubmitLiveAnswerMutation, { input: { sessionId, questionId, answer } }))
        .submitLiveAnswer,
  );
}
