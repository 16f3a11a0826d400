import { graphql } from '@/gql';

export const RoomQuizzesQuery = graphql(`
  query RoomQuizzes($roomId: ID!) {
    room(id: $roomId) {
      id
      viewerRole
      quizzes(first: 50) {
        edges {
          node {
            ...QuizRow
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
  }
`);

export const QuizRowFragment = graphql(`
  fragment QuizRow on Quiz {
    id
    title
    status
    error
    createdAt
    stats {
      requested
      verified
      rejected
      rounds
      engine
    }
  }
`);

export const QuizForTakingQuery = graphql(`
  query QuizForTaking($id: ID!) {
    node(id: $id) {
      __typename
      ... on Quiz {
        id
        title
        status
        room {
          id
          viewerRole
        }
        questions(first: 100) {
          edges {
            node {
              id
              kind
              prompt
              options
            }
          }
        }
        attempts(first: 5) {
          edges {
            node {
              id
              score
              finishedAt
            }
          }
        }
      }
    }
  }
`);

export const GenerateQuizMutation = graphql(`
  mutation GenerateQuiz($input: GenerateQuizInput!) {
    generateQuiz(input: $input) {
      ...QuizRow
    }
  }
`);

export const QuizProgressSubscription = graphql(`
  subscription QuizProgress($quizId: ID!) {
    quizProgress(quizId: $quizId) {
      status
      error
      drafted
      verified
      rejected
      round
      quiz {
        ...QuizRow
      }
    }
  }
`);

export const StartQuizAttemptMutation = graphql(`
  mutation StartQuizAttempt($quizId: ID!) {
    startQuizAttempt(quizId: $quizId) {
      id
    }
  }
`);

export const SubmitAnswerMutation = graphql(`
  mutation SubmitAnswer($input: SubmitAnswerInput!) {
    submitAnswer(input: $input) {
      correct
      correctAnswer
      explanation
      evidence {
        quote
        pageStart
        pageEnd
        document {
          id
          title
          mimeType
        }
      }
    }
  }
`);

export const FinishQuizAttemptMutation = graphql(`
  mutation FinishQuizAttempt($attemptId: ID!) {
    finishQuizAttempt(attemptId: $attemptId) {
      id
      score
      answers {
        correct
      }
    }
  }
`);
