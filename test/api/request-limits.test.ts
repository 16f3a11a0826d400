/**
 * Request limits (issue 12 item 4; review findings 6, 7, 8, 11): selection sets, request bodies,
 * WebSocket frames and operations per socket, and every list argument of the schema.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  print,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { UploadDocumentDocument } from '../generated/operations.ts';
import { type Actor, createRoom, createUser, type GraphQLResponse } from '../helpers/client.ts';
import { uploadFile } from '../helpers/documents.ts';
import { RawSocket } from '../helpers/raw-socket.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const MiB = 1024 * 1024;
let server: TestServer;
/** UPLOAD_MAX_BYTES=1 MiB, as the review's production server, and every other limit set lower. */
let small: TestServer;
let owner: Actor;
let roomId: string;

beforeAll(async () => {
  [server, small] = await Promise.all([
    startTestServer(),
    startTestServer({
      UPLOAD_MAX_BYTES: String(MiB),
      REQUEST_MAX_BYTES: String(256 * 1024),
      GRAPHQL_MAX_SELECTIONS: '20',
      GRAPHQL_MAX_LIST_ITEMS: '10',
      WS_MAX_PAYLOAD_BYTES: String(8 * 1024),
      WS_MAX_OPERATIONS: '5',
    }),
  ]);
  owner = await createUser(server.url, 'Limits Owner');
  roomId = (await createRoom(server.url, owner)).id;
});
afterAll(() => Promise.all([server.close(), small.close()]));

async function graphql(url: string, query: string, variables?: unknown, token = owner.token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Record<string, unknown>>;
}

describe('selection sets (finding 6)', () => {
  it('refuses a selection set of more than 50 selections before validating it', async () => {
    // 2,990 fields stay under the 3,000-token limit: the review's 260-370 ms of validation per request.
    const result = await graphql(server.url, `{ me { ${'id '.repeat(2990)} } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/2990 selections; at most 50/);
    const typenames = await graphql(server.url, `{ ${'__typename '.repeat(51)} }`);
    expect(typenames.errors?.[0]?.message).toMatch(/51 selections; at most 50/);
  });

  it('counts the selections that fragments spread into one selection set', async () => {
    // 40 fragments of 40 fields each: no selection set of the document holds more than 40.
    const names = Array.from({ length: 40 }, (_, index) => `F${index}`);
    const fragments = names.map((name) => `fragment ${name} on User { ${'id '.repeat(40)} }`).join(' ');
    const spread = await graphql(
      server.url,
      `{ me { ${names.map((name) => `...${name}`).join(' ')} } } ${fragments}`,
    );
    expect(spread.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(spread.errors?.[0]?.message).toMatch(/1600 selections; at most 50/);
    const inline = await graphql(server.url, `{ me { ${'... on User { id id } '.repeat(26)} } }`);
    expect(inline.errors?.[0]?.message).toMatch(/52 selections; at most 50/);
  });

  it('accepts 50 selections', async () => {
    const result = await graphql(server.url, `{ me { ${'id '.repeat(50)} } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toEqual({ id: owner.id });
  });
});

interface RawPost {
  status: number;
  body: GraphQLResponse<unknown>;
  /** Bytes of the body written when the answer's headers arrived. */
  sentAtResponse: number;
}

/**
 * A multipart POST written slowly, `chunkBytes` every 10 ms up to `totalBytes` (or only `stopAfter` of
 * them, waiting for the answer; 0: the part headers only). Content-Length is sent unless `chunked`.
 */
function slowMultipart(
  url: string,
  options: { token?: string; totalBytes: number; stopAfter?: number; chunked?: boolean },
): Promise<RawPost> {
  const boundary = 'slowboundary';
  const operations = JSON.stringify({
    query: print(UploadDocumentDocument),
    variables: { input: { roomId, file: null, title: null } },
  });
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.file"]}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="big.txt"\r\n` +
      'Content-Type: text/plain\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const fileBytes = options.totalBytes - head.length - tail.length;
  const headers: Record<string, string | number> = {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.chunked ? {} : { 'content-length': options.totalBytes }),
  };
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method: 'POST', headers });
    // The server closes the connection after an early answer: a write in flight then fails (EPIPE),
    // sometimes just before the answer is read.
    req.on('error', (error) => {
      setTimeout(() => answered || reject(error), 500);
    });
    req.on('response', (res: IncomingMessage) => {
      answered = true;
      const sentAtResponse = sent;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), sentAtResponse });
      });
    });
    const write = (bytes: Buffer) => {
      sent += bytes.length;
      req.write(bytes);
    };
    write(head);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let remaining = Math.min(fileBytes, (options.stopAfter ?? options.totalBytes) - head.length);
    const timer = setInterval(() => {
      if (answered) return clearInterval(timer);
      if (remaining <= 0) {
        clearInterval(timer);
        if (options.stopAfter === undefined) {
          write(tail);
          req.end();
        }
        return;
      }
      const piece = chunk.subarray(0, Math.min(chunk.length, remaining));
      remaining -= piece.length;
      write(piece);
    }, 10);
    setTimeout(() => {
      if (answered) return;
      clearInterval(timer);
      req.destroy();
      reject(new Error(`no answer after ${sent} bytes sent`));
    }, 15_000);
  });
}

describe('request bodies (finding 7)', () => {
  it('accepts an upload over Yoga’s old 25 MB cap when UPLOAD_MAX_BYTES (50 MiB) allows it', async () => {
    // Zeros: not a supported format, so the upload service (not the transport) answers, and nothing ingests.
    const bytes = new Uint8Array(26 * 1000 * 1000);
    const { status, body } = await uploadFile(server.url, owner.token, roomId, bytes, 'zeros.bin');
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).not.toMatch(/too large/i);
  });

  it('accepts a file of exactly UPLOAD_MAX_BYTES and refuses one byte more with PAYLOAD_TOO_LARGE', async () => {
    const smallOwner = await createUser(small.url, 'Small Owner');
    const smallRoom = (await createRoom(small.url, smallOwner)).id;
    const atLimit = new TextEncoder().encode(
      `# Notes\n\n${'Plain words for a note. '.repeat(60_000)}`.slice(0, MiB),
    );
    expect(atLimit.length).toBe(MiB);
    const accepted = await uploadFile(small.url, smallOwner.token, smallRoom, atLimit, 'notes.md');
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data?.uploadDocument.status).toMatch(/QUEUED|PROCESSING|READY/);
    const over = await uploadFile(small.url, smallOwner.token, smallRoom, new Uint8Array(MiB + 1), 'over.md');
    expect(over.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers PAYLOAD_TOO_LARGE, naming the limit, before reading a body whose Content-Length is over it', async () => {
    const user = await createUser(small.url, 'Big Sender');
    const answer = await slowMultipart(small.url, {
      token: user.token,
      totalBytes: 20 * MiB,
      stopAfter: 0,
    });
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer.body.errors?.[0]?.message).toMatch(/2\.0 MiB.*1\.0 MiB \(UPLOAD_MAX_BYTES\)/);
    expect(answer.sentAtResponse).toBeLessThan(8 * 1024);
  });

  it('stops reading a chunked upload at the limit', async () => {
    const user = await createUser(small.url, 'Chunked Sender');
    const answer = await slowMultipart(small.url, { token: user.token, totalBytes: 4 * MiB, chunked: true });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer.body.errors?.[0]?.message).toMatch(/UPLOAD_MAX_BYTES/);
    // 1 MiB of file plus 1 MiB of envelope, and what was in flight; not the whole 4 MiB.
    expect(answer.sentAtResponse).toBeLessThan(3 * MiB);
  });

  it('refuses an anonymous (or badly signed) multipart body before reading it', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const answer = await slowMultipart(small.url, { token, totalBytes: 20 * MiB, stopAfter: 0 });
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.sentAtResponse).toBeLessThan(8 * 1024);
    }
  });

  it('refuses a JSON body over 4 MiB before reading it', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } } #${'x'.repeat(5 * MiB)}` }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as GraphQLResponse<unknown>;
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors?.[0]?.message).toMatch(/4\.0 MiB/);
  });
});

describe('WebSocket (finding 8)', () => {
  it('closes a socket that sends a frame over 64 KiB (1009), before parsing it', async () => {
    const socket = await RawSocket.open(server.wsUrl);
    socket.subscribe('big', `{ __typename } # ${'x'.repeat(100 * 1024)}`);
    expect((await socket.closed).code).toBe(1009);
    expect(socket.of('big')).toEqual([]);
  });

  it('refuses the 101st operation on one socket, naming the limit, and accepts one again after a complete', async () => {
    const socket = await RawSocket.open(server.wsUrl, { token: owner.token });
    const query = 'subscription($r: ID!) { roomMemberAdded(roomId: $r) { role } }';
    for (let index = 0; index < 100; index++) socket.subscribe(`s${index}`, query, { r: roomId });
    // Frames are handled in order: the 101st operation, a plain query, comes after the 100 subscriptions.
    socket.subscribe('s100', '{ me { id } }');
    const refused = await socket.waitFor((message) => message.id === 's100');
    expect(refused.type).toBe('error');
    expect(refused.payload).toEqual([
      {
        message: 'At most 100 operations at once on one socket: complete one first, or open another socket',
        extensions: { code: 'RATE_LIMITED', limit: 100 },
      },
    ]);
    expect(socket.messages.filter((message) => message.type === 'error')).toHaveLength(1);

    socket.complete('s0');
    socket.subscribe('s101', '{ me { id } }');
    const next = await socket.waitFor((message) => message.id === 's101');
    expect(next.type).toBe('next');
    await socket.close();
  });

  it('counts operations still starting: a burst of 150 subscribes gets 100 running and 50 refused', async () => {
    const socket = await RawSocket.open(server.wsUrl, { token: owner.token });
    const query = 'subscription($r: ID!) { roomMemberAdded(roomId: $r) { role } }';
    for (let index = 0; index < 150; index++) socket.subscribe(`b${index}`, query, { r: roomId });
    await socket.waitFor(() => socket.messages.filter((message) => message.type === 'error').length === 50);
    socket.subscribe('probe', '{ me { id } }');
    const probe = await socket.waitFor((message) => message.id === 'probe');
    expect(probe.type).toBe('error');
    expect(socket.messages.filter((message) => message.type === 'error')).toHaveLength(51);
    await socket.close();
  });
});

describe('configured limits', () => {
  it('follows GRAPHQL_MAX_SELECTIONS, GRAPHQL_MAX_LIST_ITEMS and REQUEST_MAX_BYTES', async () => {
    const user = await createUser(small.url, 'Configured Limits');
    const selections = await graphql(small.url, `{ me { ${'id '.repeat(21)} } }`, undefined, user.token);
    expect(selections.errors?.[0]?.message).toMatch(/21 selections; at most 20/);
    expect(
      (await graphql(small.url, `{ me { ${'id '.repeat(20)} } }`, undefined, user.token)).errors,
    ).toBeUndefined();

    const ids = Array.from({ length: 11 }, () => user.id);
    const list = await graphql(
      small.url,
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids },
      user.token,
    );
    expect(list.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(list.errors?.[0]?.message).toBe('ids: at most 10 items (got 11)');
    const ten = await graphql(
      small.url,
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: ids.slice(1) },
      user.token,
    );
    expect(ten.data?.nodes).toHaveLength(10);

    const response = await fetch(small.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } } #${'x'.repeat(300 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as GraphQLResponse<unknown>).errors?.[0]?.message).toMatch(/0\.3 MiB/);
  });

  it('follows WS_MAX_PAYLOAD_BYTES and WS_MAX_OPERATIONS', async () => {
    const user = await createUser(small.url, 'Configured Sockets');
    const socket = await RawSocket.open(small.wsUrl, { token: user.token });
    const room = (await createRoom(small.url, user)).id;
    const query = 'subscription($r: ID!) { roomMemberAdded(roomId: $r) { role } }';
    for (let index = 0; index < 6; index++) socket.subscribe(`s${index}`, query, { r: room });
    const refused = await socket.waitFor((message) => message.type === 'error');
    expect(JSON.stringify(refused.payload)).toMatch(/At most 5 operations/);
    socket.subscribe('big', `{ __typename } # ${'x'.repeat(9 * 1024)}`);
    expect((await socket.closed).code).toBe(1009);
  });
});

describe('list arguments (finding 11)', () => {
  /** Lists allowed more than 100 items, by input field or argument coordinate. */
  const larger: Record<string, number> = { 'EvaluateRetrievalInput.cases': 500 };

  interface ListCase {
    coordinate: string;
    query: string;
    variables: Record<string, unknown>;
    limit: number;
  }

  /** A value of `type` that passes coercion; where `target` is reached, a list one item too long. */
  function sample(type: GraphQLInputType, coordinate: string, target: string, limit: number): unknown {
    if (isNonNullType(type)) return sample(type.ofType, coordinate, target, limit);
    if (isListType(type)) {
      const item = sample(type.ofType, coordinate, target, limit);
      return coordinate === target ? Array.from({ length: limit + 1 }, () => item) : [item];
    }
    if (isInputObjectType(type)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const fieldCoordinate = `${type.name}.${field.name}`;
        const needed = isNonNullType(field.type) && field.defaultValue === undefined;
        if (needed || listCoordinates(field.type, fieldCoordinate).includes(target))
          value[field.name] = sample(field.type, fieldCoordinate, target, limit);
      }
      return value;
    }
    if (isEnumType(type)) return type.getValues()[0]!.value;
    if (isScalarType(type))
      return (
        { Int: 1, Float: 0.5, Boolean: true, DateTime: new Date().toISOString(), JSON: {} }[type.name] ?? 'x'
      );
    return null;
  }

  /** Every coordinate (argument or input field) whose type is a list, reachable from `type`. */
  function listCoordinates(type: GraphQLInputType, coordinate: string, seen = new Set<string>()): string[] {
    if (isNonNullType(type)) return listCoordinates(type.ofType, coordinate, seen);
    if (isListType(type)) return [coordinate, ...listCoordinates(type.ofType, coordinate, seen)];
    if (!isInputObjectType(type) || seen.has(type.name)) return [];
    seen.add(type.name);
    return Object.values(type.getFields()).flatMap((field) =>
      listCoordinates(field.type, `${type.name}.${field.name}`, seen),
    );
  }

  function casesOf(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): ListCase[] {
    const targets = field.args.flatMap((arg) => listCoordinates(arg.type, `${field.name}(${arg.name})`));
    return [...new Set(targets)].map((target) => {
      const limit = larger[target] ?? 100;
      const args = field.args.filter(
        (arg) =>
          (isNonNullType(arg.type) && arg.defaultValue === undefined) ||
          target === `${field.name}(${arg.name})` ||
          listCoordinates(arg.type, `${field.name}(${arg.name})`).includes(target),
      );
      const variables = Object.fromEntries(
        args.map((arg) => [arg.name, sample(arg.type, `${field.name}(${arg.name})`, target, limit)]),
      );
      const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
      const query =
        `${operation}(${args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ')}) ` +
        `{ ${field.name}(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')}) ${selection} }`;
      return { coordinate: target, query, variables, limit };
    });
  }

  const cases = [
    ...Object.values(schema.getQueryType()!.getFields()).flatMap((field) => casesOf('query', field)),
    ...Object.values(schema.getMutationType()!.getFields()).flatMap((field) => casesOf('mutation', field)),
  ];

  it('finds the schema’s list arguments', () => {
    const coordinates = cases.map((entry) => entry.coordinate);
    expect(coordinates).toEqual(
      expect.arrayContaining([
        'nodes(ids)',
        'search(documentIds)',
        'GenerateQuizInput.documentIds',
        'EvaluateRetrievalInput.cases',
        'RetrievalCaseInput.relevantQuotes',
      ]),
    );
  });

  it.each(cases)('caps $coordinate with BAD_USER_INPUT', async ({ coordinate, query, variables, limit }) => {
    const result = await graphql(server.url, query, variables);
    expect(result.errors?.[0]?.extensions?.code, `${coordinate}: ${JSON.stringify(result.errors)}`).toBe(
      'BAD_USER_INPUT',
    );
    expect(result.errors?.[0]?.message).toContain(`at most ${limit} items (got ${limit + 1})`);
  });

  it('still answers 100 ids, with null for each it cannot load', async () => {
    const ids = Array.from({ length: 100 }, (_, index) =>
      Buffer.from(`Document:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`).toString('base64'),
    );
    const result = await graphql(server.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual(ids.map(() => null));
  });
});
