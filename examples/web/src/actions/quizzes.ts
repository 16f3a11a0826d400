'use server';

import type { QuestionKind, RevealAnswers } from '@/gql/graphql';
import { attempt } from '@/lib/action-result';
import { apiRequest } from '@/lib/api';
import {
  FinishQuizAttemptMutation,
  GenerateQuizMutation,
  StartQuizAttemptMutation,
  SubmitAnswerMutation,
} from '@/operations/quizzes';

export async function generateQuiz(input: {
  roomId: string;
  questionCount: number;
  kinds: QuestionKind[];
  documentIds?: string[];
  title?: string;
  maxAttempts?: number | null;
  revealAnswers?: RevealAnswers;
}) {
  return attempt(async () => (await apiRequest(GenerateQuizMutation, { input })).generateQuiz);
}

export async function startQuizAttempt(quizId: string) {
  return attempt(async () => (await apiRequest(StartQuizAttemptMutation, { quizId })).startQuizAttempt);
}

export async function submitAnswer(attemptId: string, questionId: string, answer: string) {
  return attempt(
    async () =>
      (await apiRequest(SubmitAnswerMutation, { input: { attemptId, questionId, answer } })).submitAnswer,
  );
}

export async function finishQuizAttempt(attemptId: string) {
  return attempt(async () => (await apiRequest(FinishQuizAttemptMutation, { attemptId })).finishQuizAttempt);
}
