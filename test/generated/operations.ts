import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A file sent by the GraphQL multipart request spec */
  File: { input: File; output: File; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
};

/** What erasing the account did */
export type AccountDeletion = {
  __typename?: 'AccountDeletion';
  /** Rooms the person owned that had no editor, deleted with their documents, bytes and vectors */
  deletedRoomIds: Array<Scalars['ID']['output']>;
  deletedUserId: Scalars['ID']['output'];
  /** Rooms the person owned that now belong to their longest-standing editor */
  transferredRoomIds: Array<Scalars['ID']['output']>;
};

export type AddRoomMemberInput = {
  email: Scalars['String']['input'];
  role: RoomRole;
  roomId: Scalars['ID']['input'];
};

/** The server’s grading of one answer; the correct answer, explanation and evidence as the quiz’s `revealAnswers` allows */
export type AnswerResult = {
  __typename?: 'AnswerResult';
  correct: Scalars['Boolean']['output'];
  correctAnswer: Maybe<Scalars['String']['output']>;
  evidence: Maybe<Evidence>;
  explanation: Maybe<Scalars['String']['output']>;
  question: Question;
};

export type AskQuestionInput = {
  conversationId: Scalars['ID']['input'];
  question: Scalars['String']['input'];
};

export type AttemptAnswer = {
  __typename?: 'AttemptAnswer';
  answer: Scalars['String']['output'];
  correct: Scalars['Boolean']['output'];
  question: Question;
};

export type AuditAction =
  | 'ACCOUNT_DELETED'
  | 'DATA_EXPORTED'
  | 'DECK_GENERATED'
  | 'DOCUMENT_DELETED'
  | 'DOCUMENT_REPLACED'
  | 'DOCUMENT_UPLOADED'
  | 'DOCUMENT_VISIBILITY_CHANGED'
  | 'INVITATION_ACCEPTED'
  | 'INVITATION_CANCELLED'
  | 'INVITATION_DECLINED'
  | 'MEMBER_INVITED'
  | 'MEMBER_LEFT'
  | 'MEMBER_REMOVED'
  | 'OWNERSHIP_TRANSFERRED'
  | 'QUIZ_GENERATED'
  | 'ROOM_CREATED'
  | 'ROOM_DELETED'
  | 'SETTINGS_CHANGED'
  | 'SIGNED_IN'
  | 'STUDY_GUIDE_GENERATED';

/** One recorded action: who, what, when and from where (never document text or answers) */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: AuditAction;
  /** Null once the account is erased */
  actor: Maybe<User>;
  /** The client's address */
  address: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  detail: Maybe<Scalars['JSON']['output']>;
  /** Global id of what the action was on (it may no longer exist) */
  subjectId: Scalars['ID']['output'];
  subjectType: Scalars['String']['output'];
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Send as `Authorization: Bearer <token>` */
  token: Scalars['String']['output'];
  user: User;
};

/** One budget of a room and the limit in force */
export type Budget = {
  __typename?: 'Budget';
  /** True when the room has no value of its own and the server's default applies */
  fromEnvironment: Scalars['Boolean']['output'];
  /** Null: no limit */
  limit: Maybe<Scalars['SafeInt']['output']>;
  name: BudgetName;
  /** `member`: each member counted alone; `room`: all members together */
  over: Scalars['String']['output'];
  /** `day` or `month` (UTC) */
  period: Scalars['String']['output'];
};

export type BudgetName =
  /** LLM tokens (prompt and completion) one member may spend in the room per UTC day */
  | 'llmTokensPerMemberPerDay'
  /** LLM tokens one member may spend in the room per UTC calendar month */
  | 'llmTokensPerMemberPerMonth'
  /** LLM tokens all members together may spend in the room per UTC day */
  | 'llmTokensPerRoomPerDay'
  /** LLM tokens all members together may spend in the room per UTC calendar month */
  | 'llmTokensPerRoomPerMonth'
  /** Bytes one member may upload to the room per UTC day (uploads and replacements) */
  | 'uploadBytesPerMemberPerDay'
  /** Bytes all members together may upload to the room per UTC day */
  | 'uploadBytesPerRoomPerDay'
  /** Files one member may upload to the room per UTC day (uploads and replacements) */
  | 'uploadsPerMemberPerDay'
  /** Files all members together may upload to the room per UTC day */
  | 'uploadsPerRoomPerDay';

export type CancelRoomInvitationInput = {
  email: Scalars['String']['input'];
  roomId: Scalars['ID']['input'];
};

export type Card = Node & {
  __typename?: 'Card';
  back: Scalars['String']['output'];
  deck: Deck;
  evidence: CardEvidence;
  front: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: CardKind;
};

/** The quote a card was verified against, verbatim in its chunk, and where it stands */
export type CardEvidence = {
  __typename?: 'CardEvidence';
  chunk: Maybe<Chunk>;
  /** Null once the document was deleted */
  document: Maybe<Document>;
  documentTitle: Scalars['String']['output'];
  /** The quote's boxes on its pages (empty where the document has no layout) */
  highlights: Array<Highlight>;
  pageEnd: Scalars['Int']['output'];
  /** The printed label of pageStart */
  pageLabel: Scalars['String']['output'];
  pageStart: Scalars['Int']['output'];
  quote: Scalars['String']['output'];
};

export type CardKind =
  | 'CLOZE'
  | 'DEFINITION'
  | 'MISSED_QUESTION'
  | 'QUESTION';

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type Chunk = Node & {
  __typename?: 'Chunk';
  charEnd: Scalars['Int']['output'];
  charStart: Scalars['Int']['output'];
  document: Document;
  headingPath: Array<Scalars['String']['output']>;
  /** PDF only: the chunk’s line boxes on its pages (empty for Word and text) */
  highlights: Array<Highlight>;
  id: Scalars['ID']['output'];
  ordinal: Scalars['Int']['output'];
  pageEnd: Scalars['Int']['output'];
  /** Printed page label of pageEnd */
  pageLabelEnd: Scalars['String']['output'];
  /** Printed page label of pageStart ("iv", "12"); the physical number when the file has none */
  pageLabelStart: Scalars['String']['output'];
  pageStart: Scalars['Int']['output'];
  text: Scalars['String']['output'];
  tokenCount: Scalars['Int']['output'];
};

/** A `[n]` marker of an answer: the cited chunk, its pages and the quote checked to be in it */
export type Citation = {
  __typename?: 'Citation';
  /** @deprecated Use highlights (typed, the same boxes) */
  boxes: Maybe<Scalars['JSON']['output']>;
  /** Null once the document was deleted or replaced */
  chunk: Maybe<Chunk>;
  document: Maybe<Document>;
  documentTitle: Scalars['String']['output'];
  /** The section of the cited chunk, outermost heading first */
  headingPath: Array<Scalars['String']['output']>;
  /** PDF only: boxes of the quoted text on its pages (its lines, cut to its first and last characters) */
  highlights: Array<Highlight>;
  index: Scalars['Int']['output'];
  pageEnd: Scalars['Int']['output'];
  /** Printed page label of pageStart ("iv", "12"); the physical number when the file has none */
  pageLabel: Scalars['String']['output'];
  pageStart: Scalars['Int']['output'];
  quote: Scalars['String']['output'];
};

export type Conversation = Node & {
  __typename?: 'Conversation';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Oldest first */
  messages: ConversationMessagesConnection;
  room: Room;
  title: Scalars['String']['output'];
};


export type ConversationMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type ConversationMessagesConnection = {
  __typename?: 'ConversationMessagesConnection';
  edges: Array<ConversationMessagesConnectionEdge>;
  pageInfo: PageInfo;
};

export type ConversationMessagesConnectionEdge = {
  __typename?: 'ConversationMessagesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Message;
};

export type CreateRoomInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

/** A short-lived link to a zip of the viewer's own data, one JSON file per section */
export type DataExport = {
  __typename?: 'DataExport';
  expiresAt: Scalars['DateTime']['output'];
  filename: Scalars['String']['output'];
  /** The JSON files in the zip, without `.json`: account, memberships, conversations, attempts, reviews */
  sections: Array<Scalars['String']['output']>;
  /** Path on this API's origin (GET, no Authorization header needed) that answers the zip while the link lasts */
  url: Scalars['String']['output'];
};

export type Deck = Node & {
  __typename?: 'Deck';
  cardCount: Scalars['Int']['output'];
  /** In deck order */
  cards: DeckCardsConnection;
  createdAt: Scalars['DateTime']['output'];
  error: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** MISSED_QUESTIONS: the viewer's own deck of quiz questions they answered wrong */
  kind: DeckKind;
  room: Room;
  stats: Maybe<QuizStats>;
  status: DeckStatus;
  title: Scalars['String']['output'];
};


export type DeckCardsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type DeckCardsConnection = {
  __typename?: 'DeckCardsConnection';
  edges: Array<DeckCardsConnectionEdge>;
  pageInfo: PageInfo;
};

export type DeckCardsConnectionEdge = {
  __typename?: 'DeckCardsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Card;
};

export type DeckKind =
  | 'GENERATED'
  | 'MISSED_QUESTIONS';

export type DeckProgress = {
  __typename?: 'DeckProgress';
  deck: Maybe<Deck>;
  drafted: Scalars['Int']['output'];
  error: Maybe<Scalars['String']['output']>;
  rejected: Scalars['Int']['output'];
  round: Scalars['Int']['output'];
  stats: Maybe<QuizStats>;
  status: DeckStatus;
  verified: Scalars['Int']['output'];
};

export type DeckStatus =
  | 'FAILED'
  | 'GENERATING'
  | 'READY';

export type DeleteMyAccountInput = {
  password: Scalars['String']['input'];
};

export type Document = Node & {
  __typename?: 'Document';
  chunkCount: Scalars['Int']['output'];
  /** The chunks in reading order */
  chunks: DocumentChunksConnection;
  createdAt: Scalars['DateTime']['output'];
  /** Why ingestion failed, for a person to read */
  error: Maybe<Scalars['String']['output']>;
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  mimeType: Scalars['String']['output'];
  /** Pages whose text came from OCR (scanned pages, or fonts whose text layer decodes to symbols) */
  ocrPageCount: Scalars['Int']['output'];
  pageCount: Maybe<Scalars['Int']['output']>;
  /** True only for a Word file that records no page breaks: its pages are then ~3,000-character slices */
  pageCountEstimated: Scalars['Boolean']['output'];
  progress: Scalars['Float']['output'];
  room: Room;
  sizeBytes: Scalars['Int']['output'];
  stage: IngestStage;
  status: DocumentStatus;
  title: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  visibility: DocumentVisibility;
  /** Something a READY document’s reader should know, e.g. pages that stayed unreadable even with OCR */
  warning: Maybe<Scalars['String']['output']>;
};


export type DocumentChunksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type DocumentChunksConnection = {
  __typename?: 'DocumentChunksConnection';
  edges: Array<DocumentChunksConnectionEdge>;
  pageInfo: PageInfo;
};

export type DocumentChunksConnectionEdge = {
  __typename?: 'DocumentChunksConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Chunk;
};

export type DocumentProgress = {
  __typename?: 'DocumentProgress';
  document: Maybe<Document>;
  message: Maybe<Scalars['String']['output']>;
  /** 0..1 over the whole ingestion */
  progress: Scalars['Float']['output'];
  stage: IngestStage;
};

export type DocumentStatus =
  | 'FAILED'
  | 'PROCESSING'
  | 'QUEUED'
  | 'READY';

/** Who in the room reads a document (docs/school.md) */
export type DocumentVisibility =
  /** Editors and owners only (teacher-only material): never in a viewer’s search, answers, citations, study guides or flashcards; quizzes made from it show its evidence to a viewer only after answering */
  | 'EDITORS'
  /** Every member (the default) */
  | 'MEMBERS';

export type EvaluateRetrievalInput = {
  /** Hybrid weight as in `search` (0 = BM25 only, 1 = vector only); the default when omitted */
  alpha?: InputMaybe<Scalars['Float']['input']>;
  cases: Array<RetrievalCaseInput>;
  roomId: Scalars['ID']['input'];
};

export type Evidence = {
  __typename?: 'Evidence';
  chunk: Maybe<Chunk>;
  /** Null for a viewer when the document is editor-only (the quote and pages still show) */
  document: Maybe<Document>;
  /** PDF only: the quote's boxes on its pages (empty where the document has no layout) */
  highlights: Array<Highlight>;
  pageEnd: Scalars['Int']['output'];
  /** The printed label of pageStart; the physical number when the file has none */
  pageLabel: Scalars['String']['output'];
  pageStart: Scalars['Int']['output'];
  quote: Scalars['String']['output'];
};

export type GenerateFlashcardsInput = {
  count: Scalars['Int']['input'];
  /** Defaults to every READY document of the room */
  documentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  roomId: Scalars['ID']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
};

export type GenerateQuizInput = {
  /** Defaults to every READY document of the room */
  documentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Defaults to all three kinds */
  kinds?: InputMaybe<Array<QuestionKind>>;
  /** Attempts each viewer may start; omitted or null: unlimited (practice) */
  maxAttempts?: InputMaybe<Scalars['Int']['input']>;
  questionCount: Scalars['Int']['input'];
  /** Defaults to AFTER_EACH */
  revealAnswers?: InputMaybe<RevealAnswers>;
  roomId: Scalars['ID']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
};

export type GenerateStudyGuideInput = {
  /** Defaults to every READY document of the room */
  documentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  roomId: Scalars['ID']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A box to highlight on a page: normalised 0..1 to the page as displayed at rotation 0 (pdf.js `page.getViewport({ scale: 1 })`, the page’s own /Rotate applied), origin top-left. Multiply by the viewport’s width and height to draw it. */
export type Highlight = {
  __typename?: 'Highlight';
  height: Scalars['Float']['output'];
  /** Physical page, 1-based */
  page: Scalars['Int']['output'];
  width: Scalars['Float']['output'];
  x: Scalars['Float']['output'];
  y: Scalars['Float']['output'];
};

export type IngestStage =
  | 'CHUNKING'
  | 'EMBEDDING'
  | 'EXTRACTING'
  | 'FAILED'
  | 'INDEXING'
  | 'OCR'
  | 'QUEUED'
  | 'READY';

/** The answer was recorded; whether it was right is shown to everyone at the reveal */
export type LiveAnswerReceipt = {
  __typename?: 'LiveAnswerReceipt';
  accepted: Scalars['Boolean']['output'];
  answeredAt: Scalars['DateTime']['output'];
};

export type LiveOptionCount = {
  __typename?: 'LiveOptionCount';
  count: Scalars['Int']['output'];
  option: Scalars['String']['output'];
};

/** The open question, without its answer */
export type LiveQuestion = {
  __typename?: 'LiveQuestion';
  id: Scalars['ID']['output'];
  kind: QuestionKind;
  options: Array<Scalars['String']['output']>;
  prompt: Scalars['String']['output'];
};

/** The whole session state; each change sends a new one, the current one comes first */
export type LiveQuizEvent = {
  __typename?: 'LiveQuizEvent';
  answeredCount: Scalars['Int']['output'];
  deadline: Maybe<Scalars['String']['output']>;
  joinCode: Scalars['String']['output'];
  /** Top 10 */
  leaderboard: Array<LiveStanding>;
  /** Names of the players who joined (first 100) */
  lobby: Array<Scalars['String']['output']>;
  /** The viewer's own standing (null for the host) */
  me: Maybe<LiveStanding>;
  participantCount: Scalars['Int']['output'];
  question: Maybe<LiveQuestion>;
  questionCount: Scalars['Int']['output'];
  questionIndex: Scalars['Int']['output'];
  reveal: Maybe<LiveReveal>;
  /** Increases with every state change */
  seq: Scalars['Int']['output'];
  sessionId: Scalars['ID']['output'];
  state: LiveQuizState;
};

export type LiveQuizSession = {
  __typename?: 'LiveQuizSession';
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Six characters, unambiguous when read aloud */
  joinCode: Scalars['String']['output'];
  questionSeconds: Scalars['Int']['output'];
  state: LiveQuizState;
};

export type LiveQuizState =
  | 'FINISHED'
  | 'LOBBY'
  | 'QUESTION'
  | 'REVEAL';

export type LiveReveal = {
  __typename?: 'LiveReveal';
  answered: Scalars['Int']['output'];
  correctAnswer: Scalars['String']['output'];
  explanation: Scalars['String']['output'];
  optionCounts: Array<LiveOptionCount>;
  questionId: Scalars['ID']['output'];
};

export type LiveStanding = {
  __typename?: 'LiveStanding';
  displayName: Scalars['String']['output'];
  rank: Scalars['Int']['output'];
  score: Scalars['Int']['output'];
};

export type MemberStatus =
  /** A member, with the access of their role */
  | 'ACTIVE'
  /** Invited by email, not accepted yet: no access to the room */
  | 'INVITED';

export type MemberUsage = {
  __typename?: 'MemberUsage';
  day: UsageCounts;
  month: UsageCounts;
  user: User;
};

export type Message = Node & {
  __typename?: 'Message';
  /** A viewer gets none that cites a document made editor-only since */
  citations: Array<Citation>;
  content: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  engine: Maybe<Scalars['String']['output']>;
  error: Maybe<Scalars['String']['output']>;
  /** Share of answer sentences supported by their cited chunks (assistant messages) */
  groundedness: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  metadata: Maybe<Scalars['JSON']['output']>;
  model: Maybe<Scalars['String']['output']>;
  role: MessageRole;
  status: MessageStatus;
};

export type MessageRole =
  | 'ASSISTANT'
  | 'USER';

export type MessageStatus =
  | 'COMPLETE'
  | 'FAILED'
  | 'STREAMING';

export type MessageStreamEvent = {
  __typename?: 'MessageStreamEvent';
  /** The whole text so far */
  content: Scalars['String']['output'];
  /** Text added since the previous event */
  delta: Scalars['String']['output'];
  done: Scalars['Boolean']['output'];
  /** The message as stored: on the first event and on the final one (with citations); null on deltas */
  message: Maybe<Message>;
  messageId: Scalars['ID']['output'];
  /** The text restarted (a repair round): show `content` instead of appending `delta` */
  reset: Scalars['Boolean']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The viewer accepts their invitation to the room and becomes an ACTIVE member */
  acceptRoomInvitation: RoomMember;
  /** Owner: invites an email (status INVITED). The answer is the same whether or not the email has an account; the invitee gets access once they accept */
  addRoomMember: RoomMember;
  /** Stores the question, starts the answer in the background and returns the STREAMING assistant message */
  askQuestion: Message;
  cancelDocumentIngestion: Document;
  /** Owner: withdraws a pending invitation; returns the room */
  cancelRoomInvitation: Room;
  /** Needs the current password; every earlier token stops working, the returned one is new */
  changePassword: AuthPayload;
  createRoom: Room;
  /** The viewer declines their invitation; returns the room's id */
  declineRoomInvitation: Scalars['ID']['output'];
  deleteConversation: Scalars['ID']['output'];
  /** Removes the document with its chunks, vectors and stored bytes; returns its global id */
  deleteDocument: Scalars['ID']['output'];
  /** Erases the account and every row that is the viewer’s own, after checking the password again; owned rooms go to their longest-standing editor, or are deleted when they have none (docs/school.md) */
  deleteMyAccount: AccountDeletion;
  /** A link (valid 10 minutes, until sign-out) to a zip of the viewer's account, memberships, conversations, attempts and reviews */
  exportMyData: DataExport;
  finishQuizAttempt: QuizAttempt;
  /** Enqueues generation and returns the GENERATING deck; follow it with deckProgress */
  generateFlashcards: Deck;
  /** Enqueues generation and returns the GENERATING quiz; follow it with quizProgress */
  generateQuiz: Quiz;
  /** Enqueues a cited study guide and returns it GENERATING; follow it with studyGuideStream. A viewer's guide is private to them */
  generateStudyGuide: StudyGuide;
  joinLiveQuiz: LiveQuizSession;
  /** The viewer stops being a member (the owner cannot); returns the room's id */
  leaveRoom: Scalars['ID']['output'];
  /** Host only: opens the next question with a deadline, or reveals the open one, or finishes */
  nextLiveQuestion: LiveQuizSession;
  /** Owner: removes a member (not the owner); returns the room */
  removeRoomMember: Room;
  /** Re-ingests a new version; chunks whose text did not change keep their embeddings */
  replaceDocument: Document;
  /** Ingests a FAILED document again from its stored bytes; returns it QUEUED */
  retryDocumentIngestion: Document;
  /** Rates a due card; FSRS schedules its next review. A card reviewed concurrently or not yet due is refused (BAD_USER_INPUT) */
  reviewCard: ReviewItem;
  /** Who in the room reads the document: MEMBERS, or EDITORS only (kept out of viewers’ search, answers, citations, study guides and flashcards at once) */
  setDocumentVisibility: Document;
  signIn: AuthPayload;
  /** Signs out everywhere: every token of the viewer (this one too) stops working */
  signOut: Scalars['Boolean']['output'];
  signUp: AuthPayload;
  startConversation: Conversation;
  startLiveQuiz: LiveQuizSession;
  startQuizAttempt: QuizAttempt;
  submitAnswer: AnswerResult;
  submitLiveAnswer: LiveAnswerReceipt;
  /** Editors and owners: how many attempts viewers get, and when they see answers */
  updateQuizSettings: Quiz;
  updateRoomSettings: Room;
  /** GraphQL multipart upload; returns at once with a QUEUED document (or the existing one for the same bytes) */
  uploadDocument: Document;
};


export type MutationAcceptRoomInvitationArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationAddRoomMemberArgs = {
  input: AddRoomMemberInput;
};


export type MutationAskQuestionArgs = {
  input: AskQuestionInput;
};


export type MutationCancelDocumentIngestionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelRoomInvitationArgs = {
  input: CancelRoomInvitationInput;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationCreateRoomArgs = {
  input: CreateRoomInput;
};


export type MutationDeclineRoomInvitationArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationDeleteConversationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteMyAccountArgs = {
  input: DeleteMyAccountInput;
};


export type MutationFinishQuizAttemptArgs = {
  attemptId: Scalars['ID']['input'];
};


export type MutationGenerateFlashcardsArgs = {
  input: GenerateFlashcardsInput;
};


export type MutationGenerateQuizArgs = {
  input: GenerateQuizInput;
};


export type MutationGenerateStudyGuideArgs = {
  input: GenerateStudyGuideInput;
};


export type MutationJoinLiveQuizArgs = {
  joinCode: Scalars['String']['input'];
};


export type MutationLeaveRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationNextLiveQuestionArgs = {
  sessionId: Scalars['ID']['input'];
};


export type MutationRemoveRoomMemberArgs = {
  input: RemoveRoomMemberInput;
};


export type MutationReplaceDocumentArgs = {
  file: Scalars['File']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRetryDocumentIngestionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReviewCardArgs = {
  input: ReviewCardInput;
};


export type MutationSetDocumentVisibilityArgs = {
  input: SetDocumentVisibilityInput;
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartConversationArgs = {
  input: StartConversationInput;
};


export type MutationStartLiveQuizArgs = {
  questionSeconds?: InputMaybe<Scalars['Int']['input']>;
  quizId: Scalars['ID']['input'];
};


export type MutationStartQuizAttemptArgs = {
  quizId: Scalars['ID']['input'];
};


export type MutationSubmitAnswerArgs = {
  input: SubmitAnswerInput;
};


export type MutationSubmitLiveAnswerArgs = {
  input: SubmitLiveAnswerInput;
};


export type MutationUpdateQuizSettingsArgs = {
  input: UpdateQuizSettingsInput;
};


export type MutationUpdateRoomSettingsArgs = {
  input: UpdateRoomSettingsInput;
};


export type MutationUploadDocumentArgs = {
  input: UploadDocumentInput;
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** Scores the room's current index (search as it answers now) against cases of a query and the quotes that answer it: nDCG@10, recall@10/100, MRR@10; at most 500 cases */
  evaluateRetrieval: RetrievalEvaluation;
  /** The deck as Anki-importable tab-separated text (File → Import in Anki) */
  exportDeck: Scalars['String']['output'];
  /** The signed-in user, or null for anonymous callers */
  me: Maybe<User>;
  node: Maybe<Node>;
  nodes: Array<Maybe<Node>>;
  /** The viewer's cards due now in this room, most overdue first, then new cards up to the room's daily cap */
  reviewQueue: Array<ReviewItem>;
  room: Room;
  /** The viewer's rooms, newest first */
  rooms: QueryRoomsConnection;
  /** Hybrid (BM25 + vector) search over the room’s chunks */
  search: Array<SearchHit>;
};


export type QueryEvaluateRetrievalArgs = {
  input: EvaluateRetrievalInput;
};


export type QueryExportDeckArgs = {
  deckId: Scalars['ID']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryReviewQueueArgs = {
  deckId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  roomId: Scalars['ID']['input'];
  timezone?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRoomArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRoomsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchArgs = {
  alpha?: InputMaybe<Scalars['Float']['input']>;
  documentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  roomId: Scalars['ID']['input'];
};

export type QueryRoomsConnection = {
  __typename?: 'QueryRoomsConnection';
  edges: Array<QueryRoomsConnectionEdge>;
  pageInfo: PageInfo;
};

export type QueryRoomsConnectionEdge = {
  __typename?: 'QueryRoomsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Room;
};

export type Question = Node & {
  __typename?: 'Question';
  /** Null for a viewer until the quiz’s `revealAnswers` allows it (by default: once they have answered this question in an attempt), and while a live session has it open */
  answer: Maybe<Scalars['String']['output']>;
  difficulty: Scalars['String']['output'];
  /** Follows the same rule as `answer`: the quote locates the answer in the material */
  evidence: Maybe<Evidence>;
  /** Follows the same rule as `answer` */
  explanation: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: QuestionKind;
  options: Array<Scalars['String']['output']>;
  prompt: Scalars['String']['output'];
};

export type QuestionKind =
  | 'MULTIPLE_CHOICE'
  | 'SHORT_ANSWER'
  | 'TRUE_FALSE';

export type Quiz = Node & {
  __typename?: 'Quiz';
  /** The viewer's own attempts, newest first */
  attempts: QuizAttemptsConnection;
  createdAt: Scalars['DateTime']['output'];
  error: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Attempts each viewer may start; null is unlimited. Editors and owners are not bound */
  maxAttempts: Maybe<Scalars['Int']['output']>;
  questions: QuizQuestionsConnection;
  revealAnswers: RevealAnswers;
  room: Room;
  stats: Maybe<QuizStats>;
  status: QuizStatus;
  title: Scalars['String']['output'];
};


export type QuizAttemptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QuizQuestionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QuizAttempt = Node & {
  __typename?: 'QuizAttempt';
  answers: Array<AttemptAnswer>;
  createdAt: Scalars['DateTime']['output'];
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** 1 for the viewer's first attempt of the quiz, then 2, ... */
  number: Scalars['Int']['output'];
  quiz: Quiz;
  /** Fraction correct, 0..1, once finished */
  score: Maybe<Scalars['Float']['output']>;
};

export type QuizAttemptsConnection = {
  __typename?: 'QuizAttemptsConnection';
  edges: Array<QuizAttemptsConnectionEdge>;
  pageInfo: PageInfo;
};

export type QuizAttemptsConnectionEdge = {
  __typename?: 'QuizAttemptsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: QuizAttempt;
};

export type QuizProgress = {
  __typename?: 'QuizProgress';
  drafted: Scalars['Int']['output'];
  error: Maybe<Scalars['String']['output']>;
  quiz: Maybe<Quiz>;
  rejected: Scalars['Int']['output'];
  round: Scalars['Int']['output'];
  stats: Maybe<QuizStats>;
  status: QuizStatus;
  verified: Scalars['Int']['output'];
};

export type QuizQuestionsConnection = {
  __typename?: 'QuizQuestionsConnection';
  edges: Array<QuizQuestionsConnectionEdge>;
  pageInfo: PageInfo;
};

export type QuizQuestionsConnectionEdge = {
  __typename?: 'QuizQuestionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Question;
};

/** How generation went: drafts, verified and rejected questions (or cards), and the rounds it took */
export type QuizStats = {
  __typename?: 'QuizStats';
  drafted: Scalars['Int']['output'];
  engine: Scalars['String']['output'];
  note: Maybe<Scalars['String']['output']>;
  rejected: Scalars['Int']['output'];
  rejectionsByReason: Scalars['JSON']['output'];
  rejectionsByRound: Array<Scalars['Int']['output']>;
  requested: Scalars['Int']['output'];
  rounds: Scalars['Int']['output'];
  verified: Scalars['Int']['output'];
};

export type QuizStatus =
  | 'FAILED'
  | 'GENERATING'
  | 'READY';

/** A room moving to another embedder in the background; searches use the old vectors until done. */
export type ReembedProgress = {
  __typename?: 'ReembedProgress';
  /** Chunks embedded with the target embedder so far. */
  done: Scalars['Int']['output'];
  progress: Scalars['Float']['output'];
  startedAt: Scalars['DateTime']['output'];
  targetEmbedder: Scalars['String']['output'];
  total: Scalars['Int']['output'];
};

export type RemoveRoomMemberInput = {
  roomId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type RetrievalCaseInput = {
  query: Scalars['String']['input'];
  /** Passages that answer the query; a chunk containing one of them counts as relevant */
  relevantQuotes: Array<Scalars['String']['input']>;
};

/** How well search answered one case */
export type RetrievalCaseScore = {
  __typename?: 'RetrievalCaseScore';
  /** 1-based rank of the first relevant chunk in the top 100; null when none is there */
  firstRelevantRank: Maybe<Scalars['Int']['output']>;
  mrrAt10: Scalars['Float']['output'];
  ndcgAt10: Scalars['Float']['output'];
  query: Scalars['String']['output'];
  recallAt10: Scalars['Float']['output'];
  recallAt100: Scalars['Float']['output'];
  /** How many of the room's chunks contain one of the case's quotes */
  relevantChunks: Scalars['Int']['output'];
};

/** A room's current index scored against cases (means over the cases) */
export type RetrievalEvaluation = {
  __typename?: 'RetrievalEvaluation';
  cases: Array<RetrievalCaseScore>;
  /** The embedder of the vectors searched */
  embedder: Scalars['String']['output'];
  mrrAt10: Scalars['Float']['output'];
  ndcgAt10: Scalars['Float']['output'];
  recallAt10: Scalars['Float']['output'];
  recallAt100: Scalars['Float']['output'];
  /** The reranking server, when RERANK_URL is set */
  reranker: Maybe<Scalars['String']['output']>;
};

/** When a viewer sees a question’s answer, explanation and evidence; editors always do, and nobody else while a live session has the question open */
export type RevealAnswers =
  /** Once they have answered the question (practice; the default) */
  | 'AFTER_EACH'
  /** Once they have finished an attempt that answered it */
  | 'AFTER_FINISH'
  /** Never: viewers only learn whether they were right, and their score */
  | 'NEVER';

export type ReviewCardInput = {
  cardId: Scalars['ID']['input'];
  rating: ReviewRating;
};

/** A card with the viewer's FSRS review state (NEW and due now for a card never reviewed) */
export type ReviewItem = {
  __typename?: 'ReviewItem';
  card: Card;
  /** FSRS difficulty, 1..10 */
  difficulty: Scalars['Float']['output'];
  due: Scalars['DateTime']['output'];
  lapses: Scalars['Int']['output'];
  lastReview: Maybe<Scalars['DateTime']['output']>;
  reps: Scalars['Int']['output'];
  scheduledDays: Scalars['Int']['output'];
  /** FSRS stability: days until recall falls to 90% */
  stability: Scalars['Float']['output'];
  state: ReviewState;
};

export type ReviewRating =
  | 'AGAIN'
  | 'EASY'
  | 'GOOD'
  | 'HARD';

export type ReviewState =
  | 'LEARNING'
  | 'NEW'
  | 'RELEARNING'
  | 'REVIEW';

export type Room = Node & {
  __typename?: 'Room';
  /** Owners: the room's trail, newest first */
  auditLog: RoomAuditLogConnection;
  /** The viewer's own conversations in this room, newest first */
  conversations: RoomConversationsConnection;
  createdAt: Scalars['DateTime']['output'];
  /** The room's flashcard decks and the viewer's own missed-questions deck, newest first */
  decks: RoomDecksConnection;
  description: Maybe<Scalars['String']['output']>;
  /** Documents in the room, newest first */
  documents: RoomDocumentsConnection;
  /** The embedder whose vectors the room is searched with, e.g. bge-small-en-v1.5-q8:384. */
  embedder: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Active members in joining order; the owner also sees pending invitations */
  members: RoomMembersConnection;
  name: Scalars['String']['output'];
  /** Quizzes in the room, newest first */
  quizzes: RoomQuizzesConnection;
  reembedding: Maybe<ReembedProgress>;
  /** The room's settings (owners; null for everyone else) */
  settings: Maybe<RoomSettings>;
  /** The room's study guides and the viewer's private ones, newest first */
  studyGuides: RoomStudyGuidesConnection;
  /** The room's usage against its budgets (owners; null for everyone else) */
  usage: Maybe<RoomUsage>;
  viewerRole: Maybe<RoomRole>;
};


export type RoomAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type RoomConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type RoomDecksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type RoomDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type RoomMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type RoomQuizzesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type RoomStudyGuidesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type RoomAuditLogConnection = {
  __typename?: 'RoomAuditLogConnection';
  edges: Array<RoomAuditLogConnectionEdge>;
  pageInfo: PageInfo;
};

export type RoomAuditLogConnectionEdge = {
  __typename?: 'RoomAuditLogConnectionEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type RoomConversationsConnection = {
  __typename?: 'RoomConversationsConnection';
  edges: Array<RoomConversationsConnectionEdge>;
  pageInfo: PageInfo;
};

export type RoomConversationsConnectionEdge = {
  __typename?: 'RoomConversationsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Conversation;
};

export type RoomDecksConnection = {
  __typename?: 'RoomDecksConnection';
  edges: Array<RoomDecksConnectionEdge>;
  pageInfo: PageInfo;
};

export type RoomDecksConnectionEdge = {
  __typename?: 'RoomDecksConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Deck;
};

export type RoomDocumentsConnection = {
  __typename?: 'RoomDocumentsConnection';
  edges: Array<RoomDocumentsConnectionEdge>;
  pageInfo: PageInfo;
};

export type RoomDocumentsConnectionEdge = {
  __typename?: 'RoomDocumentsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Document;
};

/** A member of a room, or an invitation to become one (status INVITED) */
export type RoomMember = {
  __typename?: 'RoomMember';
  /** The invited address (for a member: their email) */
  email: Scalars['String']['output'];
  /** Null for members who were not invited (the room’s creator) */
  invitedAt: Maybe<Scalars['DateTime']['output']>;
  invitedBy: Maybe<User>;
  /** When they became a member; null while invited */
  joinedAt: Maybe<Scalars['DateTime']['output']>;
  role: RoomRole;
  room: Room;
  status: MemberStatus;
  /** Null while invited: an invitation is made the same whether or not the email has an account */
  user: Maybe<User>;
};

export type RoomMembersConnection = {
  __typename?: 'RoomMembersConnection';
  edges: Array<RoomMembersConnectionEdge>;
  pageInfo: PageInfo;
};

export type RoomMembersConnectionEdge = {
  __typename?: 'RoomMembersConnectionEdge';
  cursor: Scalars['String']['output'];
  node: RoomMember;
};

export type RoomQuizzesConnection = {
  __typename?: 'RoomQuizzesConnection';
  edges: Array<RoomQuizzesConnectionEdge>;
  pageInfo: PageInfo;
};

export type RoomQuizzesConnectionEdge = {
  __typename?: 'RoomQuizzesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Quiz;
};

export type RoomRole =
  | 'EDITOR'
  | 'OWNER'
  | 'VIEWER';

export type RoomSettings = {
  __typename?: 'RoomSettings';
  /** Every budget with its limit and where the limit comes from */
  budgets: Array<Budget>;
  /** LLM tokens (prompt and completion) one member may spend in the room per UTC day; null: no limit */
  llmTokensPerMemberPerDay: Maybe<Scalars['SafeInt']['output']>;
  /** LLM tokens one member may spend in the room per UTC calendar month; null: no limit */
  llmTokensPerMemberPerMonth: Maybe<Scalars['SafeInt']['output']>;
  /** LLM tokens all members together may spend in the room per UTC day; null: no limit */
  llmTokensPerRoomPerDay: Maybe<Scalars['SafeInt']['output']>;
  /** LLM tokens all members together may spend in the room per UTC calendar month; null: no limit */
  llmTokensPerRoomPerMonth: Maybe<Scalars['SafeInt']['output']>;
  /** Flashcards: new cards a member starts per day (reviews of started cards are not capped) */
  newCardsPerDay: Scalars['Int']['output'];
  /** Bytes one member may upload to the room per UTC day (uploads and replacements); null: no limit */
  uploadBytesPerMemberPerDay: Maybe<Scalars['SafeInt']['output']>;
  /** Bytes all members together may upload to the room per UTC day; null: no limit */
  uploadBytesPerRoomPerDay: Maybe<Scalars['SafeInt']['output']>;
  /** Files one member may upload to the room per UTC day (uploads and replacements); null: no limit */
  uploadsPerMemberPerDay: Maybe<Scalars['SafeInt']['output']>;
  /** Files all members together may upload to the room per UTC day; null: no limit */
  uploadsPerRoomPerDay: Maybe<Scalars['SafeInt']['output']>;
};

export type RoomStudyGuidesConnection = {
  __typename?: 'RoomStudyGuidesConnection';
  edges: Array<RoomStudyGuidesConnectionEdge>;
  pageInfo: PageInfo;
};

export type RoomStudyGuidesConnectionEdge = {
  __typename?: 'RoomStudyGuidesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: StudyGuide;
};

/** What the room's members spent this UTC day and calendar month */
export type RoomUsage = {
  __typename?: 'RoomUsage';
  day: UsageCounts;
  dayResetsAt: Scalars['DateTime']['output'];
  /** Active members, the biggest spender this month first (those who spent nothing at zero) */
  members: Array<MemberUsage>;
  month: UsageCounts;
  monthResetsAt: Scalars['DateTime']['output'];
};

export type SearchHit = {
  __typename?: 'SearchHit';
  chunk: Chunk;
  score: Scalars['Float']['output'];
};

export type SetDocumentVisibilityInput = {
  documentId: Scalars['ID']['input'];
  visibility: DocumentVisibility;
};

export type SignInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type SignUpInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type StartConversationInput = {
  roomId: Scalars['ID']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
};

export type StudyGuide = Node & {
  __typename?: 'StudyGuide';
  /** The guide as Markdown with `[n]` citation markers */
  content: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  engine: Maybe<Scalars['String']['output']>;
  error: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Made by a viewer for themselves: nobody else sees it */
  private: Scalars['Boolean']['output'];
  room: Room;
  sections: Array<StudyGuideSection>;
  status: StudyGuideStatus;
  title: Scalars['String']['output'];
};

export type StudyGuidePoint = {
  __typename?: 'StudyGuidePoint';
  /** As for answers: each quote verbatim in its chunk; `index` is the guide's `[n]` */
  citations: Array<Citation>;
  /** The point, without its citation markers */
  text: Scalars['String']['output'];
};

export type StudyGuideSection = {
  __typename?: 'StudyGuideSection';
  document: Maybe<Document>;
  /** The document's heading where it has one, else the section's pages */
  heading: Scalars['String']['output'];
  pageEnd: Scalars['Int']['output'];
  pageStart: Scalars['Int']['output'];
  points: Array<StudyGuidePoint>;
};

export type StudyGuideStatus =
  | 'FAILED'
  | 'GENERATING'
  | 'READY';

export type StudyGuideStreamEvent = {
  __typename?: 'StudyGuideStreamEvent';
  /** The whole Markdown so far */
  content: Scalars['String']['output'];
  /** Text added since the previous event */
  delta: Scalars['String']['output'];
  done: Scalars['Boolean']['output'];
  /** The text restarted (a retried job): show `content` instead of appending `delta` */
  reset: Scalars['Boolean']['output'];
  status: StudyGuideStatus;
  /** The guide as stored: on the first event and on the final one; null on deltas */
  studyGuide: Maybe<StudyGuide>;
  studyGuideId: Scalars['ID']['output'];
};

export type SubmitAnswerInput = {
  answer: Scalars['String']['input'];
  attemptId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};

export type SubmitLiveAnswerInput = {
  answer: Scalars['String']['input'];
  questionId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Drafted, verified and rejected counts and the round; the current state first, live until READY or FAILED */
  deckProgress: DeckProgress;
  /** Ingestion stage and progress; the current state first, then live until READY or FAILED */
  documentProgress: DocumentProgress;
  /** Lobby, open question (without its answer), reveal with counts, leaderboard; current state first */
  liveQuiz: LiveQuizEvent;
  /** An answer as it is written: the first event carries the whole text so far, then deltas, then a final event (done) with the stored message and citations */
  messageStream: MessageStreamEvent;
  /** Drafted, verified and rejected counts and the round; the current state first, live until READY or FAILED */
  quizProgress: QuizProgress;
  /** Members joining a room (an invitation accepted), live (members only) */
  roomMemberAdded: RoomMember;
  /** A guide as it is written: the first event carries the whole text so far, then deltas per section, then a final event (done) with the stored guide */
  studyGuideStream: StudyGuideStreamEvent;
};


export type SubscriptionDeckProgressArgs = {
  deckId: Scalars['ID']['input'];
};


export type SubscriptionDocumentProgressArgs = {
  documentId: Scalars['ID']['input'];
};


export type SubscriptionLiveQuizArgs = {
  sessionId: Scalars['ID']['input'];
};


export type SubscriptionMessageStreamArgs = {
  messageId: Scalars['ID']['input'];
};


export type SubscriptionQuizProgressArgs = {
  quizId: Scalars['ID']['input'];
};


export type SubscriptionRoomMemberAddedArgs = {
  roomId: Scalars['ID']['input'];
};


export type SubscriptionStudyGuideStreamArgs = {
  id: Scalars['ID']['input'];
};

export type UpdateQuizSettingsInput = {
  /** Omitted: unchanged; null: unlimited */
  maxAttempts?: InputMaybe<Scalars['Int']['input']>;
  quizId: Scalars['ID']['input'];
  /** Omitted: unchanged */
  revealAnswers?: InputMaybe<RevealAnswers>;
};

export type UpdateRoomSettingsInput = {
  /** LLM tokens (prompt and completion) one member may spend in the room per UTC day. Null: back to the server's default */
  llmTokensPerMemberPerDay?: InputMaybe<Scalars['SafeInt']['input']>;
  /** LLM tokens one member may spend in the room per UTC calendar month. Null: back to the server's default */
  llmTokensPerMemberPerMonth?: InputMaybe<Scalars['SafeInt']['input']>;
  /** LLM tokens all members together may spend in the room per UTC day. Null: back to the server's default */
  llmTokensPerRoomPerDay?: InputMaybe<Scalars['SafeInt']['input']>;
  /** LLM tokens all members together may spend in the room per UTC calendar month. Null: back to the server's default */
  llmTokensPerRoomPerMonth?: InputMaybe<Scalars['SafeInt']['input']>;
  newCardsPerDay?: InputMaybe<Scalars['Int']['input']>;
  roomId: Scalars['ID']['input'];
  /** Bytes one member may upload to the room per UTC day (uploads and replacements). Null: back to the server's default */
  uploadBytesPerMemberPerDay?: InputMaybe<Scalars['SafeInt']['input']>;
  /** Bytes all members together may upload to the room per UTC day. Null: back to the server's default */
  uploadBytesPerRoomPerDay?: InputMaybe<Scalars['SafeInt']['input']>;
  /** Files one member may upload to the room per UTC day (uploads and replacements). Null: back to the server's default */
  uploadsPerMemberPerDay?: InputMaybe<Scalars['SafeInt']['input']>;
  /** Files all members together may upload to the room per UTC day. Null: back to the server's default */
  uploadsPerRoomPerDay?: InputMaybe<Scalars['SafeInt']['input']>;
};

export type UploadDocumentInput = {
  file: Scalars['File']['input'];
  roomId: Scalars['ID']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
  /** MEMBERS (default) or EDITORS: teacher-only material (docs/school.md) */
  visibility?: InputMaybe<DocumentVisibility>;
};

export type UsageCounts = {
  __typename?: 'UsageCounts';
  /** Prompt and completion tokens (as the provider reported them, or counted with the tokenizer) */
  llmTokens: Scalars['SafeInt']['output'];
  uploadBytes: Scalars['SafeInt']['output'];
  /** Files stored (uploads and replacements) */
  uploads: Scalars['Int']['output'];
};

export type User = Node & {
  __typename?: 'User';
  /** The viewer's own account events (sign-ins, with the address), newest first; empty for anyone else */
  auditLog: UserAuditLogConnection;
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Pending invitations to rooms (`me { invitations { role room { id name } } }`); empty for anyone but the viewer */
  invitations: Array<RoomMember>;
};


export type UserAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type UserAuditLogConnection = {
  __typename?: 'UserAuditLogConnection';
  edges: Array<UserAuditLogConnectionEdge>;
  pageInfo: PageInfo;
};

export type UserAuditLogConnectionEdge = {
  __typename?: 'UserAuditLogConnectionEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type ExportMyDataMutationVariables = Exact<{ [key: string]: never; }>;


export type ExportMyDataMutation = { __typename?: 'Mutation', exportMyData: { __typename?: 'DataExport', url: string, filename: string, expiresAt: string, sections: Array<string> } };

export type DeleteMyAccountMutationVariables = Exact<{
  input: DeleteMyAccountInput;
}>;


export type DeleteMyAccountMutation = { __typename?: 'Mutation', deleteMyAccount: { __typename?: 'AccountDeletion', deletedUserId: string, transferredRoomIds: Array<string>, deletedRoomIds: Array<string> } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'AuthPayload', token: string, user: { __typename?: 'User', id: string, email: string, displayName: string } } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { __typename?: 'Mutation', signIn: { __typename?: 'AuthPayload', token: string, user: { __typename?: 'User', id: string, email: string, displayName: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, email: string, displayName: string } | null };

export type StartConversationMutationVariables = Exact<{
  input: StartConversationInput;
}>;


export type StartConversationMutation = { __typename?: 'Mutation', startConversation: { __typename?: 'Conversation', id: string, title: string } };

export type AskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type AskQuestionMutation = { __typename?: 'Mutation', askQuestion: { __typename?: 'Message', id: string, role: MessageRole, status: MessageStatus, content: string } };

export type DeleteConversationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteConversationMutation = { __typename?: 'Mutation', deleteConversation: string };

export type MessageFieldsFragment = { __typename?: 'Message', id: string, role: MessageRole, content: string, status: MessageStatus, error: string | null, groundedness: number | null, engine: string | null, model: string | null, metadata: unknown | null, citations: Array<{ __typename?: 'Citation', index: number, quote: string, pageStart: number, pageEnd: number, pageLabel: string, headingPath: Array<string>, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, chunk: { __typename?: 'Chunk', id: string } | null, document: { __typename?: 'Document', id: string, title: string } | null }> };

export type ConversationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConversationQuery = { __typename?: 'Query', node:
    | { __typename: 'Card' }
    | { __typename: 'Chunk' }
    | { __typename: 'Conversation', id: string, title: string, messages: { __typename?: 'ConversationMessagesConnection', edges: Array<{ __typename?: 'ConversationMessagesConnectionEdge', node: { __typename?: 'Message', id: string, role: MessageRole, content: string, status: MessageStatus, error: string | null, groundedness: number | null, engine: string | null, model: string | null, metadata: unknown | null, citations: Array<{ __typename?: 'Citation', index: number, quote: string, pageStart: number, pageEnd: number, pageLabel: string, headingPath: Array<string>, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, chunk: { __typename?: 'Chunk', id: string } | null, document: { __typename?: 'Document', id: string, title: string } | null }> } }> } }
    | { __typename: 'Deck' }
    | { __typename: 'Document' }
    | { __typename: 'Message' }
    | { __typename: 'Question' }
    | { __typename: 'Quiz' }
    | { __typename: 'QuizAttempt' }
    | { __typename: 'Room' }
    | { __typename: 'StudyGuide' }
    | { __typename: 'User' }
   | null };

export type MessageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MessageQuery = { __typename?: 'Query', node:
    | { __typename: 'Card' }
    | { __typename: 'Chunk' }
    | { __typename: 'Conversation' }
    | { __typename: 'Deck' }
    | { __typename: 'Document' }
    | { __typename: 'Message', id: string, role: MessageRole, content: string, status: MessageStatus, error: string | null, groundedness: number | null, engine: string | null, model: string | null, metadata: unknown | null, citations: Array<{ __typename?: 'Citation', index: number, quote: string, pageStart: number, pageEnd: number, pageLabel: string, headingPath: Array<string>, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, chunk: { __typename?: 'Chunk', id: string } | null, document: { __typename?: 'Document', id: string, title: string } | null }> }
    | { __typename: 'Question' }
    | { __typename: 'Quiz' }
    | { __typename: 'QuizAttempt' }
    | { __typename: 'Room' }
    | { __typename: 'StudyGuide' }
    | { __typename: 'User' }
   | null };

export type MessageStreamSubscriptionVariables = Exact<{
  messageId: Scalars['ID']['input'];
}>;


export type MessageStreamSubscription = { __typename?: 'Subscription', messageStream: { __typename?: 'MessageStreamEvent', messageId: string, delta: string, content: string, done: boolean, reset: boolean, message: { __typename?: 'Message', id: string, role: MessageRole, content: string, status: MessageStatus, error: string | null, groundedness: number | null, engine: string | null, model: string | null, metadata: unknown | null, citations: Array<{ __typename?: 'Citation', index: number, quote: string, pageStart: number, pageEnd: number, pageLabel: string, headingPath: Array<string>, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, chunk: { __typename?: 'Chunk', id: string } | null, document: { __typename?: 'Document', id: string, title: string } | null }> } | null } };

export type UploadDocumentMutationVariables = Exact<{
  input: UploadDocumentInput;
}>;


export type UploadDocumentMutation = { __typename?: 'Mutation', uploadDocument: { __typename?: 'Document', id: string, title: string, status: DocumentStatus, error: string | null } };

export type DocumentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DocumentQuery = { __typename?: 'Query', node:
    | { __typename: 'Card' }
    | { __typename: 'Chunk' }
    | { __typename: 'Conversation' }
    | { __typename: 'Deck' }
    | { __typename: 'Document', id: string, title: string, filename: string, mimeType: string, sizeBytes: number, status: DocumentStatus, error: string | null, pageCount: number | null, ocrPageCount: number, pageCountEstimated: boolean, warning: string | null, chunkCount: number, version: number, room: { __typename?: 'Room', id: string } }
    | { __typename: 'Message' }
    | { __typename: 'Question' }
    | { __typename: 'Quiz' }
    | { __typename: 'QuizAttempt' }
    | { __typename: 'Room' }
    | { __typename: 'StudyGuide' }
    | { __typename: 'User' }
   | null };

export type DocumentChunksQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DocumentChunksQuery = { __typename?: 'Query', node:
    | { __typename?: 'Card' }
    | { __typename?: 'Chunk' }
    | { __typename?: 'Conversation' }
    | { __typename?: 'Deck' }
    | { __typename?: 'Document', chunks: { __typename?: 'DocumentChunksConnection', edges: Array<{ __typename?: 'DocumentChunksConnectionEdge', node: { __typename?: 'Chunk', id: string, ordinal: number, text: string, pageStart: number, pageEnd: number, pageLabelStart: string, pageLabelEnd: string, headingPath: Array<string>, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }> } }> } }
    | { __typename?: 'Message' }
    | { __typename?: 'Question' }
    | { __typename?: 'Quiz' }
    | { __typename?: 'QuizAttempt' }
    | { __typename?: 'Room' }
    | { __typename?: 'StudyGuide' }
    | { __typename?: 'User' }
   | null };

export type RoomDocumentsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomDocumentsQuery = { __typename?: 'Query', room: { __typename?: 'Room', documents: { __typename?: 'RoomDocumentsConnection', edges: Array<{ __typename?: 'RoomDocumentsConnectionEdge', node: { __typename?: 'Document', id: string, title: string, status: DocumentStatus, pageCount: number | null, chunkCount: number } }> } } };

export type SearchQueryVariables = Exact<{
  roomId: Scalars['ID']['input'];
  query: Scalars['String']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  alpha?: InputMaybe<Scalars['Float']['input']>;
}>;


export type SearchQuery = { __typename?: 'Query', search: Array<{ __typename?: 'SearchHit', score: number, chunk: { __typename?: 'Chunk', id: string, text: string, pageStart: number, pageEnd: number, pageLabelStart: string, headingPath: Array<string>, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, document: { __typename?: 'Document', id: string, title: string } } }> };

export type DeleteDocumentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteDocumentMutation = { __typename?: 'Mutation', deleteDocument: string };

export type CancelDocumentIngestionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelDocumentIngestionMutation = { __typename?: 'Mutation', cancelDocumentIngestion: { __typename?: 'Document', id: string, status: DocumentStatus, error: string | null } };

export type DocumentProgressSubscriptionVariables = Exact<{
  documentId: Scalars['ID']['input'];
}>;


export type DocumentProgressSubscription = { __typename?: 'Subscription', documentProgress: { __typename?: 'DocumentProgress', stage: IngestStage, progress: number, message: string | null, document: { __typename?: 'Document', id: string, status: DocumentStatus, error: string | null } | null } };

export type ReplaceDocumentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  file: Scalars['File']['input'];
}>;


export type ReplaceDocumentMutation = { __typename?: 'Mutation', replaceDocument: { __typename?: 'Document', id: string, status: DocumentStatus, version: number, error: string | null } };

export type RetryDocumentIngestionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RetryDocumentIngestionMutation = { __typename?: 'Mutation', retryDocumentIngestion: { __typename?: 'Document', id: string, status: DocumentStatus, version: number, error: string | null } };

export type GenerateFlashcardsMutationVariables = Exact<{
  input: GenerateFlashcardsInput;
}>;


export type GenerateFlashcardsMutation = { __typename?: 'Mutation', generateFlashcards: { __typename?: 'Deck', id: string, status: DeckStatus, title: string } };

export type CardFieldsFragment = { __typename?: 'Card', id: string, kind: CardKind, front: string, back: string, evidence: { __typename?: 'CardEvidence', quote: string, pageStart: number, pageEnd: number, pageLabel: string, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, document: { __typename?: 'Document', id: string, title: string } | null, chunk: { __typename?: 'Chunk', id: string, text: string } | null } };

export type DeckQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeckQuery = { __typename?: 'Query', node:
    | { __typename: 'Card' }
    | { __typename: 'Chunk' }
    | { __typename: 'Conversation' }
    | { __typename: 'Deck', id: string, title: string, kind: DeckKind, status: DeckStatus, error: string | null, cardCount: number, stats: { __typename?: 'QuizStats', requested: number, drafted: number, verified: number, rejected: number, rounds: number, rejectionsByReason: unknown, rejectionsByRound: Array<number>, engine: string, note: string | null } | null, cards: { __typename?: 'DeckCardsConnection', edges: Array<{ __typename?: 'DeckCardsConnectionEdge', node: { __typename?: 'Card', id: string, kind: CardKind, front: string, back: string, evidence: { __typename?: 'CardEvidence', quote: string, pageStart: number, pageEnd: number, pageLabel: string, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, document: { __typename?: 'Document', id: string, title: string } | null, chunk: { __typename?: 'Chunk', id: string, text: string } | null } } }> } }
    | { __typename: 'Document' }
    | { __typename: 'Message' }
    | { __typename: 'Question' }
    | { __typename: 'Quiz' }
    | { __typename: 'QuizAttempt' }
    | { __typename: 'Room' }
    | { __typename: 'StudyGuide' }
    | { __typename: 'User' }
   | null };

export type RoomDecksQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomDecksQuery = { __typename?: 'Query', room: { __typename?: 'Room', id: string, decks: { __typename?: 'RoomDecksConnection', edges: Array<{ __typename?: 'RoomDecksConnectionEdge', node: { __typename?: 'Deck', id: string, kind: DeckKind, title: string, status: DeckStatus, cardCount: number } }> } } };

export type DeckProgressSubscriptionVariables = Exact<{
  deckId: Scalars['ID']['input'];
}>;


export type DeckProgressSubscription = { __typename?: 'Subscription', deckProgress: { __typename?: 'DeckProgress', status: DeckStatus, error: string | null, drafted: number, verified: number, rejected: number, round: number } };

export type ReviewQueueQueryVariables = Exact<{
  roomId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  timezone?: InputMaybe<Scalars['String']['input']>;
  deckId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ReviewQueueQuery = { __typename?: 'Query', reviewQueue: Array<{ __typename?: 'ReviewItem', due: string, state: ReviewState, reps: number, lapses: number, stability: number, difficulty: number, scheduledDays: number, lastReview: string | null, card: { __typename?: 'Card', id: string, kind: CardKind, front: string, back: string, deck: { __typename?: 'Deck', id: string, kind: DeckKind }, evidence: { __typename?: 'CardEvidence', quote: string, pageLabel: string } } }> };

export type ReviewCardMutationVariables = Exact<{
  input: ReviewCardInput;
}>;


export type ReviewCardMutation = { __typename?: 'Mutation', reviewCard: { __typename?: 'ReviewItem', due: string, state: ReviewState, reps: number, lapses: number, stability: number, difficulty: number, scheduledDays: number, card: { __typename?: 'Card', id: string } } };

export type ExportDeckQueryVariables = Exact<{
  deckId: Scalars['ID']['input'];
}>;


export type ExportDeckQuery = { __typename?: 'Query', exportDeck: string };

export type UpdateRoomSettingsMutationVariables = Exact<{
  input: UpdateRoomSettingsInput;
}>;


export type UpdateRoomSettingsMutation = { __typename?: 'Mutation', updateRoomSettings: { __typename?: 'Room', id: string, settings: { __typename?: 'RoomSettings', newCardsPerDay: number } | null } };

export type RoomSettingsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomSettingsQuery = { __typename?: 'Query', room: { __typename?: 'Room', id: string, settings: { __typename?: 'RoomSettings', newCardsPerDay: number } | null } };

export type StartLiveQuizMutationVariables = Exact<{
  quizId: Scalars['ID']['input'];
  questionSeconds?: InputMaybe<Scalars['Int']['input']>;
}>;


export type StartLiveQuizMutation = { __typename?: 'Mutation', startLiveQuiz: { __typename?: 'LiveQuizSession', id: string, joinCode: string, state: LiveQuizState } };

export type JoinLiveQuizMutationVariables = Exact<{
  joinCode: Scalars['String']['input'];
}>;


export type JoinLiveQuizMutation = { __typename?: 'Mutation', joinLiveQuiz: { __typename?: 'LiveQuizSession', id: string, joinCode: string, state: LiveQuizState } };

export type NextLiveQuestionMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type NextLiveQuestionMutation = { __typename?: 'Mutation', nextLiveQuestion: { __typename?: 'LiveQuizSession', id: string, state: LiveQuizState } };

export type SubmitLiveAnswerMutationVariables = Exact<{
  input: SubmitLiveAnswerInput;
}>;


export type SubmitLiveAnswerMutation = { __typename?: 'Mutation', submitLiveAnswer: { __typename?: 'LiveAnswerReceipt', accepted: boolean } };

export type LiveQuizSubscriptionVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type LiveQuizSubscription = { __typename?: 'Subscription', liveQuiz: { __typename?: 'LiveQuizEvent', sessionId: string, seq: number, state: LiveQuizState, joinCode: string, questionIndex: number, questionCount: number, deadline: string | null, answeredCount: number, participantCount: number, lobby: Array<string>, question: { __typename?: 'LiveQuestion', id: string, kind: QuestionKind, prompt: string, options: Array<string> } | null, reveal: { __typename?: 'LiveReveal', questionId: string, correctAnswer: string, explanation: string, answered: number, optionCounts: Array<{ __typename?: 'LiveOptionCount', option: string, count: number }> } | null, leaderboard: Array<{ __typename?: 'LiveStanding', displayName: string, score: number, rank: number }>, me: { __typename?: 'LiveStanding', displayName: string, score: number, rank: number } | null } };

export type LiveQuizChoicesQueryVariables = Exact<{
  rooms?: InputMaybe<Scalars['Int']['input']>;
  quizzes?: InputMaybe<Scalars['Int']['input']>;
}>;


export type LiveQuizChoicesQuery = { __typename?: 'Query', rooms: { __typename?: 'QueryRoomsConnection', edges: Array<{ __typename?: 'QueryRoomsConnectionEdge', node: { __typename?: 'Room', id: string, name: string, viewerRole: RoomRole | null, quizzes: { __typename?: 'RoomQuizzesConnection', edges: Array<{ __typename?: 'RoomQuizzesConnectionEdge', node: { __typename?: 'Quiz', id: string, title: string, status: QuizStatus, createdAt: string } }> } } }> } };

export type GenerateQuizMutationVariables = Exact<{
  input: GenerateQuizInput;
}>;


export type GenerateQuizMutation = { __typename?: 'Mutation', generateQuiz: { __typename?: 'Quiz', id: string, status: QuizStatus, title: string } };

export type QuestionFieldsFragment = { __typename?: 'Question', id: string, kind: QuestionKind, prompt: string, options: Array<string>, answer: string | null, explanation: string | null, evidence: { __typename?: 'Evidence', quote: string, pageStart: number, pageEnd: number, pageLabel: string, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, document: { __typename?: 'Document', id: string } | null, chunk: { __typename?: 'Chunk', id: string, text: string } | null } | null };

export type QuizQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type QuizQuery = { __typename?: 'Query', node:
    | { __typename: 'Card' }
    | { __typename: 'Chunk' }
    | { __typename: 'Conversation' }
    | { __typename: 'Deck' }
    | { __typename: 'Document' }
    | { __typename: 'Message' }
    | { __typename: 'Question' }
    | { __typename: 'Quiz', id: string, title: string, status: QuizStatus, error: string | null, stats: { __typename?: 'QuizStats', requested: number, drafted: number, verified: number, rejected: number, rounds: number, rejectionsByReason: unknown, engine: string, note: string | null } | null, questions: { __typename?: 'QuizQuestionsConnection', edges: Array<{ __typename?: 'QuizQuestionsConnectionEdge', node: { __typename?: 'Question', id: string, kind: QuestionKind, prompt: string, options: Array<string>, answer: string | null, explanation: string | null, evidence: { __typename?: 'Evidence', quote: string, pageStart: number, pageEnd: number, pageLabel: string, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, document: { __typename?: 'Document', id: string } | null, chunk: { __typename?: 'Chunk', id: string, text: string } | null } | null } }> }, attempts: { __typename?: 'QuizAttemptsConnection', edges: Array<{ __typename?: 'QuizAttemptsConnectionEdge', node: { __typename?: 'QuizAttempt', id: string, score: number | null, finishedAt: string | null } }> } }
    | { __typename: 'QuizAttempt' }
    | { __typename: 'Room' }
    | { __typename: 'StudyGuide' }
    | { __typename: 'User' }
   | null };

export type StartQuizAttemptMutationVariables = Exact<{
  quizId: Scalars['ID']['input'];
}>;


export type StartQuizAttemptMutation = { __typename?: 'Mutation', startQuizAttempt: { __typename?: 'QuizAttempt', id: string, number: number, score: number | null } };

export type SubmitAnswerMutationVariables = Exact<{
  input: SubmitAnswerInput;
}>;


export type SubmitAnswerMutation = { __typename?: 'Mutation', submitAnswer: { __typename?: 'AnswerResult', correct: boolean, explanation: string | null, correctAnswer: string | null, evidence: { __typename?: 'Evidence', quote: string, pageStart: number, pageEnd: number, pageLabel: string, highlights: Array<{ __typename?: 'Highlight', page: number, x: number, y: number, width: number, height: number }>, document: { __typename?: 'Document', id: string } | null } | null } };

export type FinishQuizAttemptMutationVariables = Exact<{
  attemptId: Scalars['ID']['input'];
}>;


export type FinishQuizAttemptMutation = { __typename?: 'Mutation', finishQuizAttempt: { __typename?: 'QuizAttempt', id: string, score: number | null, finishedAt: string | null, answers: Array<{ __typename?: 'AttemptAnswer', correct: boolean }> } };

export type QuizProgressSubscriptionVariables = Exact<{
  quizId: Scalars['ID']['input'];
}>;


export type QuizProgressSubscription = { __typename?: 'Subscription', quizProgress: { __typename?: 'QuizProgress', status: QuizStatus, error: string | null, drafted: number, verified: number, rejected: number, round: number } };

export type QuestionNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type QuestionNodeQuery = { __typename?: 'Query', node:
    | { __typename: 'Card' }
    | { __typename: 'Chunk' }
    | { __typename: 'Conversation' }
    | { __typename: 'Deck' }
    | { __typename: 'Document' }
    | { __typename: 'Message' }
    | { __typename: 'Question', id: string, answer: string | null, explanation: string | null, evidence: { __typename?: 'Evidence', quote: string, pageStart: number, pageEnd: number, chunk: { __typename?: 'Chunk', id: string, text: string } | null } | null }
    | { __typename: 'Quiz' }
    | { __typename: 'QuizAttempt' }
    | { __typename: 'Room' }
    | { __typename: 'StudyGuide' }
    | { __typename: 'User' }
   | null };

export type QuizProgressQuestionsSubscriptionVariables = Exact<{
  quizId: Scalars['ID']['input'];
}>;


export type QuizProgressQuestionsSubscription = { __typename?: 'Subscription', quizProgress: { __typename?: 'QuizProgress', status: QuizStatus, quiz: { __typename?: 'Quiz', questions: { __typename?: 'QuizQuestionsConnection', edges: Array<{ __typename?: 'QuizQuestionsConnectionEdge', node: { __typename?: 'Question', id: string, answer: string | null, evidence: { __typename?: 'Evidence', quote: string } | null } }> } } | null } };

export type UpdateQuizSettingsMutationVariables = Exact<{
  input: UpdateQuizSettingsInput;
}>;


export type UpdateQuizSettingsMutation = { __typename?: 'Mutation', updateQuizSettings: { __typename?: 'Quiz', id: string, maxAttempts: number | null, revealAnswers: RevealAnswers } };

export type EvaluateRetrievalQueryVariables = Exact<{
  input: EvaluateRetrievalInput;
}>;


export type EvaluateRetrievalQuery = { __typename?: 'Query', evaluateRetrieval: { __typename?: 'RetrievalEvaluation', ndcgAt10: number, recallAt10: number, recallAt100: number, mrrAt10: number, embedder: string, reranker: string | null, cases: Array<{ __typename?: 'RetrievalCaseScore', query: string, ndcgAt10: number, recallAt10: number, recallAt100: number, mrrAt10: number, firstRelevantRank: number | null, relevantChunks: number }> } };

export type CreateRoomMutationVariables = Exact<{
  input: CreateRoomInput;
}>;


export type CreateRoomMutation = { __typename?: 'Mutation', createRoom: { __typename?: 'Room', id: string, name: string, description: string | null, createdAt: string, viewerRole: RoomRole | null } };

export type AddRoomMemberMutationVariables = Exact<{
  input: AddRoomMemberInput;
}>;


export type AddRoomMemberMutation = { __typename?: 'Mutation', addRoomMember: { __typename?: 'RoomMember', role: RoomRole, status: MemberStatus, email: string, joinedAt: string | null, user: { __typename?: 'User', id: string, email: string } | null } };

export type AcceptRoomInvitationMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type AcceptRoomInvitationMutation = { __typename?: 'Mutation', acceptRoomInvitation: { __typename?: 'RoomMember', role: RoomRole, status: MemberStatus, joinedAt: string | null, room: { __typename?: 'Room', id: string, viewerRole: RoomRole | null } } };

export type DeclineRoomInvitationMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type DeclineRoomInvitationMutation = { __typename?: 'Mutation', declineRoomInvitation: string };

export type LeaveRoomMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type LeaveRoomMutation = { __typename?: 'Mutation', leaveRoom: string };

export type RemoveRoomMemberMutationVariables = Exact<{
  input: RemoveRoomMemberInput;
}>;


export type RemoveRoomMemberMutation = { __typename?: 'Mutation', removeRoomMember: { __typename?: 'Room', id: string, members: { __typename?: 'RoomMembersConnection', edges: Array<{ __typename?: 'RoomMembersConnectionEdge', node: { __typename?: 'RoomMember', status: MemberStatus, user: { __typename?: 'User', id: string } | null } }> } } };

export type CancelRoomInvitationMutationVariables = Exact<{
  input: CancelRoomInvitationInput;
}>;


export type CancelRoomInvitationMutation = { __typename?: 'Mutation', cancelRoomInvitation: { __typename?: 'Room', id: string } };

export type MyInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyInvitationsQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, invitations: Array<{ __typename?: 'RoomMember', role: RoomRole, status: MemberStatus, email: string, invitedBy: { __typename?: 'User', displayName: string } | null, room: { __typename?: 'Room', id: string, name: string } }> } | null };

export type InvitationRoomDocumentsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationRoomDocumentsQuery = { __typename?: 'Query', me: { __typename?: 'User', invitations: Array<{ __typename?: 'RoomMember', room: { __typename?: 'Room', id: string, documents: { __typename?: 'RoomDocumentsConnection', edges: Array<{ __typename?: 'RoomDocumentsConnectionEdge', node: { __typename?: 'Document', id: string } }> } } }> } | null };

export type RoomQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomQuery = { __typename?: 'Query', room: { __typename?: 'Room', id: string, name: string, viewerRole: RoomRole | null, members: { __typename?: 'RoomMembersConnection', edges: Array<{ __typename?: 'RoomMembersConnectionEdge', node: { __typename?: 'RoomMember', role: RoomRole, status: MemberStatus, email: string, user: { __typename?: 'User', id: string, displayName: string } | null } }> } } };

export type RoomsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RoomsQuery = { __typename?: 'Query', rooms: { __typename?: 'QueryRoomsConnection', edges: Array<{ __typename?: 'QueryRoomsConnectionEdge', cursor: string, node: { __typename?: 'Room', id: string, name: string, viewerRole: RoomRole | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type RoomsWithMembersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RoomsWithMembersQuery = { __typename?: 'Query', rooms: { __typename?: 'QueryRoomsConnection', edges: Array<{ __typename?: 'QueryRoomsConnectionEdge', node: { __typename?: 'Room', id: string, members: { __typename?: 'RoomMembersConnection', edges: Array<{ __typename?: 'RoomMembersConnectionEdge', node: { __typename?: 'RoomMember', user: { __typename?: 'User', displayName: string } | null } }> } } }> } };

export type NodeRoomQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeRoomQuery = { __typename?: 'Query', node:
    | { __typename?: 'Card', id: string }
    | { __typename?: 'Chunk', id: string }
    | { __typename?: 'Conversation', id: string }
    | { __typename?: 'Deck', id: string }
    | { __typename?: 'Document', id: string }
    | { __typename?: 'Message', id: string }
    | { __typename?: 'Question', id: string }
    | { __typename?: 'Quiz', id: string }
    | { __typename?: 'QuizAttempt', id: string }
    | { __typename?: 'Room', name: string, id: string }
    | { __typename?: 'StudyGuide', id: string }
    | { __typename?: 'User', id: string }
   | null };

export type RoomMemberAddedSubscriptionVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type RoomMemberAddedSubscription = { __typename?: 'Subscription', roomMemberAdded: { __typename?: 'RoomMember', role: RoomRole, user: { __typename?: 'User', email: string } | null } };

export type RoomMemberDatesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomMemberDatesQuery = { __typename?: 'Query', room: { __typename?: 'Room', createdAt: string, members: { __typename?: 'RoomMembersConnection', edges: Array<{ __typename?: 'RoomMembersConnectionEdge', node: { __typename?: 'RoomMember', joinedAt: string | null, user: { __typename?: 'User', createdAt: string } | null } }> } } };

export type RoomEmbeddingQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomEmbeddingQuery = { __typename?: 'Query', room: { __typename?: 'Room', id: string, embedder: string | null, reembedding: { __typename?: 'ReembedProgress', targetEmbedder: string, done: number, total: number, progress: number } | null } };

export type DashboardQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DashboardQuery = { __typename?: 'Query', rooms: { __typename?: 'QueryRoomsConnection', edges: Array<{ __typename?: 'QueryRoomsConnectionEdge', node: { __typename?: 'Room', id: string, name: string, viewerRole: RoomRole | null, members: { __typename?: 'RoomMembersConnection', edges: Array<{ __typename?: 'RoomMembersConnectionEdge', node: { __typename?: 'RoomMember', status: MemberStatus, user: { __typename?: 'User', displayName: string } | null } }> }, documents: { __typename?: 'RoomDocumentsConnection', edges: Array<{ __typename?: 'RoomDocumentsConnectionEdge', node: { __typename?: 'Document', title: string, status: DocumentStatus, visibility: DocumentVisibility, pageCount: number | null, chunkCount: number } }> }, quizzes: { __typename?: 'RoomQuizzesConnection', edges: Array<{ __typename?: 'RoomQuizzesConnectionEdge', node: { __typename?: 'Quiz', title: string, status: QuizStatus } }> } } }> } };

export type SetDocumentVisibilityMutationVariables = Exact<{
  input: SetDocumentVisibilityInput;
}>;


export type SetDocumentVisibilityMutation = { __typename?: 'Mutation', setDocumentVisibility: { __typename?: 'Document', id: string, visibility: DocumentVisibility } };

export type RoomDocumentVisibilityQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomDocumentVisibilityQuery = { __typename?: 'Query', room: { __typename?: 'Room', documents: { __typename?: 'RoomDocumentsConnection', edges: Array<{ __typename?: 'RoomDocumentsConnectionEdge', node: { __typename?: 'Document', id: string, title: string, visibility: DocumentVisibility } }> } } };

export type ChunkNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ChunkNodeQuery = { __typename?: 'Query', node:
    | { __typename: 'Card' }
    | { __typename: 'Chunk', id: string, text: string }
    | { __typename: 'Conversation' }
    | { __typename: 'Deck' }
    | { __typename: 'Document' }
    | { __typename: 'Message' }
    | { __typename: 'Question' }
    | { __typename: 'Quiz' }
    | { __typename: 'QuizAttempt' }
    | { __typename: 'Room' }
    | { __typename: 'StudyGuide' }
    | { __typename: 'User' }
   | null };

export type UpdateRoomBudgetsMutationVariables = Exact<{
  input: UpdateRoomSettingsInput;
}>;


export type UpdateRoomBudgetsMutation = { __typename?: 'Mutation', updateRoomSettings: { __typename?: 'Room', id: string, settings: { __typename?: 'RoomSettings', llmTokensPerMemberPerDay: number | null, uploadsPerMemberPerDay: number | null, uploadBytesPerMemberPerDay: number | null, budgets: Array<{ __typename?: 'Budget', name: BudgetName, limit: number | null, fromEnvironment: boolean, period: string, over: string }> } | null } };

export type UsageCountsFieldsFragment = { __typename?: 'UsageCounts', llmTokens: number, uploadBytes: number, uploads: number };

export type RoomUsageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomUsageQuery = { __typename?: 'Query', room: { __typename?: 'Room', id: string, settings: { __typename?: 'RoomSettings', llmTokensPerMemberPerDay: number | null } | null, usage: { __typename?: 'RoomUsage', dayResetsAt: string, monthResetsAt: string, day: { __typename?: 'UsageCounts', llmTokens: number, uploadBytes: number, uploads: number }, month: { __typename?: 'UsageCounts', llmTokens: number, uploadBytes: number, uploads: number }, members: Array<{ __typename?: 'MemberUsage', user: { __typename?: 'User', id: string }, day: { __typename?: 'UsageCounts', llmTokens: number, uploadBytes: number, uploads: number }, month: { __typename?: 'UsageCounts', llmTokens: number, uploadBytes: number, uploads: number } }> } | null } };

export type AuditEntryFieldsFragment = { __typename?: 'AuditEntry', at: string, action: AuditAction, subjectId: string, subjectType: string, detail: unknown | null, address: string, actor: { __typename?: 'User', id: string } | null };

export type RoomAuditLogQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RoomAuditLogQuery = { __typename?: 'Query', room: { __typename?: 'Room', auditLog: { __typename?: 'RoomAuditLogConnection', edges: Array<{ __typename?: 'RoomAuditLogConnectionEdge', node: { __typename?: 'AuditEntry', at: string, action: AuditAction, subjectId: string, subjectType: string, detail: unknown | null, address: string, actor: { __typename?: 'User', id: string } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } };

export type MyAuditLogQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAuditLogQuery = { __typename?: 'Query', me: { __typename?: 'User', auditLog: { __typename?: 'UserAuditLogConnection', edges: Array<{ __typename?: 'UserAuditLogConnectionEdge', node: { __typename?: 'AuditEntry', at: string, action: AuditAction, subjectId: string, subjectType: string, detail: unknown | null, address: string, actor: { __typename?: 'User', id: string } | null } }> } } | null };

export type GenerateStudyGuideMutationVariables = Exact<{
  input: GenerateStudyGuideInput;
}>;


export type GenerateStudyGuideMutation = { __typename?: 'Mutation', generateStudyGuide: { __typename?: 'StudyGuide', id: string, status: StudyGuideStatus, title: string, private: boolean } };

export type StudyGuideQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StudyGuideQuery = { __typename?: 'Query', node:
    | { __typename: 'Card' }
    | { __typename: 'Chunk' }
    | { __typename: 'Conversation' }
    | { __typename: 'Deck' }
    | { __typename: 'Document' }
    | { __typename: 'Message' }
    | { __typename: 'Question' }
    | { __typename: 'Quiz' }
    | { __typename: 'QuizAttempt' }
    | { __typename: 'Room' }
    | { __typename: 'StudyGuide', id: string, title: string, status: StudyGuideStatus, error: string | null, private: boolean, engine: string | null, content: string, sections: Array<{ __typename?: 'StudyGuideSection', heading: string, pageStart: number, pageEnd: number, document: { __typename?: 'Document', id: string, title: string } | null, points: Array<{ __typename?: 'StudyGuidePoint', text: string, citations: Array<{ __typename?: 'Citation', index: number, quote: string, pageStart: number, pageEnd: number, documentTitle: string, chunk: { __typename?: 'Chunk', id: string, text: string, headingPath: Array<string> } | null, document: { __typename?: 'Document', id: string } | null }> }> }> }
    | { __typename: 'User' }
   | null };

export type RoomStudyGuidesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomStudyGuidesQuery = { __typename?: 'Query', room: { __typename?: 'Room', id: string, studyGuides: { __typename?: 'RoomStudyGuidesConnection', edges: Array<{ __typename?: 'RoomStudyGuidesConnectionEdge', node: { __typename?: 'StudyGuide', id: string, title: string, status: StudyGuideStatus, private: boolean } }> } } };

export type StudyGuideStreamSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StudyGuideStreamSubscription = { __typename?: 'Subscription', studyGuideStream: { __typename?: 'StudyGuideStreamEvent', studyGuideId: string, delta: string, content: string, done: boolean, reset: boolean, status: StudyGuideStatus, studyGuide: { __typename?: 'StudyGuide', id: string, status: StudyGuideStatus } | null } };

export const MessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"groundedness"}},{"kind":"Field","name":{"kind":"Name","value":"engine"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"headingPath"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<MessageFieldsFragment, unknown>;
export const CardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"front"}},{"kind":"Field","name":{"kind":"Name","value":"back"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<CardFieldsFragment, unknown>;
export const QuestionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<QuestionFieldsFragment, unknown>;
export const UsageCountsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsageCountsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UsageCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmTokens"}},{"kind":"Field","name":{"kind":"Name","value":"uploadBytes"}},{"kind":"Field","name":{"kind":"Name","value":"uploads"}}]}}]} as unknown as DocumentNode<UsageCountsFieldsFragment, unknown>;
export const AuditEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AuditEntryFieldsFragment, unknown>;
export const ExportMyDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportMyData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportMyData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"sections"}}]}}]}}]} as unknown as DocumentNode<ExportMyDataMutation, ExportMyDataMutationVariables>;
export const DeleteMyAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteMyAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteMyAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMyAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"transferredRoomIds"}},{"kind":"Field","name":{"kind":"Name","value":"deletedRoomIds"}}]}}]}}]} as unknown as DocumentNode<DeleteMyAccountMutation, DeleteMyAccountMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const StartConversationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartConversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartConversationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startConversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<StartConversationMutation, StartConversationMutationVariables>;
export const AskQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AskQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AskQuestionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"askQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<AskQuestionMutation, AskQuestionMutationVariables>;
export const DeleteConversationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteConversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteConversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteConversationMutation, DeleteConversationMutationVariables>;
export const ConversationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Conversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conversation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"groundedness"}},{"kind":"Field","name":{"kind":"Name","value":"engine"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"headingPath"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<ConversationQuery, ConversationQueryVariables>;
export const MessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Message"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"groundedness"}},{"kind":"Field","name":{"kind":"Name","value":"engine"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"headingPath"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<MessageQuery, MessageQueryVariables>;
export const MessageStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MessageStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"messageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"messageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"messageId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"reset"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"groundedness"}},{"kind":"Field","name":{"kind":"Name","value":"engine"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"headingPath"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<MessageStreamSubscription, MessageStreamSubscriptionVariables>;
export const UploadDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<UploadDocumentMutation, UploadDocumentMutationVariables>;
export const DocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Document"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"pageCount"}},{"kind":"Field","name":{"kind":"Name","value":"ocrPageCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageCountEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}},{"kind":"Field","name":{"kind":"Name","value":"chunkCount"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DocumentQuery, DocumentQueryVariables>;
export const DocumentChunksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DocumentChunks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chunks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabelStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabelEnd"}},{"kind":"Field","name":{"kind":"Name","value":"headingPath"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DocumentChunksQuery, DocumentChunksQueryVariables>;
export const RoomDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pageCount"}},{"kind":"Field","name":{"kind":"Name","value":"chunkCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomDocumentsQuery, RoomDocumentsQueryVariables>;
export const SearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Search"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"alpha"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"alpha"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alpha"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabelStart"}},{"kind":"Field","name":{"kind":"Name","value":"headingPath"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;
export const DeleteDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteDocumentMutation, DeleteDocumentMutationVariables>;
export const CancelDocumentIngestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelDocumentIngestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelDocumentIngestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<CancelDocumentIngestionMutation, CancelDocumentIngestionMutationVariables>;
export const DocumentProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DocumentProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"documentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"documentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"documentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<DocumentProgressSubscription, DocumentProgressSubscriptionVariables>;
export const ReplaceDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplaceDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"File"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replaceDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<ReplaceDocumentMutation, ReplaceDocumentMutationVariables>;
export const RetryDocumentIngestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryDocumentIngestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryDocumentIngestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RetryDocumentIngestionMutation, RetryDocumentIngestionMutationVariables>;
export const GenerateFlashcardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateFlashcards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateFlashcardsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateFlashcards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<GenerateFlashcardsMutation, GenerateFlashcardsMutationVariables>;
export const DeckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Deck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"cardCount"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"drafted"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"rounds"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionsByReason"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionsByRound"}},{"kind":"Field","name":{"kind":"Name","value":"engine"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CardFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"front"}},{"kind":"Field","name":{"kind":"Name","value":"back"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<DeckQuery, DeckQueryVariables>;
export const RoomDecksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomDecks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cardCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomDecksQuery, RoomDecksQueryVariables>;
export const DeckProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeckProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deckId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deckProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deckId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deckId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"drafted"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"round"}}]}}]}}]} as unknown as DocumentNode<DeckProgressSubscription, DeckProgressSubscriptionVariables>;
export const ReviewQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deckId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}},{"kind":"Argument","name":{"kind":"Name","value":"deckId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deckId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reps"}},{"kind":"Field","name":{"kind":"Name","value":"lapses"}},{"kind":"Field","name":{"kind":"Name","value":"stability"}},{"kind":"Field","name":{"kind":"Name","value":"difficulty"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledDays"}},{"kind":"Field","name":{"kind":"Name","value":"lastReview"}},{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"front"}},{"kind":"Field","name":{"kind":"Name","value":"back"}},{"kind":"Field","name":{"kind":"Name","value":"deck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewCardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reps"}},{"kind":"Field","name":{"kind":"Name","value":"lapses"}},{"kind":"Field","name":{"kind":"Name","value":"stability"}},{"kind":"Field","name":{"kind":"Name","value":"difficulty"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledDays"}},{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ReviewCardMutation, ReviewCardMutationVariables>;
export const ExportDeckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportDeck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deckId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportDeck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deckId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deckId"}}}]}]}}]} as unknown as DocumentNode<ExportDeckQuery, ExportDeckQueryVariables>;
export const UpdateRoomSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRoomSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRoomSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRoomSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newCardsPerDay"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateRoomSettingsMutation, UpdateRoomSettingsMutationVariables>;
export const RoomSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newCardsPerDay"}}]}}]}}]}}]} as unknown as DocumentNode<RoomSettingsQuery, RoomSettingsQueryVariables>;
export const StartLiveQuizDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartLiveQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startLiveQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}},{"kind":"Argument","name":{"kind":"Name","value":"questionSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"joinCode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<StartLiveQuizMutation, StartLiveQuizMutationVariables>;
export const JoinLiveQuizDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinLiveQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"joinCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinLiveQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"joinCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"joinCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"joinCode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<JoinLiveQuizMutation, JoinLiveQuizMutationVariables>;
export const NextLiveQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NextLiveQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nextLiveQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<NextLiveQuestionMutation, NextLiveQuestionMutationVariables>;
export const SubmitLiveAnswerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitLiveAnswer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitLiveAnswerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitLiveAnswer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}}]}}]} as unknown as DocumentNode<SubmitLiveAnswerMutation, SubmitLiveAnswerMutationVariables>;
export const LiveQuizDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"liveQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"joinCode"}},{"kind":"Field","name":{"kind":"Name","value":"questionIndex"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"question"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reveal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionId"}},{"kind":"Field","name":{"kind":"Name","value":"correctAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"optionCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"option"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answered"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answeredCount"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"lobby"}},{"kind":"Field","name":{"kind":"Name","value":"leaderboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}}]}}]}}]} as unknown as DocumentNode<LiveQuizSubscription, LiveQuizSubscriptionVariables>;
export const LiveQuizChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveQuizChoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rooms"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizzes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rooms"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"quizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizzes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveQuizChoicesQuery, LiveQuizChoicesQueryVariables>;
export const GenerateQuizDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateQuizInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<GenerateQuizMutation, GenerateQuizMutationVariables>;
export const QuizDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Quiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"drafted"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"rounds"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionsByReason"}},{"kind":"Field","name":{"kind":"Name","value":"engine"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<QuizQuery, QuizQueryVariables>;
export const StartQuizAttemptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartQuizAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startQuizAttempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]} as unknown as DocumentNode<StartQuizAttemptMutation, StartQuizAttemptMutationVariables>;
export const SubmitAnswerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitAnswer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitAnswerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitAnswer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correct"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"correctAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmitAnswerMutation, SubmitAnswerMutationVariables>;
export const FinishQuizAttemptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FinishQuizAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishQuizAttempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"attemptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correct"}}]}}]}}]}}]} as unknown as DocumentNode<FinishQuizAttemptMutation, FinishQuizAttemptMutationVariables>;
export const QuizProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"QuizProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quizProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"drafted"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"round"}}]}}]}}]} as unknown as DocumentNode<QuizProgressSubscription, QuizProgressSubscriptionVariables>;
export const QuestionNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuestionNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuestionNodeQuery, QuestionNodeQueryVariables>;
export const QuizProgressQuestionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"QuizProgressQuestions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quizProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuizProgressQuestionsSubscription, QuizProgressQuestionsSubscriptionVariables>;
export const UpdateQuizSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateQuizSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateQuizSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateQuizSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}}]}}]}}]} as unknown as DocumentNode<UpdateQuizSettingsMutation, UpdateQuizSettingsMutationVariables>;
export const EvaluateRetrievalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluateRetrieval"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluateRetrievalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluateRetrieval"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ndcgAt10"}},{"kind":"Field","name":{"kind":"Name","value":"recallAt10"}},{"kind":"Field","name":{"kind":"Name","value":"recallAt100"}},{"kind":"Field","name":{"kind":"Name","value":"mrrAt10"}},{"kind":"Field","name":{"kind":"Name","value":"embedder"}},{"kind":"Field","name":{"kind":"Name","value":"reranker"}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"query"}},{"kind":"Field","name":{"kind":"Name","value":"ndcgAt10"}},{"kind":"Field","name":{"kind":"Name","value":"recallAt10"}},{"kind":"Field","name":{"kind":"Name","value":"recallAt100"}},{"kind":"Field","name":{"kind":"Name","value":"mrrAt10"}},{"kind":"Field","name":{"kind":"Name","value":"firstRelevantRank"}},{"kind":"Field","name":{"kind":"Name","value":"relevantChunks"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluateRetrievalQuery, EvaluateRetrievalQueryVariables>;
export const CreateRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRoomInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]} as unknown as DocumentNode<CreateRoomMutation, CreateRoomMutationVariables>;
export const AddRoomMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddRoomMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddRoomMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addRoomMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<AddRoomMemberMutation, AddRoomMemberMutationVariables>;
export const AcceptRoomInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptRoomInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptRoomInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptRoomInvitationMutation, AcceptRoomInvitationMutationVariables>;
export const DeclineRoomInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineRoomInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineRoomInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}]}]}}]} as unknown as DocumentNode<DeclineRoomInvitationMutation, DeclineRoomInvitationMutationVariables>;
export const LeaveRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}]}]}}]} as unknown as DocumentNode<LeaveRoomMutation, LeaveRoomMutationVariables>;
export const RemoveRoomMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveRoomMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveRoomMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeRoomMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RemoveRoomMemberMutation, RemoveRoomMemberMutationVariables>;
export const CancelRoomInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelRoomInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelRoomInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRoomInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CancelRoomInvitationMutation, CancelRoomInvitationMutationVariables>;
export const MyInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"invitedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyInvitationsQuery, MyInvitationsQueryVariables>;
export const InvitationRoomDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationRoomDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitationRoomDocumentsQuery, InvitationRoomDocumentsQueryVariables>;
export const RoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Room"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomQuery, RoomQueryVariables>;
export const RoomsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Rooms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RoomsQuery, RoomsQueryVariables>;
export const RoomsWithMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomsWithMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomsWithMembersQuery, RoomsWithMembersQueryVariables>;
export const NodeRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<NodeRoomQuery, NodeRoomQueryVariables>;
export const RoomMemberAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RoomMemberAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roomMemberAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<RoomMemberAddedSubscription, RoomMemberAddedSubscriptionVariables>;
export const RoomMemberDatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomMemberDates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomMemberDatesQuery, RoomMemberDatesQueryVariables>;
export const RoomEmbeddingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomEmbedding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"embedder"}},{"kind":"Field","name":{"kind":"Name","value":"reembedding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetEmbedder"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]}}]} as unknown as DocumentNode<RoomEmbeddingQuery, RoomEmbeddingQueryVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"pageCount"}},{"kind":"Field","name":{"kind":"Name","value":"chunkCount"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"quizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const SetDocumentVisibilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDocumentVisibility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDocumentVisibilityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDocumentVisibility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]} as unknown as DocumentNode<SetDocumentVisibilityMutation, SetDocumentVisibilityMutationVariables>;
export const RoomDocumentVisibilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomDocumentVisibility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomDocumentVisibilityQuery, RoomDocumentVisibilityQueryVariables>;
export const ChunkNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChunkNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Chunk"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<ChunkNodeQuery, ChunkNodeQueryVariables>;
export const UpdateRoomBudgetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRoomBudgets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRoomSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRoomSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmTokensPerMemberPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"uploadsPerMemberPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"uploadBytesPerMemberPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"budgets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"fromEnvironment"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"over"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateRoomBudgetsMutation, UpdateRoomBudgetsMutationVariables>;
export const RoomUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmTokensPerMemberPerDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayResetsAt"}},{"kind":"Field","name":{"kind":"Name","value":"monthResetsAt"}},{"kind":"Field","name":{"kind":"Name","value":"day"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UsageCountsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"month"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UsageCountsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"day"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UsageCountsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"month"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UsageCountsFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsageCountsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UsageCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmTokens"}},{"kind":"Field","name":{"kind":"Name","value":"uploadBytes"}},{"kind":"Field","name":{"kind":"Name","value":"uploads"}}]}}]} as unknown as DocumentNode<RoomUsageQuery, RoomUsageQueryVariables>;
export const RoomAuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEntryFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RoomAuditLogQuery, RoomAuditLogQueryVariables>;
export const MyAuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAuditLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEntryFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MyAuditLogQuery, MyAuditLogQueryVariables>;
export const GenerateStudyGuideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateStudyGuide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateStudyGuideInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateStudyGuide"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"private"}}]}}]}}]} as unknown as DocumentNode<GenerateStudyGuideMutation, GenerateStudyGuideMutationVariables>;
export const StudyGuideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudyGuide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StudyGuide"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"private"}},{"kind":"Field","name":{"kind":"Name","value":"engine"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"heading"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"pageStart"}},{"kind":"Field","name":{"kind":"Name","value":"pageEnd"}},{"kind":"Field","name":{"kind":"Name","value":"documentTitle"}},{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"headingPath"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StudyGuideQuery, StudyGuideQueryVariables>;
export const RoomStudyGuidesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomStudyGuides"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studyGuides"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"private"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomStudyGuidesQuery, RoomStudyGuidesQueryVariables>;
export const StudyGuideStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StudyGuideStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studyGuideStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studyGuideId"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"reset"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"studyGuide"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<StudyGuideStreamSubscription, StudyGuideStreamSubscriptionVariables>;