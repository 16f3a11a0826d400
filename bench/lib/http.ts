import type { ChildProcess } from 'node:child_process';
/** Minimal GraphQL-over-HTTP calls for benchmarks: plain fetch, multipart upload, polling to READY/FAILED. */

export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function signUpAndCreateRoom(url: string, name: string) {
  const { signUp } = await gql<{ signUp: { token: string } }>(
    url,
    'mutation($input: SignUpInput!) { signUp(input: $input) { token } }',
    {
      input: {
        email: `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
        password: 'benchmark password',
        displayName: 'Bench',
      },
    },
  );
  const { createRoom } = await gql<{ createRoom: { id: string } }>(
    url,
    'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
    { input: { name } },
    signUp.token,
  );
  return { token: signUp.token, roomId: createRoom.id };
}

const UPLOAD = 'mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { id status } }';

export async function upload(
  url: string,
  token: string,
  roomId: string,
  bytes: Uint8Array,
  filename: string,
) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: UPLOAD, variables: { input: { roomId, file: null } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([new Uint8Array(bytes)]), filename);
  const response = await fetch(url, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { data?: { uploadDocument: { id: string } }; errors?: unknown[] };
  if (!body.data) throw new Error(`${filename}: ${JSON.stringify(body.errors)}`);
  return body.data.uploadDocument.id;
}

export interface FinalDocument {
  status: string;
  error: string | null;
  pageCount: number | null;
  chunkCount: number;
}

const DOCUMENT =
  'query($id: ID!) { node(id: $id) { ... on Document { status error pageCount chunkCount } } }';

export async function waitDone(url: string, token: string, id: string, pollMs = 20, timeoutMs = 600_000) {
  const started = performance.now();
  for (;;) {
    const { node } = await gql<{ node: FinalDocument }>(url, DOCUMENT, { id }, token);
    if (node.status === 'READY' || node.status === 'FAILED') return node;
    if (performance.now() - started > timeoutMs) throw new Error(`document ${id} not done`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Resolves once `healthz` answers OK; throws if the child exits first or after 60 s. */
export async function waitHealthy(healthz: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(healthz)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become healthy within 60 s');
}
