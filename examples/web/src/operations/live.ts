import { graphql } from '@/gql';

export const StartLiveQuizMutation = graphql(`
  mutation StartLiveQuiz($quizId: ID!, $questionSeconds: Int) {
    startLiveQuiz(quizId: $quizId, questionSeconds: $questionSeconds) {
      id
      joinCode
      state
    }
  }
`);

export const JoinLiveQuizMutation = graphql(`
  mutation JoinLiveQuiz($joinCode: String!) {
    joinLiveQuiz(joinCode: $joinCode) {
      id
      joinCode
      state
    }
  }
`);

export const NextLiveQuestionMutation = graphql(`
  mutation NextLiveQuestion($sessionId: ID!) {
    nextLiveQuestion(sessionId: $sessionId) {
      id
      state
    }
  }
`);

export const SubmitLiveAnswerMutation = graphql(`
  mutation SubmitLiveAnswer($input: SubmitLiveAnswerInput!) {
    submitLiveAnswer(input: $input) {
      accepted
    }
  }
`);

export const LiveQuizSubscription = graphql(`
  subscription LiveQuiz($sessionId: ID!) {
    liveQuiz(sessionId: $sessionId) {
      sessionId
      seq
      state
      joinCode
      questionIndex
      questionCount
      deadline
      question {
        id
        kind
        prompt
        options
      }
      reveal {
        questionId
        correctAnswer
        explanation
        optionCounts {
          option
          count
        }
        answered
      }
      answeredCount
      participantCount
      lobby
      leaderboard {
        displayName
        score
        rank
      }
      me {
        displayName
        score
        rank
      }
    }
  }
`);
