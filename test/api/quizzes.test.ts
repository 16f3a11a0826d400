import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FinishQuizAttemptDocument,
  GenerateQuizDocument,
  StartQuizAttemptDocument,
  SubmitAnswerDocument,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
} from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;
let viewer: Actor;
let outsider: Actor;
let roomId: string;
let quizId: string;

const normalise = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

const PAGES = [
  [
    'The Portuguese navigator Bartolomeu Dias rounded the Cape of Good Hope in 1488 during a voyage for King John II.',
    'Vasco da Gama reached Calicut in India in 1498 after sailing around Africa with four ships.',
  ],
  [
    'Ferdinand Magellan led the first expedition to circumnavigate the globe, which departed from Seville in 1519.',
    'Juan Sebastián Elcano completed the circumnavigation in 1522 with only eighteen surviving sailors.',
  ],
  [
    'Christopher Columbus crossed the Atlantic Ocean in 1492 with the ships Niña, Pinta and Santa María.',
    'Amerigo Vespucci argued that the lands across the Atlantic formed a separate continent.',
  ],
  [
    'Pedro Álvares Cabral claimed Brazil for Portugal in 1500 on his way to India.',
    'The Treaty of Tordesillas divided newly discovered lands between Portugal and Castile in 1494.',
  ],
];

beforeAll(async () => {
  server = await startTestServer();
  [owner, viewer, outsider] = await Promise.all(
    ['Owner', 'Viewer', 'Outsider'].map((n) => createUser(server.url, n)),
  );
  roomId = (await createRoom(server.url, owner, 'History')).id;
  await addMember(server.url, owner, roomId, viewer, 'VIEWER');
  const upload = await uploadFile(server.url, owner.token, roomId, await makePdf(PAGES), 'voyages.pdf');
  expect((await waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id)).status).toBe(
    'READY',
  );
});
afterAll(() => server.close());

describe('quiz generation', () => {
  it('generates a verified quiz with live progress; every evidence quote is in its chunk', async () => {
    const { generateQuiz } = await call(
      server.url,
      GenerateQuizDocument,
      { input: { roomId, questionCount: 6, kinds: ['MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'] } },
      owner.token,
    );
    expect(generateQuiz.status).toBe('GENERATING');
    quizId = generateQuiz.id;
    const events = await followQuiz(server.wsUrl, viewer.token, quizId);
    expect(events.at(-1)!.status).toBe('READY');

    const quiz = await loadQuiz(server.url, owner.token, quizId);
    const questions = quiz.questions.edges.map((edge) => edge.node);
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(quiz.stats).toMatchObject({ requested: 6, verified: questions.length, engine: 'offline-terms' });
    for (const question of questions) {
      expect(normalise(question.evidence!.chunk!.text)).toContain(normalise(question.evidence!.quote));
      expect(question.answer).toBeTruthy();
      if (question.kind === 'MULTIPLE_CHOICE') {
        expect(question.options).toHaveLength(4);
        expect(question.options).toContain(question.answer);
      }
      if (question.kind === 'TRUE_FALSE') expect(question.options).toEqual(['True', 'False']);
    }
    expect(new Set(questions.map((q) => q.kind)).size).toBeGreaterThan(1);
  });

  it('only editors and owners may generate; outsiders do not see the quiz', async () => {
    const input = { input: { roomId, questionCount: 2 } };
    expect(errorCode(await request(server.url, GenerateQuizDocument, input, viewer.token))).toBe('FORBIDDEN');
    expect(errorCode(await request(server.url, GenerateQuizDocument, input, outsider.token))).toBe(
      'NOT_FOUND',
    );
    await expect(loadQuiz(server.url, outsider.token, quizId)).rejects.toThrow(/not visible/);
  });
});

describe('attempts', () => {
  it('hides answers from a viewer until answered, grades on the server, and scores the attempt', async () => {
    const hidden = await loadQuiz(server.url, viewer.token, quizId);
    const questions = hidden.questions.edges.map((edge) => edge.node);
    expect(questions.every((q) => q.answer === null && q.explanation === null)).toBe(true);

    const answers = (await loadQuiz(server.url, owner.token, quizId)).questions.edges.map(
      (edge) => edge.node,
    );
    const { startQuizAttempt } = await call(server.url, StartQuizAttemptDocument, { quizId }, viewer.token);
    const [first, second] = answers;
    const right = await call(
      server.url,
      SubmitAnswerDocument,
      {
        input: {
          attemptId: startQuizAttempt.id,
          questionId: first!.id,
          answer: first!.answer!.toUpperCase(),
        },
      },
      viewer.token,
    );
    expect(right.submitAnswer).toMatchObject({ correct: true, correctAnswer: first!.answer });
    expect(right.submitAnswer.evidence!.quote).toBe(first!.evidence!.quote);
    const wrong = await call(
      server.url,
      SubmitAnswerDocument,
      {
        input: {
          attemptId: startQuizAttempt.id,
          questionId: second!.id,
          answer: 'definitely not this 12345',
        },
      },
      viewer.token,
    );
    expect(wrong.submitAnswer.correct).toBe(false);

    const revealed = (await loadQuiz(server.url, viewer.token, quizId)).questions.edges.map(
      (edge) => edge.node,
    );
    expect(revealed.find((q) => q.id === first!.id)?.answer).toBe(first!.answer);
    expect(revealed.filter((q) => q.answer !== null)).toHaveLength(2);

    const { finishQuizAttempt } = await call(
      server.url,
      FinishQuizAttemptDocument,
      { attemptId: startQuizAttempt.id },
      viewer.token,
    );
    expect(finishQuizAttempt.score).toBeCloseTo(1 / answers.length);
    expect(finishQuizAttempt.finishedAt).toBeTruthy();

    const late = await request(
      server.url,
      SubmitAnswerDocument,
      { input: { attemptId: startQuizAttempt.id, questionId: answers[2]!.id, answer: 'x' } },
      viewer.token,
    );
    expect(errorCode(late)).toBe('BAD_USER_INPUT');
    expect((await loadQuiz(server.url, viewer.token, quizId)).attempts.edges[0]?.node.score).toBeCloseTo(
      1 / answers.length,
    );
  });

  it('records exactly one of 50 concurrent submissions of the same question, never a 500', async () => {
    const questions = (await loadQuiz(server.url, owner.token, quizId)).questions.edges.map(
      (edge) => edge.node,
    );
    const { startQuizAttempt } = await call(server.url, StartQuizAttemptDocument, { quizId }, viewer.token);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(
          server.url,
          SubmitAnswerDocument,
          {
            input: {
              attemptId: startQuizAttempt.id,
              questionId: questions[0]!.id,
              answer: questions[0]!.answer!,
            },
          },
          viewer.token,
        ),
      ),
    );
    expect(results.filter((result) => result.data?.submitAnswer).length).toBe(1);
    expect(results.filter((result) => errorCode(result) === 'BAD_USER_INPUT').length).toBe(49);
    const { finishQuizAttempt } = await call(
      server.url,
      FinishQuizAttemptDocument,
      { attemptId: startQuizAttempt.id },
      viewer.token,
    );
    expect(finishQuizAttempt.answers).toHaveLength(1);
  });

  it('keeps attempts private', async () => {
    const { startQuizAttempt } = await call(server.url, StartQuizAttemptDocument, { quizId }, viewer.token);
    expect(
      errorCode(
        await request(server.url, FinishQuizAttemptDocument, { attemptId: startQuizAttempt.id }, owner.token),
      ),
    ).toBe('NOT_FOUND');
  });
});
