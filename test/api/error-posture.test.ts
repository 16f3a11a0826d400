import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentProgressDocument, UploadDocumentDocument } from '../generated/operations.ts';
import { type Actor, createRoom, createUser, wsClient } from '../helpers/client.ts';
import { startConversation } from '../helpers/conversations.ts';
import { uploadFile } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Findings 12 (log amplification), 19 (malformed input as internal errors) and 20 (contract gaps) of the
// security review.

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}
const logged: string[] = [];
let server: TestServer;
let owner: Actor;
let roomId: string;

beforeAll(async () => {
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logged.push(line) });
  server = await startTestServer({}, { logger });
  owner = await createUser(server.url, 'Posture Owner');
  roomId = (await createRoom(server.url, owner)).id;
});
afterAll(() => server.close());

type Response = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string } }>;
};

async function post(query: string, variables?: Record<string, unknown>, token = owner.token) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { bytes: text.length, body: JSON.parse(text) as Response };
}

/** The log lines written while `run` ran (the server logs nothing else meanwhile). */
async function logsOf(run: () => Promise<unknown>) {
  const from = logged.length;
  await run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const lines = logged.slice(from);
  return { lines: lines.map((line) => JSON.parse(line) as LogLine), bytes: lines.join('').length };
}

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');
const codes = (body: Response) => body.errors?.map((error) => error.extensions?.code);

describe('logs (finding 12)', () => {
  it('logs a client mistake as one bounded debug line, and answers it without echoing it whole', async () => {
    let response: Awaited<ReturnType<typeof post>> | undefined;
    const { lines, bytes } = await logsOf(async () => {
      response = await post('query($id: ID!) { node(id: $id) { id } }', { id: '!'.repeat(1_000_000) });
    });
    expect(codes(response!.body)).toEqual(['BAD_USER_INPUT']);
    expect(response!.bytes).toBeLessThan(2_000);
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
    expect(lines.filter((line) => line.msg === 'client error')).toHaveLength(1);
    expect(bytes).toBeLessThan(3_000);
  });

  it('logs an unexpected error once, at error level, bounded, and masks it', async () => {
    const store = server.services.vectorStore;
    const query = store.query;
    store.query = async () => {
      throw new Error(`vector store exploded: ${'x'.repeat(200_000)}`);
    };
    let response: Awaited<ReturnType<typeof post>> | undefined;
    const { lines } = await logsOf(async () => {
      response = await post('query($r: ID!) { search(roomId: $r, query: "anything") { score } }', {
        r: roomId,
      });
    }).finally(() => {
      store.query = query;
    });
    expect(codes(response!.body)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(response!.body.errors?.[0]?.message).toBe('Unexpected error.');
    const errorLines = lines.filter((line) => line.level >= 50);
    expect(errorLines).toHaveLength(1);
    expect(JSON.stringify(errorLines[0]).length).toBeLessThan(10_000);
    expect(JSON.stringify(errorLines[0])).toContain('vector store exploded');
  });
});

describe('malformed input is BAD_USER_INPUT, never INTERNAL_SERVER_ERROR (finding 19)', () => {
  const NUL = 'before\u0000after';

  it('refuses NUL and other control characters in any string, by variable or literal', async () => {
    const conversation = await startConversation(server.url, owner.token, roomId, 'Posture');
    const attempts: Array<[string, Record<string, unknown>?]> = [
      ['mutation($n: String!) { createRoom(input: {name: $n}) { id } }', { n: NUL }],
      ['mutation { createRoom(input: {name: "a\\u0000b"}) { id } }'],
      [
        'mutation($d: String) { createRoom(input: {name: "ok", description: $d}) { id } }',
        { d: 'bell\u0007' },
      ],
      [
        'mutation($r: ID!, $t: String) { startConversation(input: {roomId: $r, title: $t}) { id } }',
        { r: roomId, t: NUL },
      ],
      [
        'mutation($c: ID!, $q: String!) { askQuestion(input: {conversationId: $c, question: $q}) { id } }',
        { c: conversation.id, q: NUL },
      ],
      ['mutation($c: String!) { joinLiveQuiz(joinCode: $c) { id } }', { c: 'AB\u0000CDE' }],
      [
        'mutation($r: ID!, $t: String) { generateQuiz(input: {roomId: $r, questionCount: 3, title: $t}) { id } }',
        { r: roomId, t: NUL },
      ],
      ['query($r: ID!, $q: String!) { search(roomId: $r, query: $q) { score } }', { r: roomId, q: NUL }],
    ];
    for (const [query, variables] of attempts) {
      const { body } = await post(query, variables);
      expect(codes(body), query).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0]?.message, query).toMatch(/control character U\+00(00|07)/);
    }
    // Anonymous mutations too.
    for (const input of [
      { email: `nul-${randomUUID()}@example.test`, password: 'correct horse battery', displayName: NUL },
      { email: `a\u0000${randomUUID()}@example.test`, password: 'correct horse battery', displayName: 'x' },
    ]) {
      const { body } = await post(
        'mutation($i: SignUpInput!) { signUp(input: $i) { token } }',
        { i: input },
        '',
      );
      expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    }
    const signIn = await post(
      'mutation($i: SignInInput!) { signIn(input: $i) { token } }',
      { i: { email: 'x\u0000@example.test', password: 'whatever it is' } },
      '',
    );
    expect(codes(signIn.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps tabs and line breaks', async () => {
    const { body } = await post(
      'mutation($d: String) { createRoom(input: {name: "Tabs", description: $d}) { description } }',
      {
        d: 'line one\n\tline two\r\n',
      },
    );
    expect(body.errors).toBeUndefined();
    expect((body.data?.createRoom as { description: string }).description).toBe('line one\n\tline two\r\n');
  });

  it('refuses NUL in an upload file name and title', async () => {
    const bytes = new TextEncoder().encode('# Notes\n\nPlain text.');
    const named = await uploadFile(server.url, owner.token, roomId, bytes, 'notes\u0000.md');
    expect(named.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const titled = await uploadFile(server.url, owner.token, roomId, bytes, 'notes.md', { title: NUL });
    expect(titled.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a well-formed global ID around something that is not a UUID', async () => {
    const room = Buffer.from(roomId, 'base64').toString().split(':')[1]!;
    const bad = [
      globalId('Room', 'not-a-uuid'),
      globalId('Room', "' OR 1=1 --"),
      globalId('Room', `${room}:extra`),
      globalId('Room', 'a'.repeat(100_000)),
    ];
    for (const id of bad) {
      const { body, bytes } = await post('query($id: ID!) { room(id: $id) { id } }', { id });
      expect(codes(body)).toEqual(['BAD_USER_INPUT']);
      expect(bytes).toBeLessThan(2_000);
    }
    for (const typename of ['Document', 'Chunk', 'Question', 'QuizAttempt', 'User', 'Conversation']) {
      const { body } = await post('query($id: ID!) { node(id: $id) { id } }', {
        id: globalId(typename, 'x1'),
      });
      expect(codes(body), typename).toEqual(['BAD_USER_INPUT']);
    }
    const mutations = [
      'mutation($id: ID!) { deleteDocument(id: $id) }',
      'mutation($id: ID!) { startQuizAttempt(quizId: $id) { id } }',
      'mutation($id: ID!) { nextLiveQuestion(sessionId: $id) { id } }',
    ];
    for (const query of mutations) {
      const { body } = await post(query, { id: globalId('Room', 'not-a-uuid') });
      expect(codes(body), query).toEqual(['BAD_USER_INPUT']);
    }
    // An upper-case UUID is the same room.
    const upper = await post('query($id: ID!) { room(id: $id) { name } }', {
      id: globalId('Room', room.toUpperCase()),
    });
    expect(upper.body.errors).toBeUndefined();
  });

  it('refuses a non-UUID global ID in a subscription with BAD_USER_INPUT', async () => {
    const client = wsClient(server.wsUrl, owner.token);
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: print(DocumentProgressDocument), variables: { documentId: globalId('Document', 'nope') } },
          { next: (value) => resolve(value.errors), error: resolve, complete: () => resolve(null) },
        );
      });
      expect((errors as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    } finally {
      await client.dispose();
    }
  });
});

describe('contract gaps (finding 20)', () => {
  it('gives a lower-case type name in a node ID a code', async () => {
    const room = Buffer.from(roomId, 'base64').toString().split(':')[1]!;
    const { body } = await post('query($id: ID!) { node(id: $id) { id } }', { id: globalId('room', room) });
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('gives multipart request errors a code, without the File object in the message', async () => {
    const send = async (parts: Record<string, string | Blob>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(parts)) form.append(name, value);
      const response = await fetch(server.url, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${owner.token}` },
      });
      return (await response.json()) as Response;
    };
    const operations = JSON.stringify({
      query: print(UploadDocumentDocument),
      variables: { input: { roomId, file: null } },
    });
    const fileAsId = JSON.stringify({
      query: 'query($id: ID!) { node(id: $id) { id } }',
      variables: { id: null },
    });
    const results = [
      await send({ map: '{}' }),
      await send({ operations, map: 'not json' }),
      await send({ operations: fileAsId, map: JSON.stringify({ 0: ['variables.id'] }), 0: new Blob(['x']) }),
    ];
    for (const result of results) {
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors ?? []) {
        expect(error.extensions?.code, error.message).toBe('BAD_USER_INPUT');
        expect(error.message).not.toMatch(/blobParts|_buffer/);
      }
    }
  });

  it('nodes() answers null for an ID it cannot load instead of failing the list', async () => {
    const { body } = await post('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [owner.id, globalId('LiveQuizSession', randomUUID()), globalId('Room', randomUUID()), roomId],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.nodes).toEqual([{ id: owner.id }, null, null, { id: roomId }]);
  });

  it('deleteDocument and deleteConversation return the global ID they were given', async () => {
    const upload = await uploadFile(
      server.url,
      owner.token,
      roomId,
      new TextEncoder().encode(`# Deleted ${randomUUID()}\n\nSoon gone.`),
      'gone.md',
    );
    const documentId = upload.body.data!.uploadDocument.id;
    const deleted = await post('mutation($id: ID!) { deleteDocument(id: $id) }', { id: documentId });
    expect(deleted.body.data?.deleteDocument).toBe(documentId);
    const conversation = await startConversation(server.url, owner.token, roomId, 'Gone');
    const removed = await post('mutation($id: ID!) { deleteConversation(id: $id) }', { id: conversation.id });
    expect(removed.body.data?.deleteConversation).toBe(conversation.id);
  });
});
