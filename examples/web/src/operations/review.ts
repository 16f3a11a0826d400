import { graphql } from '@/gql';

export const DeckRowFragment = graphql(`
  fragment DeckRow on Deck {
    id
    title
    kind
    status
    error
    cardCount
    createdAt
  }
`);

export const RoomReviewQuery = graphql(`
  query RoomReview($roomId: ID!) {
    room(id: $roomId) {
      id
      viewerRole
      decks(first: 50) {
        edges {
          node {
            ...DeckRow
          }
        }
      }
      documents(first: 100) {
        edges {
          node {
            id
            title
            status
          }
        }
      }
    }
    reviewQueue(roomId: $roomId, first: 50) {
      ...ReviewItemFields
    }
  }
`);

export const ReviewItemFieldsFragment = graphql(`
  fragment ReviewItemFields on ReviewItem {
    due
    state
    reps
    lapses
    card {
      id
      front
      back
      evidence {
        quote
        pageStart
        pageEnd
        pageLabel
        documentTitle
        highlights {
          page
          x
          y
          width
          height
        }
        document {
          id
          mimeType
        }
      }
    }
  }
`);

export const ReviewCardMutation = graphql(`
  mutation ReviewCard($input: ReviewCardInput!) {
    reviewCard(input: $input) {
      due
      state
      reps
      lapses
      scheduledDays
    }
  }
`);

export const GenerateFlashcardsMutation = graphql(`
  mutation GenerateFlashcards($input: GenerateFlashcardsInput!) {
    generateFlashcards(input: $input) {
      ...DeckRow
    }
  }
`);

export const DeckProgressSubscription = graphql(`
  subscription DeckProgress($deckId: ID!) {
    deckProgress(deckId: $deckId) {
      status
      error
      drafted
      verified
      rejected
      round
      deck {
        ...DeckRow
      }
    }
  }
`);
