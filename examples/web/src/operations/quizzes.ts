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
    maxAttempts
    revealAnswers
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
        maxAttempts
        revealAnswers
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
              number
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

/** Null for a viewer until the quiz's revealAnswers allows it (and always null for NEVER). */
export const EvidenceFieldsFragment = graphql(`
  fragment EvidenceFields on Evidence {
    quote
    pageStart
    pageEnd
    pageLabel
    highlights {
      page
      x
      y
      width
      height
    }
    document {
      id
      title
      mimeType
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
        ...EvidenceFields
      }
    }
  }
`);

/** The answers with what the quiz reveals once an attempt is finished (AFTER_FINISH shows them here). */
export const FinishQuizAttemptMutation = graphql(`
  mutation FinishQuizAttempt($attemptId: ID!) {
    finishQuizAttempt(attemptId: $attemptId) {
      id
      score
      answers {
        answer
        correct
        question {
          id
          prompt
          answer
          explanation
          evidence {
            ...EvidenceFields
          }
        }
      }
    }
  }
`);
