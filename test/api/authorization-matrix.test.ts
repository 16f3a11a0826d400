/**
 * The authorization matrix, generated from the schema: every root Query, Mutation and Subscription field
 * and every Node type, called through the real server (HTTP, multipart and WebSocket) by anonymous, an
 * outsider (the owner of another room), an invitee (invited, not accepted), a VIEWER, an EDITOR and the
 * OWNER, each cell checked against the rule schema/access.ts declares for the field (ROOT_RULES) or type
 * (NODE_KINDS). A root field or node type without a declared rule fails here, and so does one whose rule
 * the server does not enforce: nobody has to remember to add a case.
 *
 * Allowed means the call got past authorization: its answer may still be a business error (BAD_USER_INPUT
 * for a deck not due, say), but not UNAUTHENTICATED, FORBIDDEN or NOT_FOUND. A mutation that succeeded may
 * have changed the world (left the room, deleted the document, revoked a token), so the next cell runs in
 * a freshly built one; refused calls change nothing and share it.
 */

import {
  buildClientSchema,
  type GraphQLArgument,
  GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputField,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLScalarType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS, ROOT_RULES, type Rule, type ThingKind } from '../../schema/access.ts';
import type { RoomRole } from '../../src/entities/room.ts';
import { type Actor, createUser, uniqueEmail, wsClient } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const ROLES = ['anonymous', 'outsider', 'invitee', 'VIEWER', 'EDITOR', 'OWNER'] as const;
type Role = (typeof ROLES)[number];
const RANK: Record<RoomRole, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };
const DENIALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] as const;
type Outcome = 'ALLOWED' | (typeof DENIALS)[number];

const NOTES = `# Cell biology

Photosynthesis is the process by which green plants convert light energy into chemical energy.
Chlorophyll is a green pigment that absorbs red and blue light inside the chloroplasts of plant cells.
The Calvin cycle fixes carbon dioxide into sugar in the stroma of the chloroplast during daylight.
Mitochondria are organelles that release most of the chemical energy a cell needs from glucose.
Osmosis is the movement of water molecules across a semipermeable membrane toward higher solute concentration.
`;
const PASSWORD = 'correct horse battery';

interface Result {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let server: TestServer;
let schema: GraphQLSchema;

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Result> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result;
}

/** Like gql, for building the world: any error fails the step loudly. */
async function must(query: string, variables: Record<string, unknown>, token?: string) {
  const result = await gql(query, variables, token);
  if (result.errors?.length || !result.data) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
  // biome-ignore lint/suspicious/noExplicitAny: world-building reads a few known fields of each answer
  return result.data as Record<string, any>;
}

async function upload(token: string, roomId: string, text: string, visibility: 'MEMBERS' | 'EDITORS') {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: 'mutation ($input: UploadDocumentInput!) { uploadDocument(input: $input) { id } }',
      variables: { input: { roomId, file: null, visibility } },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([text], { type: 'text/markdown' }), `${visibility.toLowerCase()}.md`);
  const response = await fetch(server.url, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as Result;
  return (body.data?.uploadDocument as { id: string }).id;
}

/** Polls a node's status until it leaves the in-progress states. */
async function ready(typename: string, id: string, token: string) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const data = await must(
      `query ($id: ID!) { node(id: $id) { ... on ${typename} { status } } }`,
      { id },
      token,
    );
    const status = data.node?.status as string | undefined;
    if (status === 'READY') return;
    if (status === 'FAILED' || Date.now() > deadline) throw new Error(`${typename} ${id} ended ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A thing of the world, where it stands: private to one role's user, and editor-only or not. */
interface Fixture {
  id: string;
  privateTo?: Role;
  editorsOnly?: boolean;
}

/**
 * A room with one user per role, built through the API. The expensive parts (documents, a quiz, a deck,
 * a study guide, a live session) are built on first use only, so a fresh world costs what its cell needs.
 */
class World {
  actors = {} as Record<Exclude<Role, 'anonymous'>, Actor>;
  roomId = '';
  dirty = false;
  private parts = new Map<string, Promise<unknown>>();

  static async build() {
    const world = new World();
    const [owner, editor, viewer, invitee, outsider] = await Promise.all(
      ['Owner', 'Editor', 'Viewer', 'Invitee', 'Outsider'].map((name) => createUser(server.url, name)),
    );
    world.actors = {
      OWNER: owner!,
      EDITOR: editor!,
      VIEWER: viewer!,
      invitee: invitee!,
      outsider: outsider!,
    };
    world.roomId = (
      await must('mutation { createRoom(input: { name: "Matrix" }) { id } }', {}, owner!.token)
    ).createRoom.id;
    await must('mutation { createRoom(input: { name: "Another tenant" }) { id } }', {}, outsider!.token);
    const invite = (actor: Actor, role: RoomRole) =>
      must(
        'mutation ($input: AddRoomMemberInput!) { addRoomMember(input: $input) { __typename } }',
        { input: { roomId: world.roomId, email: actor.email, role } },
        owner!.token,
      );
    for (const [actor, role] of [
      [editor!, 'EDITOR'],
      [viewer!, 'VIEWER'],
      [invitee!, 'VIEWER'],
    ] as const)
      await invite(actor, role);
    for (const actor of [editor!, viewer!])
      await must(
        'mutation ($roomId: ID!) { acceptRoomInvitation(roomId: $roomId) { __typename } }',
        { roomId: world.roomId },
        actor.token,
      );
    return world;
  }

  token(role: Role) {
    return role === 'anonymous' ? undefined : this.actors[role].token;
  }

  private part<T>(name: string, make: () => Promise<T>): Promise<T> {
    if (!this.parts.has(name)) this.parts.set(name, make());
    return this.parts.get(name) as Promise<T>;
  }

  document = () =>
    this.part('document', async () => {
      const id = await upload(this.actors.OWNER.token, this.roomId, NOTES, 'MEMBERS');
      await ready('Document', id, this.actors.OWNER.token);
      return id;
    });

  editorsDocument = () =>
    this.part('editorsDocument', async () => {
      const id = await upload(this.actors.OWNER.token, this.roomId, `${NOTES}\nThe answer key.\n`, 'EDITORS');
      await ready('Document', id, this.actors.OWNER.token);
      return id;
    });

  chunkOf = (document: () => Promise<string>) =>
    this.part(`chunk:${document === this.document ? 'members' : 'editors'}`, async () => {
      const data = await must(
        'query ($id: ID!) { node(id: $id) { ... on Document { chunks(first: 1) { edges { node { id } } } } } }',
        { id: await document() },
        this.actors.OWNER.token,
      );
      return data.node.chunks.edges[0].node.id as string;
    });

  quiz = () =>
    this.part('quiz', async () => {
      const data = await must(
        'mutation ($input: GenerateQuizInput!) { generateQuiz(input: $input) { id } }',
        { input: { roomId: this.roomId, documentIds: [await this.document()], questionCount: 3 } },
        this.actors.OWNER.token,
      );
      await ready('Quiz', data.generateQuiz.id, this.actors.OWNER.token);
      return data.generateQuiz.id as string;
    });

  question = () =>
    this.part('question', async () => {
      const data = await must(
        'query ($id: ID!) { node(id: $id) { ... on Quiz { questions(first: 1) { edges { node { id } } } } } }',
        { id: await this.quiz() },
        this.actors.OWNER.token,
      );
      return data.node.questions.edges[0].node.id as string;
    });

  attempt = () =>
    this.part('attempt', async () => {
      const quizId = await this.quiz();
      const data = await must(
        'mutation ($quizId: ID!) { startQuizAttempt(quizId: $quizId) { id } }',
        { quizId },
        this.actors.VIEWER.token,
      );
      return data.startQuizAttempt.id as string;
    });

  conversation = () =>
    this.part('conversation', async () => {
      const data = await must(
        'mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }',
        { input: { roomId: this.roomId } },
        this.actors.VIEWER.token,
      );
      return data.startConversation.id as string;
    });

  message = () =>
    this.part('message', async () => {
      const data = await must(
        'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
        { input: { conversationId: await this.conversation(), question: 'What is photosynthesis?' } },
        this.actors.VIEWER.token,
      );
      return data.askQuestion.id as string;
    });

  deck = () =>
    this.part('deck', async () => {
      const data = await must(
        'mutation ($input: GenerateFlashcardsInput!) { generateFlashcards(input: $input) { id } }',
        { input: { roomId: this.roomId, documentIds: [await this.document()], count: 3 } },
        this.actors.OWNER.token,
      );
      await ready('Deck', data.generateFlashcards.id, this.actors.OWNER.token);
      return data.generateFlashcards.id as string;
    });

  card = () =>
    this.part('card', async () => {
      const data = await must(
        'query ($id: ID!) { node(id: $id) { ... on Deck { cards(first: 1) { edges { node { id } } } } } }',
        { id: await this.deck() },
        this.actors.OWNER.token,
      );
      return data.node.cards.edges[0].node.id as string;
    });

  studyGuideBy = (role: 'OWNER' | 'VIEWER') =>
    this.part(`guide:${role}`, async () => {
      const data = await must(
        'mutation ($input: GenerateStudyGuideInput!) { generateStudyGuide(input: $input) { id } }',
        { input: { roomId: this.roomId, documentIds: [await this.document()] } },
        this.actors[role].token,
      );
      await ready('StudyGuide', data.generateStudyGuide.id, this.actors[role].token);
      return data.generateStudyGuide.id as string;
    });

  /** Hosted by the owner; the viewer joined it by code. */
  live = () =>
    this.part('live', async () => {
      const data = await must(
        'mutation ($quizId: ID!) { startLiveQuiz(quizId: $quizId) { id joinCode } }',
        { quizId: await this.quiz() },
        this.actors.OWNER.token,
      );
      await must(
        'mutation ($code: String!) { joinLiveQuiz(joinCode: $code) { id } }',
        { code: data.startLiveQuiz.joinCode },
        this.actors.VIEWER.token,
      );
      return data.startLiveQuiz as { id: string; joinCode: string };
    });

  /** The fixtures of a kind of thing; the first is the one root fields act on. */
  async fixtures(kind: ThingKind | 'User'): Promise<Fixture[]> {
    switch (kind) {
      case 'Room':
        return [{ id: this.roomId }];
      case 'Document':
        return [{ id: await this.document() }, { id: await this.editorsDocument(), editorsOnly: true }];
      case 'Chunk':
        return [
          { id: await this.chunkOf(this.document) },
          { id: await this.chunkOf(this.editorsDocument), editorsOnly: true },
        ];
      case 'Quiz':
        return [{ id: await this.quiz() }];
      case 'Question':
        return [{ id: await this.question() }];
      case 'QuizAttempt':
        return [{ id: await this.attempt(), privateTo: 'VIEWER' }];
      case 'Conversation':
        return [{ id: await this.conversation(), privateTo: 'VIEWER' }];
      case 'Message':
        return [{ id: await this.message(), privateTo: 'VIEWER' }];
      case 'Deck':
        return [{ id: await this.deck() }];
      case 'Card':
        return [{ id: await this.card() }];
      case 'StudyGuide':
        return [
          { id: await this.studyGuideBy('OWNER') },
          { id: await this.studyGuideBy('VIEWER'), privateTo: 'VIEWER' },
        ];
      case 'User':
        return [{ id: this.actors.VIEWER.id }];
    }
  }

  /** The value of an ID argument, by its name (the rule's own argument is its thing's fixture). */
  async idFor(name: string): Promise<string> {
    const ids: Record<string, () => Promise<string>> = {
      roomId: async () => this.roomId,
      documentId: this.document,
      quizId: this.quiz,
      questionId: this.question,
      attemptId: this.attempt,
      conversationId: this.conversation,
      messageId: this.message,
      deckId: this.deck,
      cardId: this.card,
      sessionId: async () => (await this.live()).id,
      userId: async () => this.actors.VIEWER.id,
    };
    const id = ids[name.replace(/s$/, 'Id').replace(/IdId$/, 'Id')] ?? ids[name];
    if (!id) throw new Error(`the matrix has no fixture for an ID argument named "${name}": add one`);
    return id();
  }
}

const roleIn = (role: Role): RoomRole | null =>
  role === 'VIEWER' || role === 'EDITOR' || role === 'OWNER' ? role : null;

/** Whether the role sees the thing, by the rules in schema/access.ts (the test's own statement of them). */
function sees(role: Role, fixture: Fixture): boolean {
  const member = roleIn(role);
  if (!member) return false;
  if (fixture.privateTo && fixture.privateTo !== role) return false;
  return !fixture.editorsOnly || RANK[member] >= RANK.EDITOR;
}

function expected(rule: Rule, role: Role, target: Fixture | null): Outcome {
  if (rule.who === 'anyone') return 'ALLOWED';
  if (role === 'anonymous') return 'UNAUTHENTICATED';
  switch (rule.who) {
    case 'signedIn':
      return 'ALLOWED';
    case 'invitee':
      return role === 'invitee' ? 'ALLOWED' : 'NOT_FOUND';
    case 'live': {
      const host = role === 'OWNER';
      const player = role === 'VIEWER';
      if (!host && !player) return 'NOT_FOUND';
      if ((rule.as === 'HOST' && !host) || (rule.as === 'PLAYER' && !player)) return 'FORBIDDEN';
      return 'ALLOWED';
    }
    case 'member':
      if (!sees(role, target!)) return 'NOT_FOUND';
      return RANK[roleIn(role)!] >= RANK[rule.role] ? 'ALLOWED' : 'FORBIDDEN';
  }
}

/** Values for a field's arguments: every required one, and the one its rule names (`input.roomId`). */
class Args {
  files: { path: string }[] = [];
  private world: World;
  private field: string;
  private rule: Rule;
  constructor(world: World, field: string, rule: Rule) {
    this.world = world;
    this.field = field;
    this.rule = rule;
  }

  async of(args: readonly (GraphQLArgument | GraphQLInputField)[], prefix: string) {
    const values: Record<string, unknown> = {};
    const rulePath = 'arg' in this.rule ? this.rule.arg : '';
    for (const arg of args) {
      const path = prefix ? `${prefix}.${arg.name}` : arg.name;
      const needed =
        arg.type instanceof GraphQLNonNull || rulePath === path || rulePath.startsWith(`${path}.`);
      if (needed) values[arg.name] = await this.value(arg.name, arg.type, path);
    }
    return values;
  }

  private async value(name: string, type: GraphQLInputType, path: string): Promise<unknown> {
    const bare = getNullableType(type) as GraphQLInputType;
    if (bare instanceof GraphQLList) return [await this.value(name, bare.ofType, path)];
    if (bare instanceof GraphQLInputObjectType) return this.of(Object.values(bare.getFields()), path);
    if (bare instanceof GraphQLEnumType) return bare.getValues()[0]!.value;
    const scalar = (bare as GraphQLScalarType).name;
    if (scalar === 'ID') {
      const rule = this.rule;
      if (rule.who === 'member' && rule.arg === path) return (await this.world.fixtures(rule.on))[0]!.id;
      if (this.field === 'nodes' || this.field === 'node') return this.world.roomId;
      return this.world.idFor(name);
    }
    if (scalar === 'File') {
      this.files.push({ path: `variables.${path}` });
      return null;
    }
    if (scalar === 'Int') return 10;
    if (scalar === 'Float') return 0.5;
    if (scalar === 'Boolean') return true;
    return this.text(name);
  }

  private async text(name: string) {
    switch (name) {
      case 'email':
        return this.field === 'signUp' ? uniqueEmail('matrix') : this.world.actors.invitee.email;
      case 'password':
      case 'currentPassword':
        return PASSWORD;
      case 'newPassword':
        return 'another long passphrase 42';
      case 'joinCode':
        return (await this.world.live()).joinCode;
      case 'timezone':
        return 'UTC';
      default:
        return `matrix ${name}`;
    }
  }
}

/** The operation calling `field` with variables for its arguments, selecting only `__typename`. */
function operationFor(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
) {
  const defined = field.args.filter((arg) => arg.name in variables);
  const params = defined.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const args = defined.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection =
    named instanceof GraphQLObjectType || named instanceof GraphQLInterfaceType ? ' { __typename }' : '';
  return `${kind}${params ? ` (${params})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

async function send(
  kind: 'query' | 'mutation' | 'subscription',
  query: string,
  variables: Record<string, unknown>,
  files: { path: string }[],
  token: string | undefined,
): Promise<Result> {
  if (kind === 'subscription') return subscribeOnce(query, variables, token);
  if (!files.length) return gql(query, variables, token);
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  form.append('map', JSON.stringify(Object.fromEntries(files.map((file, i) => [i, [file.path]]))));
  for (const [i] of files.entries())
    form.append(String(i), new Blob([NOTES], { type: 'text/markdown' }), 'notes.md');
  const response = await fetch(server.url, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return (await response.json()) as Result;
}

/** The first answer of a subscription: an event, an error, or (no event yet, no error) established. */
async function subscribeOnce(query: string, variables: Record<string, unknown>, token: string | undefined) {
  const client = wsClient(server.wsUrl, token);
  try {
    return await new Promise<Result>((resolve) => {
      const timer = setTimeout(() => resolve({ data: {} }), 2_000);
      const unsubscribe = client.subscribe(
        { query, variables },
        {
          next: (value) => {
            clearTimeout(timer);
            unsubscribe();
            resolve(value as Result);
          },
          error: (error) => {
            clearTimeout(timer);
            resolve({
              errors: Array.isArray(error)
                ? error
                : [{ message: String(error), extensions: { code: 'SOCKET' } }],
            });
          },
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/**
 * What authorization decided. A request the server could not even run (a variable it refused, an internal
 * error) proves nothing about authorization, so it is an outcome of its own that no cell expects.
 */
function outcomeOf(result: Result): Outcome | 'UNUSABLE' {
  const error = result.errors?.[0];
  const code = error?.extensions?.code;
  if (!error) return 'ALLOWED';
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'SOCKET' || /^Variable "\$/.test(error.message))
    return 'UNUSABLE';
  return (DENIALS as readonly string[]).includes(code ?? '') ? (code as Outcome) : 'ALLOWED';
}

let shared: World;
let fresh: World | null = null;
let cells = 0;

/** A world for a cell: the shared one, unless the cell may change it (an allowed mutation). */
async function worldFor(mayChange: boolean) {
  if (!mayChange) return shared;
  if (!fresh || fresh.dirty) fresh = await World.build();
  return fresh;
}

beforeAll(async () => {
  server = await startTestServer({ SIGNUP_LIMIT_PER_ADDRESS: '100000', INVITATIONS_PER_HOUR: '10000' });
  const introspection = await must(getIntrospectionQuery(), {});
  schema = buildClientSchema(introspection as unknown as IntrospectionQuery);
  shared = await World.build();
}, 300_000);

afterAll(async () => {
  console.log(`authorization matrix: ${cells} field × role cells checked`);
  await server?.close();
});

describe('the authorization matrix', () => {
  it('declares a rule for every root field and every node type, and nothing that is not in the schema', () => {
    const roots = ['Query', 'Mutation', 'Subscription'].flatMap((name) =>
      Object.keys((schema.getType(name) as GraphQLObjectType).getFields()),
    );
    expect(
      roots.filter((name) => !(name in ROOT_RULES)),
      'root fields without a rule in ROOT_RULES',
    ).toEqual([]);
    expect(
      Object.keys(ROOT_RULES).filter((name) => !roots.includes(name)),
      'rules of no field',
    ).toEqual([]);
    const nodes = schema
      .getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType)
      .map((type) => type.name);
    expect(
      nodes.filter((name) => !(name in NODE_KINDS)),
      'node types without a rule in NODE_KINDS',
    ).toEqual([]);
  });

  for (const kind of ['query', 'mutation', 'subscription'] as const) {
    it(`enforces every ${kind} field's rule for every role`, async () => {
      const root = schema.getType(kind[0]!.toUpperCase() + kind.slice(1)) as GraphQLObjectType;
      const failures: string[] = [];
      const businessErrors: string[] = [];
      for (const field of Object.values(root.getFields())) {
        const rule = (ROOT_RULES as Record<string, Rule>)[field.name];
        if (!rule) continue; // reported by the first test
        for (const role of ROLES) {
          const probe = await worldFor(false);
          const target = rule.who === 'member' ? (await probe.fixtures(rule.on))[0]! : null;
          const want = expected(rule, role, target);
          const world = await worldFor(kind === 'mutation' && want === 'ALLOWED');
          const args = new Args(world, field.name, rule);
          const variables = await args.of(field.args, '');
          const result = await send(
            kind,
            operationFor(kind, field, variables),
            variables,
            args.files,
            world.token(role),
          );
          const got = outcomeOf(result);
          cells++;
          if (got === 'ALLOWED' && result.errors?.length)
            businessErrors.push(
              `${field.name} as ${role}: ${result.errors[0]!.extensions?.code} ${result.errors[0]!.message}`,
            );
          if (got !== want)
            failures.push(
              `${field.name} as ${role}: expected ${want}, got ${got} (${JSON.stringify(result.errors ?? result.data).slice(0, 200)})`,
            );
          if (world !== shared && !result.errors?.length) world.dirty = true;
        }
      }
      if (businessErrors.length)
        console.log(`allowed, then refused by the service:\n${businessErrors.join('\n')}`);
      expect(failures).toEqual([]);
    }, 1_800_000);
  }

  it('answers node(id) of every node type per its rule, null where the role may not see it', async () => {
    const failures: string[] = [];
    const nodes = schema.getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType);
    for (const type of nodes) {
      const kind = (NODE_KINDS as Record<string, ThingKind | 'User'>)[type.name];
      if (!kind) continue; // reported by the first test
      for (const fixture of await shared.fixtures(kind)) {
        for (const role of ROLES) {
          const result = await gql(
            'query ($id: ID!) { node(id: $id) { __typename id } }',
            { id: fixture.id },
            shared.token(role),
          );
          // The User fixture is the viewer: themself and their room-mates read the profile.
          const want = kind === 'User' ? roleIn(role) !== null : sees(role, fixture);
          const got = (result.data?.node as { __typename?: string } | null)?.__typename === type.name;
          cells++;
          if (result.errors?.length || got !== want)
            failures.push(
              `node(${type.name}${fixture.privateTo ? `, private to ${fixture.privateTo}` : ''}${fixture.editorsOnly ? ', editors only' : ''}) as ${role}: expected ${want ? 'it' : 'null'}, got ${JSON.stringify(result.errors ?? result.data)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
