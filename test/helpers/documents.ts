import { print } from 'graphql';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  DocumentDocument,
  ReplaceDocumentDocument,
  UploadDocumentDocument,
} from '../generated/operations.ts';
import { type GraphQLResponse, request } from './client.ts';

/** A real PDF with the given lines on each page (page n = pages[n-1]), laid out top to bottom. */
export async function makePdf(pages: string[][], options: { fontSize?: number } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = options.fontSize ?? 11;
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    let y = 740;
    for (const line of lines) {
      page.drawText(line, { x: 72, y, size, font });
      y -= size * 1.6;
    }
  }
  return pdf.save();
}

/** GraphQL multipart request (jaydenseric spec): uploadDocument with one file. */
export async function uploadFile(
  url: string,
  token: string,
  roomId: string,
  bytes: Uint8Array,
  filename: string,
  options: { title?: string; mimeType?: string; visibility?: 'MEMBERS' | 'EDITORS' } = {},
) {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: print(UploadDocumentDocument),
      variables: {
        input: { roomId, file: null, title: options.title ?? null, visibility: options.visibility ?? null },
      },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append(
    '0',
    new Blob([new Uint8Array(bytes)], { type: options.mimeType ?? 'application/octet-stream' }),
    filename,
  );
  const response = await fetch(url, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as GraphQLResponse<{
    uploadDocument: { id: string; status: string; title: string; error: string | null };
  }>;
  return { status: response.status, body };
}

/** GraphQL multipart request: replaceDocument(id, file) with a new version's bytes. */
export async function replaceFile(
  url: string,
  token: string,
  id: string,
  bytes: Uint8Array,
  filename: string,
) {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: print(ReplaceDocumentDocument), variables: { id, file: null } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), filename);
  const response = await fetch(url, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as GraphQLResponse<{
    replaceDocument: { id: string; status: string; version: number; error: string | null };
  }>;
  return { status: response.status, body };
}

/** Polls until the document leaves QUEUED/PROCESSING (tests of progress use the subscription instead). */
export async function waitForDocument(url: string, token: string, id: string, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const result = await request(url, DocumentDocument, { id }, token);
    const document = result.data?.node;
    if (
      document &&
      document.__typename === 'Document' &&
      (document.status === 'READY' || document.status === 'FAILED')
    ) {
      return document;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`document ${id} not done: ${JSON.stringify(result)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
