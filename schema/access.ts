/**
 * Who may see and do what: every scope and visibility rule of the API, in one place (docs/security.md,
 * "Authorization"). Every root field takes its `authScopes` from `ROOT_RULES` (`authorize(field)`), every
 * node type its `loadMany` from `NODE_KINDS`, and object fields that show more to some members ask the
 * functions below; nothing else decides. Services check only that a thing exists and is in a state to act
 * on. test/api/authorization-matrix.test.ts walks the schema and checks every declared rule for every role,
 * and fails for a root field or node type that has none.
 *
 * The rules, in short: the room is the tenant. A thing in a room is visible to the room's ACTIVE members
 * (an invitation grants nothing), a private thing (an attempt, a conversation and its messages, a
 * missed-questions deck and its cards, a viewer's own study guide) only to the member it belongs to, and
 * an editor-only thing (an EDITORS document, its chunks, a deck or guide made from one) only to editors and
 * owners. What cannot be seen is NOT_FOUND (null for `node`), exactly like a missing id; a member whose
 * role is too low for an action gets FORBIDDEN; anonymous callers get UNAUTHENTICATED before any lookup. A
 * live session is visible to its host and to the players who joined it by code, members or not.
 */
import type { Conversation, Message } from '../src/entities/conversation.ts';
import type { Chunk, Document } from '../src/entities/document.ts';
import type { Card, Deck } from '../src/entities/flashcard.ts';
import type { Question, Quiz, QuizAttempt } from '../src/entities/quiz.ts';
import type { Room, RoomRole } from '../src/entities/room.ts';
import type { StudyGuide } from '../src/entities/study-guide.ts';
import { forbidden, notFound, unauthenticated } from '../src/errors.ts';
import { roleAtLeast } from '../src/rooms/room-service.ts';
import type { Context } from '../src/transport/context.ts';

// ---------------------------------------------------------------------------------------------------
// Rooms

/** The viewer's role in a room, or null when they are not an active member (or not signed in). */
export function roomRole(context: Context, roomId: string): Promise<RoomRole | null> {
  return context.loaders.viewerRole.load(roomId);
}

/** Whether the viewer is an active member of the room with `role` or higher. */
export async function hasRole(context: Context, roomId: string, role: RoomRole): Promise<boolean> {
  return roleAtLeast(await roomRole(context, roomId), role);
}

export interface RoomScope {
  roomId: string;
  role: RoomRole;
}

/** A scope object for `authScopes`: `role` or higher in the room. */
export const inRoom = (roomId: string, role: RoomRole) => ({ room: { roomId, role } });

/**
 * The `room` auth scope (schema/builder.ts): anonymous → UNAUTHENTICATED; not an active member →
 * NOT_FOUND (a stranger learns nothing, not even that the room exists); a lower role → false, which
 * scope-auth turns into FORBIDDEN.
 */
export async function holdsRoomScope(context: Context, { roomId, role }: RoomScope): Promise<boolean> {
  if (!context.viewer) throw unauthenticated();
  const viewerRole = await roomRole(context, roomId);
  if (!viewerRole) throw notFound('Room');
  return roleAtLeast(viewerRole, role);
}

/** A room's settings are its owner's. */
export const mayReadRoomSettings = (context: Context, roomId: string) => hasRole(context, roomId, 'OWNER');

/** Pending invitations of a room are the owner's business (they name emails nobody else typed). */
export const mayListInvitations = (context: Context, roomId: string) => hasRole(context, roomId, 'OWNER');

// ---------------------------------------------------------------------------------------------------
// Things in a room

interface Things {
  Room: Room;
  Document: Document;
  Chunk: Chunk;
  Quiz: Quiz;
  Question: Question;
  QuizAttempt: QuizAttempt;
  Conversation: Conversation;
  Message: Message;
  Deck: Deck;
  Card: Card;
  StudyGuide: StudyGuide;
}
export type ThingKind = keyof Things;

/** Where a thing lives, the member it is private to (null: the room's), and whether it is editor-only. */
interface Placement<T> {
  thing: T;
  roomId: string;
  privateTo: string | null;
  editorsOnly: boolean;
}

type Locate<T> = (context: Context, id: string) => Promise<Placement<T> | null>;

const shared = <T>(thing: T, roomId: string): Placement<T> => ({
  thing,
  roomId,
  privateTo: null,
  editorsOnly: false,
});

/**
 * Teacher-only material (docs/school.md): a deck or study guide made from an EDITORS document is
 * editor-only too (a guide of the answer key is the answer key).
 */
async function madeFromEditorsOnly(
  context: Context,
  made: { room: { id: string }; documentIds: readonly string[] },
) {
  const hidden = await context.loaders.editorsOnlyDocuments.load(made.room.id);
  return made.documentIds.some((id) => hidden.has(id));
}

/** How to find each kind of thing's room, owner and visibility. A new kind of thing gets a line here. */
const locate: { [K in ThingKind]: Locate<Things[K]> } = {
  Room: async (context, id) => {
    const room = await context.loaders.roomById.load(id);
    return room ? shared(room, room.id) : null;
  },
  Document: async (context, id) => {
    const document = await context.loaders.documentById.load(id);
    return document
      ? { ...shared(document, document.room.id), editorsOnly: document.visibility === 'EDITORS' }
      : null;
  },
  Chunk: async (context, id) => {
    const chunk = await context.loaders.chunkById.load(id);
    const document = chunk && (await locate.Document(context, chunk.document.id));
    return chunk && document ? { ...document, thing: chunk } : null;
  },
  Quiz: async (context, id) => {
    // A quiz made from editor-only material is the room's: its evidence shows a viewer no document.
    const quiz = await context.loaders.quizById.load(id);
    return quiz ? shared(quiz, quiz.room.id) : null;
  },
  Question: async (context, id) => {
    const question = await context.loaders.questionById.load(id);
    const quiz = question && (await context.loaders.quizById.load(question.quiz.id));
    return question && quiz ? shared(question, quiz.room.id) : null;
  },
  QuizAttempt: async (context, id) => {
    const attempt = await context.loaders.attemptById.load(id);
    const quiz = attempt && (await context.loaders.quizById.load(attempt.quiz.id));
    return attempt && quiz ? { ...shared(attempt, quiz.room.id), privateTo: attempt.user.id } : null;
  },
  Conversation: async (context, id) => {
    const conversation = await context.loaders.conversationById.load(id);
    return conversation
      ? { ...shared(conversation, conversation.room.id), privateTo: conversation.owner.id }
      : null;
  },
  Message: async (context, id) => {
    const message = await context.loaders.messageById.load(id);
    const conversation = message && (await locate.Conversation(context, message.conversation.id));
    return message && conversation ? { ...conversation, thing: message } : null;
  },
  Deck: async (context, id) => {
    const deck = await context.loaders.deckById.load(id);
    if (!deck) return null;
    return {
      thing: deck,
      roomId: deck.room.id,
      privateTo: deck.owner?.id ?? null,
      editorsOnly: await madeFromEditorsOnly(context, deck),
    };
  },
  Card: async (context, id) => {
    const card = await context.loaders.cardById.load(id);
    const deck = card && (await locate.Deck(context, card.deck.id));
    return card && deck ? { ...deck, thing: card } : null;
  },
  StudyGuide: async (context, id) => {
    const guide = await context.loaders.studyGuideById.load(id);
    if (!guide) return null;
    return {
      thing: guide,
      roomId: guide.room.id,
      privateTo: guide.owner?.id ?? null,
      editorsOnly: await madeFromEditorsOnly(context, guide),
    };
  },
};

const LABELS: Partial<Record<ThingKind, string>> = { QuizAttempt: 'Attempt', StudyGuide: 'Study guide' };

/** The rule itself: an active member of the thing's room; its member if private; an editor if editor-only. */
async function maySee(context: Context, placement: Placement<unknown>): Promise<boolean> {
  if (!context.viewer) return false;
  if (placement.privateTo !== null && placement.privateTo !== context.viewer.id) return false;
  const role = await roomRole(context, placement.roomId);
  return role !== null && (!placement.editorsOnly || roleAtLeast(role, 'EDITOR'));
}

/** The thing, when the viewer may see it; null when it is missing or not theirs to see. */
export async function visible<K extends ThingKind>(
  context: Context,
  kind: K,
  id: string,
): Promise<Things[K] | null> {
  const placement = await locate[kind](context, id);
  return placement && (await maySee(context, placement)) ? placement.thing : null;
}

/** `loadMany` of a node type: what the viewer may not see is null, as for a missing id. */
export function loadVisible<K extends ThingKind>(kind: K) {
  return (ids: readonly string[], context: Context) =>
    Promise.all(ids.map((id) => visible(context, kind, id)));
}

/**
 * The scope of an action on a thing: the viewer must see it (else NOT_FOUND, after UNAUTHENTICATED for
 * anonymous callers) and hold `role` in its room (else FORBIDDEN). `inRoomId`: the thing must also be in
 * that room (a deck filter of a room's review queue).
 */
export async function scopeOn(
  context: Context,
  kind: ThingKind,
  id: string,
  role: RoomRole = 'VIEWER',
  inRoomId?: string,
) {
  if (!context.viewer) throw unauthenticated();
  const placement = await locate[kind](context, id);
  if (
    !placement ||
    !(await maySee(context, placement)) ||
    (inRoomId !== undefined && placement.roomId !== inRoomId)
  )
    throw notFound(LABELS[kind] ?? kind);
  return inRoom(placement.roomId, role);
}

/**
 * Keeps, of things listed for a room, those the viewer may see: list loaders select the viewer's own
 * private things in SQL, and this holds the same rules however a list was read.
 */
export async function visibleOf<T extends { owner?: { id: string } | null; user?: { id: string } }>(
  context: Context,
  roomId: string,
  things: readonly T[],
  editorsOnly?: (thing: T) => Promise<boolean>,
) {
  const viewerId = context.viewer?.id;
  const role = await roomRole(context, roomId);
  if (!viewerId || !role) return [];
  const keep = await Promise.all(
    things.map(async (thing) => {
      const privateTo = thing.user?.id ?? thing.owner?.id ?? null;
      if (privateTo !== null && privateTo !== viewerId) return false;
      return roleAtLeast(role, 'EDITOR') || !editorsOnly || !(await editorsOnly(thing));
    }),
  );
  return things.filter((_thing, i) => keep[i]);
}

/** A room's decks and study guides as the viewer may see them (editor-only ones for editors only). */
export const visibleMadeFrom = <
  T extends { room: { id: string }; owner?: { id: string } | null; documentIds: readonly string[] },
>(
  context: Context,
  roomId: string,
  things: readonly T[],
) => visibleOf(context, roomId, things, (thing) => madeFromEditorsOnly(context, thing));

/** True when the viewer reads the room's editor-only documents too (search, answers, review cards). */
export const readsEditorsOnly = (context: Context, roomId: string) => hasRole(context, roomId, 'EDITOR');

/** A study guide made by a viewer is private to them; an editor's or owner's is the room's. */
export async function newStudyGuideIsPrivate(context: Context, roomId: string): Promise<boolean> {
  return !(await hasRole(context, roomId, 'EDITOR'));
}

// ---------------------------------------------------------------------------------------------------
// People

/** `loadMany` of User: the viewer's own profile and their room-mates' (`mayReadProfile`); else null. */
export function loadVisibleUsers(ids: readonly string[], context: Context) {
  return Promise.all(
    ids.map(async (id) => ((await mayReadProfile(context, id)) ? context.loaders.userById.load(id) : null)),
  );
}

/** Fields about a user that only that user reads (their pending invitations). */
export const isViewer = (context: Context, userId: string) => context.viewer?.id === userId;

// ---------------------------------------------------------------------------------------------------
// Live sessions

export type LiveActor = 'HOST' | 'PLAYER' | 'ANYONE_IN';

/**
 * The scope of a field on a live session, by who acts: the `HOST` drives it, a `PLAYER` (who joined by
 * code) answers, `ANYONE_IN` of the two watches. Anyone else gets NOT_FOUND; the other one of the two
 * gets FORBIDDEN.
 */
export async function liveSessionScope(context: Context, sessionId: string, as: LiveActor) {
  if (!context.viewer) throw unauthenticated();
  const session = await context.loaders.liveSessionById.load(sessionId);
  const host = session?.host.id === context.viewer.id;
  const player = !!session && (await context.loaders.viewerPlaysIn.load(sessionId));
  if (!session || (!host && !player)) throw notFound('Live quiz');
  if (as === 'HOST' && !host) throw forbidden('Only the host drives the live quiz');
  if (as === 'PLAYER' && !player) throw forbidden('Join the live quiz before answering');
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Quiz answers

/**
 * The reveal rule: may the viewer see a question's answer, explanation and evidence (the quote, its chunk,
 * pages and highlights, which together locate the answer)? Editors and owners always; a viewer per the
 * quiz's `revealAnswers` (after answering it, after finishing an attempt that answered it, or never);
 * nobody but editors while a live session has the question open.
 */
export async function mayRevealQuestion(context: Context, question: Question): Promise<boolean> {
  const quiz = await context.loaders.quizById.load(question.quiz.id);
  if (!quiz) return false;
  const role = await roomRole(context, quiz.room.id);
  if (roleAtLeast(role, 'EDITOR')) return true;
  if (!role || quiz.revealAnswers === 'NEVER') return false;
  const [answered, liveOpen] = await Promise.all([
    context.loaders.answeredByViewer.load(question.id),
    context.loaders.liveOpenQuestion.load(question.id),
  ]);
  if (liveOpen) return false;
  return quiz.revealAnswers === 'AFTER_EACH' ? answered.answered : answered.inFinishedAttempt;
}

/** A field of a question that only the reveal rule lets through (null otherwise). */
export function revealed<T>(read: (question: Question) => T) {
  return async (question: Question, _args: unknown, context: Context): Promise<T | null> =>
    (await mayRevealQuestion(context, question)) ? read(question) : null;
}

/** How many attempts the viewer may start on a quiz in all (null: unlimited). Editors are not bound. */
export async function attemptLimit(
  context: Context,
  quiz: { room: { id: string }; maxAttempts?: number | null },
): Promise<number | null> {
  return roleAtLeast(await roomRole(context, quiz.room.id), 'EDITOR') ? null : (quiz.maxAttempts ?? null);
}

// ---------------------------------------------------------------------------------------------------
// The declared rules

/** Who may call a root field. `arg` is the path of the argument naming the thing acted on. */
export type Rule =
  /** Anyone, signed in or not (what a field returns may still depend on who asks). */
  | { who: 'anyone' }
  /** Any signed-in user; the field acts on the viewer's own account or data. */
  | { who: 'signedIn' }
  /** A signed-in user with a pending invitation to the room `arg` (else NOT_FOUND). */
  | { who: 'invitee'; arg: string }
  /**
   * An active member who may see the thing `arg` (else NOT_FOUND) and holds `role` or higher in its room
   * (else FORBIDDEN). `alsoIn`: an optional argument naming a thing that, when given, must be visible too
   * and in the same room.
   */
  | { who: 'member'; on: ThingKind; arg: string; role: RoomRole; alsoIn?: { on: ThingKind; arg: string } }
  /** The host of the live session `arg`, a player who joined it by code, or either (see `liveSessionScope`). */
  | { who: 'live'; arg: string; as: LiveActor };

const member = (on: ThingKind, arg: string, role: RoomRole = 'VIEWER'): Rule => ({
  who: 'member',
  on,
  arg,
  role,
});

/** Every root field's rule. A root field missing here fails the authorization matrix test. */
export const ROOT_RULES = {
  // Query
  me: { who: 'anyone' },
  node: { who: 'anyone' }, // each type's own rule: NODE_KINDS
  nodes: { who: 'anyone' },
  rooms: { who: 'signedIn' },
  room: member('Room', 'id'),
  search: member('Room', 'roomId'),
  evaluateRetrieval: member('Room', 'input.roomId', 'EDITOR'),
  reviewQueue: { ...member('Room', 'roomId'), alsoIn: { on: 'Deck', arg: 'deckId' } } as Rule,
  exportDeck: member('Deck', 'deckId'),
  // Mutation: the account
  signUp: { who: 'anyone' },
  signIn: { who: 'anyone' },
  signOut: { who: 'signedIn' },
  changePassword: { who: 'signedIn' },
  exportMyData: { who: 'signedIn' },
  deleteMyAccount: { who: 'signedIn' },
  // Mutation: rooms and membership
  createRoom: { who: 'signedIn' },
  updateRoomSettings: member('Room', 'input.roomId', 'OWNER'),
  addRoomMember: member('Room', 'input.roomId', 'OWNER'),
  cancelRoomInvitation: member('Room', 'input.roomId', 'OWNER'),
  removeRoomMember: member('Room', 'input.roomId', 'OWNER'),
  acceptRoomInvitation: { who: 'invitee', arg: 'roomId' },
  declineRoomInvitation: { who: 'invitee', arg: 'roomId' },
  leaveRoom: member('Room', 'roomId'),
  // Mutation: documents
  uploadDocument: member('Room', 'input.roomId', 'EDITOR'),
  replaceDocument: member('Document', 'id', 'EDITOR'),
  setDocumentVisibility: member('Document', 'input.documentId', 'EDITOR'),
  cancelDocumentIngestion: member('Document', 'id', 'EDITOR'),
  retryDocumentIngestion: member('Document', 'id', 'EDITOR'),
  deleteDocument: member('Document', 'id', 'EDITOR'),
  // Mutation: conversations
  startConversation: member('Room', 'input.roomId'),
  askQuestion: member('Conversation', 'input.conversationId'),
  deleteConversation: member('Conversation', 'id'),
  // Mutation: quizzes
  generateQuiz: member('Room', 'input.roomId', 'EDITOR'),
  updateQuizSettings: member('Quiz', 'input.quizId', 'EDITOR'),
  startQuizAttempt: member('Quiz', 'quizId'),
  submitAnswer: member('QuizAttempt', 'input.attemptId'),
  finishQuizAttempt: member('QuizAttempt', 'attemptId'),
  // Mutation: live quizzes
  startLiveQuiz: member('Quiz', 'quizId', 'EDITOR'),
  joinLiveQuiz: { who: 'signedIn' }, // by code, members or not
  nextLiveQuestion: { who: 'live', arg: 'sessionId', as: 'HOST' },
  submitLiveAnswer: { who: 'live', arg: 'input.sessionId', as: 'PLAYER' },
  // Mutation: flashcards and study guides
  generateFlashcards: member('Room', 'input.roomId', 'EDITOR'),
  reviewCard: member('Card', 'input.cardId'),
  generateStudyGuide: member('Room', 'input.roomId'), // a viewer's guide is private to them
  // Subscription
  roomMemberAdded: member('Room', 'roomId'),
  documentProgress: member('Document', 'documentId'),
  messageStream: member('Message', 'messageId'),
  quizProgress: member('Quiz', 'quizId'),
  liveQuiz: { who: 'live', arg: 'sessionId', as: 'ANYONE_IN' },
  deckProgress: member('Deck', 'deckId'),
  studyGuideStream: member('StudyGuide', 'id'),
} satisfies Record<string, Rule>;

export type RootField = keyof typeof ROOT_RULES;

/** Every node type and the kind of thing whose rule `node(id)` applies (`User`: `mayReadProfile`). */
export const NODE_KINDS = {
  Room: 'Room',
  Document: 'Document',
  Chunk: 'Chunk',
  Quiz: 'Quiz',
  Question: 'Question',
  QuizAttempt: 'QuizAttempt',
  Conversation: 'Conversation',
  Message: 'Message',
  Deck: 'Deck',
  Card: 'Card',
  StudyGuide: 'StudyGuide',
  User: 'User',
} as const satisfies Record<string, ThingKind | 'User'>;

/** The decoded global ID at `path` in a field's arguments (`input.roomId`), or undefined when omitted. */
function idAt(args: object, path: string): string | undefined {
  let value: unknown = args;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[key];
  return (value as { id?: string } | null | undefined)?.id;
}

/** `authScopes` of a root field, from its declared rule. */
export function authorize(field: RootField) {
  const rule: Rule = ROOT_RULES[field];
  return async (_root: unknown, args: object, context: Context) => {
    if (rule.who === 'anyone') return true;
    if (!context.viewer) throw unauthenticated();
    switch (rule.who) {
      case 'signedIn':
        return true;
      case 'invitee':
        if (!(await context.loaders.viewerInvitedTo.load(idAt(args, rule.arg)!)))
          throw notFound('Invitation');
        return true;
      case 'live':
        return liveSessionScope(context, idAt(args, rule.arg)!, rule.as);
      case 'member': {
        const scope = await scopeOn(context, rule.on, idAt(args, rule.arg)!, rule.role);
        const also = rule.alsoIn && idAt(args, rule.alsoIn.arg);
        if (rule.alsoIn && also) await scopeOn(context, rule.alsoIn.on, also, 'VIEWER', scope.room.roomId);
        return scope;
      }
    }
  };
}

/**
 * May the viewer read a user's profile (name and email) by its ID? Themself and the people they share an
 * active room with; to anyone else the user is `null`, as a missing one is (finding 24: any signed-in
 * user could read any user's email by global ID). A room's members list shows room-mates by construction.
 */
export function mayReadProfile(context: Context, userId: string): Promise<boolean> {
  return context.loaders.sharesRoomWithViewer.load(userId);
}
