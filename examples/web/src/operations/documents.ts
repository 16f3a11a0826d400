import { graphql } from '@/gql';

export const RoomDocumentsQuery = graphql(`
  query RoomDocuments($id: ID!) {
    room(id: $id) {
      id
      viewerRole
      documents(first: 100) {
        edges {
          node {
            ...DocumentRow
          }
        }
      }
    }
  }
`);

export const DocumentRowFragment = graphql(`
  fragment DocumentRow on Document {
    id
    title
    filename
    mimeType
    sizeBytes
    status
    stage
    progress
    error
    pageCount
    pageCountEstimated
    ocrPageCount
    warning
    chunkCount
    createdAt
  }
`);

export const DocumentProgressSubscription = graphql(`
  subscription DocumentProgress($documentId: ID!) {
    documentProgress(documentId: $documentId) {
      stage
      progress
      message
      document {
        ...DocumentRow
      }
    }
  }
`);

/** Sent by the upload route as a GraphQL multipart request (the browser streams the file through it). */
export const UploadDocumentMutation = graphql(`
  mutation UploadDocument($input: UploadDocumentInput!) {
    uploadDocument(input: $input) {
      ...DocumentRow
    }
  }
`);

export const DeleteDocumentMutation = graphql(`
  mutation DeleteDocument($id: ID!) {
    deleteDocument(id: $id)
  }
`);

export const CancelIngestionMutation = graphql(`
  mutation CancelIngestion($id: ID!) {
    cancelDocumentIngestion(id: $id) {
      ...DocumentRow
    }
  }
`);

export const DocumentForViewerQuery = graphql(`
  query DocumentForViewer($id: ID!) {
    node(id: $id) {
      __typename
      ... on Document {
        id
        title
        mimeType
        room {
          id
        }
      }
    }
  }
`);

export const RetryIngestionMutation = graphql(`
  mutation RetryIngestion($id: ID!) {
    retryDocumentIngestion(id: $id) {
      ...DocumentRow
    }
  }
`);
