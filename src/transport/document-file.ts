import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { YogaServerInstance } from 'graphql-yoga';
import { readOriginal } from '../documents/document-service.ts';
import type { Services } from '../services.ts';

/** `GET /documents/{id}/file`, id being the Document's global ID. */
export const DOCUMENT_FILE_PATH = /^\/documents\/([^/]+)\/file$/;

const ACCESS_QUERY = `query DocumentFileAccess($id: ID!) {
  node(id: $id) { ... on Document { id filename mimeType } }
}`;

interface AccessResult {
  data?: { node: { id?: string; filename?: string; mimeType?: string } | null } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * A document's original bytes, for a viewer that shows the cited page (the web app's pdf.js). Access
 * is decided by asking the API itself for `node(id)` with the caller's Authorization header, so the
 * file is readable exactly when the document is, under whatever rules Document follows.
 */
export async function respondDocumentFile(
  req: IncomingMessage,
  res: ServerResponse,
  // biome-ignore lint/suspicious/noExplicitAny: any Yoga instance answers a plain HTTP GraphQL request
  yoga: YogaServerInstance<any, any>,
  services: Pick<Services, 'orm'>,
  encodedId: string,
) {
  const globalId = decodeURIComponent(encodedId);
  const access = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    },
    body: JSON.stringify({ query: ACCESS_QUERY, variables: { id: globalId } }),
  });
  const body = (await access.json()) as AccessResult;
  const code = body.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return text(res, 401, body.errors![0]!.message);
  const document = body.data?.node;
  if (code || !document?.id) return text(res, 404, 'No such document');
  const bytes = await readOriginal(services.orm.em.fork(), decodeGlobalID(globalId).id);
  if (!bytes) return text(res, 404, 'No such document');
  const pdf = document.mimeType === 'application/pdf';
  res.writeHead(200, {
    'content-type': document.mimeType ?? 'application/octet-stream',
    'content-length': bytes.byteLength,
    // Uploaded bytes are never run as a page of this origin: PDFs open inline for viewers, the rest download.
    'content-disposition': `${pdf ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(document.filename ?? 'document')}`,
    'content-security-policy': "sandbox; default-src 'none'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function text(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}
