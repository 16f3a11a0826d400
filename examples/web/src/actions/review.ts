'use server';

import type { ReviewRating } from '@/gql/graphql';
import { attempt } from '@/lib/action-result';
import { apiRequest } from '@/lib/api';
import { GenerateFlashcardsMutation, ReviewCardMutation } from '@/operations/review';

export async function generateFlashcards(input: { roomId: string; count: number; documentIds?: string[] }) {
  return attempt(async () => (await apiRequest(GenerateFlashcardsMutation, { input })).generateFlashcards);
}

export async function reviewCard(cardId: string, rating: ReviewRating) {
  return attempt(
    async () => (await apiRequest(ReviewCardMutation, { input: { cardId, rating } })).reviewCard,
  );
}
