import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FinishQuizAttemptDocument,
  GenerateQuizDocument,
  JoinLiveQuizDocument,
  NextLiveQuestionDocument,
  QuestionNodeDocument,
  QuizProgressQuestionsDocument,
  type QuizProgressQuestionsSubscription,
  type RevealAnswers,
  RoomDecksDocument,
  StartLiveQuizDocument,
  StartQuizAttemptDocument,
  SubmitAnswerDocument,
  UpdateQuizSettingsDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
  wsClient,
} from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { LiveWatcher } from '../helpers/live.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let viewer: Actor;
let player: Actor;
let roomId: string;
let quizId: string;

const PAGES = [
  [
    'Pedro Álvares Cabral claimed Brazil for Portugal in 1500 on his way to India.',
    'The Treaty of Tordesillas divided newly discovered lands between Portugal and Castile in 1494.',
  ],
  [
    'Amerigo Vespucci argued that the lands across the Atlantic formed a separate continent.',
    'Vasco da Gama reached Calicut in India in 1498 after sailing around Africa with four ships.',
  ],
  [
    'Ferdinand Magellan led the first expedition to circumnavigate the globe, which departed from Seville in 1519.',
    'Christopher Columbus crossed the Atlantic Ocean in 1492 with the ships Niña, Pinta and Santa María.',
  ],
];

async function generate(
  questionCount: number,
  settings: { maxAttempts?: number | null; revealAnswers?: RevealAnswers } = {},
) {
  const { generateQuiz } = await call(
    server.url,
    GenerateQuizDocument,
    {
      input: {
        roomId,
        questionCount,
        kinds: ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'],
        ...settings,
      },
    },
    owner.token,
  );
  expect((await followQuiz(server.wsUrl, owner.token, generateQuiz.id)).at(-1)!.status).toBe('READY');
  return generateQuiz.id;
}

const questionsOf = async (actor: Actor, id = quizId) =>
  (await loadQuiz(server.url, actor.token, id)).questions.edges.map((edge) => edge.node);

beforeAll(async () => {
  server = await startTestServer();
  [owner, viewer, player] = await Promise.all(
    ['Owner', 'Viewer', 'Player'].map((name) => createUser(server.url, name)),
  );
  roomId = (await createRoom(server.url, owner, 'Voyages')).id;
  await addMember(server.url, owner, roomId, viewer, 'VIEWER');
  await addMember(server.url, owner, roomId, player, 'VIEWER');
  const upload = await uploadFile(server.url, owner.token, roomId, await makePdf(PAGES), 'voyages.pdf');
  expect((await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id)).status).toBe(
    'READY',
  );
  quizId = await generate(6);
});
afterAll(() => server.close());

describe('finding 1: Question.evidence follows the answer rule', () => {
  it('gives a viewer who has not answered no evidence on the quiz, the question node or quizProgress', async () => {
    const owners = await questionsOf(owner);
    expect(owners.length).toBeGreaterThanOrEqual(3);
    expect(owners.every((question) => question.evidence?.quote)).toBe(true);

    const viewers = await questionsOf(viewer);
    expect(viewers.map((question) => [question.answer, question.evidence])).toEqual(
      viewers.map(() => [null, null]),
    );

    const node = await call(server.url, QuestionNodeDocument, { id: owners[0]!.id }, viewer.token);
    expect(node.node).toMatchObject({ __typename: 'Question', answer: null, evidence: null });

    const client = wsClient(server.wsUrl, viewer.token);
    try {
      const first = await new Promise<QuizProgressQuestionsSubscription>((resolve, reject) => {
        const stop = client.subscribe(
          { query: print(QuizProgressQuestionsDocument), variables: { quizId } },
          {
            next: (value) => {
              stop();
              if (value.errors) reject(new Error(JSON.stringify(value.errors)));
              else resolve(value.data as QuizProgressQuestionsSubscription);
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      const streamed = first.quizProgress.quiz!.questions.edges.map((edge) => edge.node);
      expect(streamed).toHaveLength(owners.length);
      expect(streamed.every((question) => question.evidence === null && question.answer === null)).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it('reveals a question’s evidence to a viewer once they have answered it, and only that one', async () => {
    const owners = await questionsOf(owner);
    const { startQuizAttempt } = await call(server.url, StartQuizAttemptDocument, { quizId }, viewer.token);
    const { submitAnswer } = await call(
      server.url,
      SubmitAnswerDocument,
      { input: { attemptId: startQuizAttempt.id, questionId: owners[0]!.id, answer: 'not the answer 42' } },
      viewer.token,
    );
    expect(submitAnswer.correct).toBe(false);
    expect(submitAnswer.evidence?.quote).toBe(owners[0]!.evidence!.quote);

    const viewers = await questionsOf(viewer);
    expect(viewers[0]!.evidence?.quote).toBe(owners[0]!.evidence!.quote);
    expect(viewers.slice(1).every((question) => question.evidence === null)).toBe(true);
  });
});

describe('finding 2: a live-open question is neither graded nor revealed by a solo attempt', () => {
  let liveQuizId: string;
  let questions: Awaited<ReturnType<typeof questionsOf>>;
  let sessionId: string;
  let screen: LiveWatcher;

  beforeAll(async () => {
    liveQuizId = await generate(3);
    questions = await questionsOf(owner, liveQuizId);
    // The player practised the first question before the session, so its answer is theirs to see...
    const practice = await call(server.url, StartQuizAttemptDocument, { quizId: liveQuizId }, player.token);
    await call(
      server.url,
      SubmitAnswerDocument,
      { input: { attemptId: practice.startQuizAttempt.id, questionId: questions[0]!.id, answer: 'a guess' } },
      player.token,
    );
    expect((await questionsOf(player, liveQuizId))[0]!.answer).toBe(questions[0]!.answer);

    const { startLiveQuiz: session } = await call(
      server.url,
      StartLiveQuizDocument,
      { quizId: liveQuizId, questionSeconds: 60 },
      owner.token,
    );
    sessionId = session.id;
    await call(server.url, JoinLiveQuizDocument, { joinCode: session.joinCode }, player.token);
    screen = new LiveWatcher(server.wsUrl, player.token, session.id);
    await call(server.url, NextLiveQuestionDocument, { sessionId }, owner.token);
    const open = await screen.waitFor((event) => event.state === 'QUESTION');
    expect(open.question!.id).toBe(questions[0]!.id);
  });
  afterAll(() => screen.close());

  it('refuses to grade the open question in a solo attempt, saying it is live; other questions grade', async () => {
    const { startQuizAttempt } = await call(
      server.url,
      StartQuizAttemptDocument,
      { quizId: liveQuizId },
      player.token,
    );
    const solo = await request(
      server.url,
      SubmitAnswerDocument,
      { input: { attemptId: startQuizAttempt.id, questionId: questions[0]!.id, answer: 'x' } },
      player.token,
    );
    expect(errorCode(solo)).toBe('BAD_USER_INPUT');
    expect(solo.errors?.[0]?.message).toMatch(/live/i);
    expect(solo.data?.submitAnswer ?? null).toBeNull();
    const other = await call(
      server.url,
      SubmitAnswerDocument,
      { input: { attemptId: startQuizAttempt.id, questionId: questions[1]!.id, answer: 'x' } },
      player.token,
    );
    expect(other.submitAnswer.correct).toBe(false);
  });

  it('hides the open question’s answer, explanation and evidence even from a player who practised it', async () => {
    const during = (await questionsOf(player, liveQuizId))[0]!;
    expect([during.answer, during.explanation, during.evidence]).toEqual([null, null, null]);
    const node = await call(server.url, QuestionNodeDocument, { id: questions[0]!.id }, player.token);
    expect(node.node).toMatchObject({ answer: null, explanation: null, evidence: null });
    // Editors keep seeing it: they run the session.
    expect((await questionsOf(owner, liveQuizId))[0]!.answer).toBe(questions[0]!.answer);
  });

  it('grades and reveals the question in a solo attempt again once the host has revealed it', async () => {
    await call(server.url, NextLiveQuestionDocument, { sessionId }, owner.token);
    await screen.waitFor((event) => event.state === 'REVEAL');
    const { startQuizAttempt } = await call(
      server.url,
      StartQuizAttemptDocument,
      { quizId: liveQuizId },
      player.token,
    );
    const after = await call(
      server.url,
      SubmitAnswerDocument,
      {
        input: {
          attemptId: startQuizAttempt.id,
          questionId: questions[0]!.id,
          answer: questions[0]!.answer!,
        },
      },
      player.token,
    );
    expect(after.submitAnswer).toMatchObject({ correct: true, correctAnswer: questions[0]!.answer });
    expect((await questionsOf(player, liveQuizId))[0]!.evidence?.quote).toBe(questions[0]!.evidence!.quote);
  });
});

describe('attempts bounded the way a teacher sets them', () => {
  const start = (actor: Actor, id: string) =>
    request(server.url, StartQuizAttemptDocument, { quizId: id }, actor.token);
  const answer = (actor: Actor, attemptId: string, questionId: string, text: string) =>
    call(server.url, SubmitAnswerDocument, { input: { attemptId, questionId, answer: text } }, actor.token);

  it('maxAttempts: a viewer gets exactly that many attempts, even when starting 10 at once', async () => {
    const id = await generate(2, { maxAttempts: 2 });
    const results = await Promise.all(Array.from({ length: 10 }, () => start(viewer, id)));
    const started = results.filter((result) => result.data?.startQuizAttempt);
    expect(started.map((result) => result.data!.startQuizAttempt.number).sort()).toEqual([1, 2]);
    const refused = results.filter((result) => errorCode(result) === 'BAD_USER_INPUT');
    expect(refused).toHaveLength(8);
    expect(refused[0]!.errors![0]!.message).toMatch(/all 2 attempts/);
    // The owner is not bound: they see the answers anyway.
    for (let i = 0; i < 3; i++) expect((await start(owner, id)).data?.startQuizAttempt.number).toBe(i + 1);
  });

  it('updateQuizSettings: editors change the limit (null is unlimited); viewers may not', async () => {
    const id = await generate(2, { maxAttempts: 1 });
    expect((await start(viewer, id)).data?.startQuizAttempt.number).toBe(1);
    expect(errorCode(await start(viewer, id))).toBe('BAD_USER_INPUT');
    const denied = await request(
      server.url,
      UpdateQuizSettingsDocument,
      { input: { quizId: id, maxAttempts: null } },
      viewer.token,
    );
    expect(errorCode(denied)).toBe('FORBIDDEN');
    const { updateQuizSettings } = await call(
      server.url,
      UpdateQuizSettingsDocument,
      { input: { quizId: id, maxAttempts: null } },
      owner.token,
    );
    expect(updateQuizSettings).toMatchObject({ maxAttempts: null, revealAnswers: 'AFTER_EACH' });
    expect((await start(viewer, id)).data?.startQuizAttempt.number).toBe(2);
    const invalid = await request(
      server.url,
      UpdateQuizSettingsDocument,
      { input: { quizId: id, maxAttempts: 0 } },
      owner.token,
    );
    expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
  });

  it('AFTER_FINISH: grading says right or wrong; the answer key (and missed-question cards) only after finishing', async () => {
    const id = await generate(3, { revealAnswers: 'AFTER_FINISH' });
    const student = await createUser(server.url, 'Student');
    await addMember(server.url, owner, roomId, student, 'VIEWER');
    const missedCards = async () =>
      (await call(server.url, RoomDecksDocument, { id: roomId }, student.token)).room.decks.edges.find(
        (edge) => edge.node.kind === 'MISSED_QUESTIONS',
      )?.node.cardCount ?? 0;
    const key = await questionsOf(owner, id);
    const attempt = (await start(student, id)).data!.startQuizAttempt;
    const graded = await answer(student, attempt.id, key[0]!.id, key[0]!.answer!);
    expect(graded.submitAnswer).toMatchObject({
      correct: true,
      correctAnswer: null,
      explanation: null,
      evidence: null,
    });
    expect((await answer(student, attempt.id, key[1]!.id, 'surely wrong 99')).submitAnswer.correct).toBe(
      false,
    );
    expect((await questionsOf(student, id))[0]).toMatchObject({ answer: null, evidence: null });
    // A missed question's card would show its answer: none yet.
    expect(await missedCards()).toBe(0);

    await call(server.url, FinishQuizAttemptDocument, { attemptId: attempt.id }, student.token);
    const after = await questionsOf(student, id);
    expect(after[0]).toMatchObject({ answer: key[0]!.answer, evidence: { quote: key[0]!.evidence!.quote } });
    expect(after[1]!.answer).toBe(key[1]!.answer);
    // Only the questions that attempt answered.
    expect(after.slice(2).every((question) => question.answer === null)).toBe(true);
    expect(await missedCards()).toBe(1);
  });

  it('NEVER: a viewer learns only right or wrong and the score, attempt after attempt', async () => {
    const id = await generate(2, { revealAnswers: 'NEVER' });
    const key = await questionsOf(owner, id);
    const attempt = (await start(viewer, id)).data!.startQuizAttempt;
    const graded = await answer(viewer, attempt.id, key[0]!.id, 'surely wrong 99');
    expect(graded.submitAnswer).toMatchObject({ correct: false, correctAnswer: null, evidence: null });
    const { finishQuizAttempt } = await call(
      server.url,
      FinishQuizAttemptDocument,
      { attemptId: attempt.id },
      viewer.token,
    );
    expect(finishQuizAttempt.score).toBe(0);
    const after = await questionsOf(viewer, id);
    expect(after.map((question) => [question.answer, question.explanation, question.evidence])).toEqual(
      after.map(() => [null, null, null]),
    );
    expect((await questionsOf(owner, id))[0]!.answer).toBe(key[0]!.answer);
  });
});
