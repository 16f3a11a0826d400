import type { DocumentRowFragment } from '@/gql/graphql';
import { UploadDocumentMutation } from '@/operations/documents';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export class UploadError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

/**
 * `uploadDocument` as a GraphQL multipart request (operations + map + file), sent with
 * XMLHttpRequest because fetch cannot report upload progress. It goes to this app's `/upload` route,
 * which adds the session's token and streams it to the API.
 */
export function uploadDocument(
  roomId: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
): Promise<DocumentRowFragment> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: UploadDocumentMutation.toString(),
      variables: { input: { roomId, file: null } },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/upload');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onerror = () => reject(new UploadError('The upload was interrupted; check the connection and retry'));
    xhr.onload = () => {
      const body = xhr.response as {
        data?: { uploadDocument: DocumentRowFragment } | null;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      } | null;
      const error = body?.errors?.[0];
      if (error) reject(new UploadError(error.message, error.extensions?.code));
      else if (body?.data?.uploadDocument) resolve(body.data.uploadDocument);
      else reject(new UploadError(`The upload failed (HTTP ${xhr.status})`));
    };
    xhr.send(form);
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
