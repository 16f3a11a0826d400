import { graphql } from '@/gql';

export const ConversationsQuery = graphql(`
  query Conversations($roomId: ID!) {
    room(id: $roomId) {
      id
      conversations(first: 50) {
        edges {
          node {
            id
            title
            createdAt
          }
        }
      }
      documents(first: 100) {
        edges {
          node {
            id
            status
          }
        }
      }
    }
  }
`);

export const CitationFieldsFragment = graphql(`
  fragment CitationFields on Citation {
    index
    quote
    pageStart
    pageEnd
    pageLabel
    headingPath
    highlights {
      page
      x
      y
      width
      height
    }
    documentTitle
    document {
      id
      title
      mimeType
    }
  }
`);

export const MessageFieldsFragment = graphql(`
  fragment MessageFields on Message {
    id
    role
    content
    status
    error
    engine
    createdAt
    citations {
      ...CitationFields
    }
  }
`);

/**
 * The fields of MessageFields written out, not spread: the API's query-cost limit counts a fragment
 * spread under `node(id)` about twice (graphql-armor): spread, this query cost 26k of the allowed 20k.
 */
export const ConversationQuery = graphql(`
  query Conversation($id: ID!) {
    node(id: $id) {
      __typename
      ... on Conversation {
        id
        title
        messages(first: 200) {
          edges {
            node {
              id
              role
              content
              status
              error
              engine
              createdAt
              citations {
                index
                quote
                pageStart
                pageEnd
                pageLabel
                headingPath
                highlights {
                  page
                  x
                  y
                  width
                  height
                }
                documentTitle
                document {
                  id
                  title
                  mimeType
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const StartConversationMutation = graphql(`
  mutation StartConversation($input: StartConversationInput!) {
    startConversation(input: $input) {
      id
    }
  }
`);

export const AskQuestionMutation = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      ...MessageFields
    }
  }
`);

export const MessageStreamSubscription = graphql(`
  subscription MessageStream($messageId: ID!) {
    messageStream(messageId: $messageId) {
      messageId
      delta
      content
      done
      reset
      message {
        ...MessageFields
      }
    }
  }
`);
