import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GenerateQuizDocument,
  JoinLiveQuizDocument,
  NextLiveQuestionDocument,
  StartLiveQuizDocument,
  SubmitLiveAnswerDocument,
} from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, errorCode, request } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { LiveWatcher } from '../helpers/live.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let host: Actor;
let ana: Actor;
let ben: Actor;
let quizId: string;

const PAGES = [
  ['Marie Curie won the Nobel Prize in Physics in 1903 together with Pierre Curie and Henri Becquerel.'],
  ['Marie Curie won a second Nobel Prize, in Chemistry, in 1911 for the discovery of polonium and radium.'],
  ['Dmitri Mendeleev published the first widely recognised periodic table of the elements in 1869.'],
  ['Antoine Lavoisier named oxygen and hydrogen and helped reform chemical nomenclature in 1787.'],
];

beforeAll(async () => {
  server = await startTestServer();
  [host, ana, ben] = await Promise.all(['Host', 'Ana', 'Ben'].map((name) => createUser(server.url, name)));
  const roomId = (await createRoom(server.url, host, 'Chemistry')).id;
  const upload = await uploadFile(server.url, host.token, roomId, await makePdf(PAGES), 'chemistry.pdf');
  await waitForDocument(server.url, host.token, upload.body.data!.uploadDocument.id);
  const { generateQuiz } = await call(
    server.url,
    GenerateQuizDocument,
    { input: { roomId, questionCount: 3, kinds: ['MULTIPLE_CHOICE'] } },
    host.token,
  );
  quizId = generateQuiz.id;
  expect((await followQuiz(server.wsUrl, host.token, quizId)).at(-1)!.status).toBe('READY');
});
afterAll(() => server.close());

describe('a live quiz session', () => {
  it('runs lobby → question → reveal → leaderboard → finished for a host and two players', async () => {
    const questions = (await loadQuiz(server.url, host.token, quizId)).questions.edges.map(
      (edge) => edge.node,
    );
    const { startLiveQuiz: session } = await call(
      server.url,
      StartLiveQuizDocument,
      { quizId, questionSeconds: 30 },
      host.token,
    );
    expect(session.state).toBe('LOBBY');
    expect(session.joinCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(session.joinCode).not.toMatch(/[01OILSZ25]/);

    const hostScreen = new LiveWatcher(server.wsUrl, host.token, session.id);
    // Players type the code loosely; non-members of the room may join.
    await call(server.url, JoinLiveQuizDocument, { joinCode: session.joinCode.toLowerCase() }, ana.token);
    await call(
      server.url,
      JoinLiveQuizDocument,
      { joinCode: `${session.joinCode.slice(0, 3)}-${session.joinCode.slice(3)}` },
      ben.token,
    );
    const anaScreen = new LiveWatcher(server.wsUrl, ana.token, session.id);
    const benScreen = new LiveWatcher(server.wsUrl, ben.token, session.id);
    const lobby = await hostScreen.waitFor((event) => event.participantCount === 2);
    expect(lobby.lobby.sort()).toEqual(['Ana', 'Ben']);
    await anaScreen.waitFor((event) => event.state === 'LOBBY');

    await call(server.url, NextLiveQuestionDocument, { sessionId: session.id }, host.token);
    const open = await anaScreen.waitFor((event) => event.state === 'QUESTION');
    expect(open.question).toMatchObject({ id: questions[0]!.id, prompt: questions[0]!.prompt });
    expect(JSON.stringify(open)).not.toContain('"answer"');
    expect(open.deadline).toBeTruthy();

    const correct = questions[0]!.answer!;
    const wrong = questions[0]!.options.find((option) => option !== correct)!;
    await call(
      server.url,
      SubmitLiveAnswerDocument,
      { input: { sessionId: session.id, questionId: open.question!.id, answer: correct } },
      ana.token,
    );
    await call(
      server.url,
      SubmitLiveAnswerDocument,
      { input: { sessionId: session.id, questionId: open.question!.id, answer: wrong } },
      ben.token,
    );
    const again = await request(
      server.url,
      SubmitLiveAnswerDocument,
      { input: { sessionId: session.id, questionId: open.question!.id, answer: correct } },
      ben.token,
    );
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await request(server.url, NextLiveQuestionDocument, { sessionId: session.id }, ana.token)),
    ).toBe('FORBIDDEN');

    await call(server.url, NextLiveQuestionDocument, { sessionId: session.id }, host.token);
    const reveal = await benScreen.waitFor((event) => event.state === 'REVEAL');
    expect(reveal.reveal!.correctAnswer).toBe(correct);
    expect(reveal.reveal!.answered).toBe(2);
    expect(reveal.reveal!.optionCounts.find((c) => c.option === correct)!.count).toBe(1);
    expect(reveal.reveal!.optionCounts.find((c) => c.option === wrong)!.count).toBe(1);
    expect(reveal.leaderboard[0]).toMatchObject({ displayName: 'Ana', rank: 1 });
    expect(reveal.leaderboard[0]!.score).toBeGreaterThan(500);
    expect(reveal.me).toMatchObject({ displayName: 'Ben', score: 0, rank: 2 });

    for (let i = 1; i < questions.length; i++) {
      await call(server.url, NextLiveQuestionDocument, { sessionId: session.id }, host.token);
      await call(server.url, NextLiveQuestionDocument, { sessionId: session.id }, host.token);
    }
    await call(server.url, NextLiveQuestionDocument, { sessionId: session.id }, host.token);
    await Promise.all([hostScreen.done, anaScreen.done, benScreen.done]);
    for (const screen of [hostScreen, anaScreen, benScreen]) {
      expect(screen.last!.state).toBe('FINISHED');
      const seqs = screen.events.map((event) => event.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    expect(anaScreen.last!.me).toMatchObject({ rank: 1 });
    await Promise.all([hostScreen.close(), anaScreen.close(), benScreen.close()]);
  });

  it('refuses late answers with "time is up", and unknown codes', async () => {
    const { startLiveQuiz: session } = await call(
      server.url,
      StartLiveQuizDocument,
      { quizId, questionSeconds: 5 },
      host.token,
    );
    await call(server.url, JoinLiveQuizDocument, { joinCode: session.joinCode }, ana.token);
    const screen = new LiveWatcher(server.wsUrl, ana.token, session.id);
    await call(server.url, NextLiveQuestionDocument, { sessionId: session.id }, host.token);
    const open = await screen.waitFor((event) => event.state === 'QUESTION');
    await new Promise((resolve) => setTimeout(resolve, Date.parse(open.deadline!) - Date.now() + 200));
    const late = await request(
      server.url,
      SubmitLiveAnswerDocument,
      { input: { sessionId: session.id, questionId: open.question!.id, answer: open.question!.options[0]! } },
      ana.token,
    );
    expect(errorCode(late)).toBe('BAD_USER_INPUT');
    expect(late.errors?.[0]?.message).toMatch(/time is up/i);
    await screen.close();
    expect(
      errorCode(await request(server.url, JoinLiveQuizDocument, { joinCode: 'QQQQQQ' }, ben.token)),
    ).toBe('NOT_FOUND');
    // A stranger who did not join cannot watch.
    const stranger = new LiveWatcher(server.wsUrl, ben.token, session.id);
    await expect(stranger.done).rejects.toThrow(/NOT_FOUND/);
    await stranger.close();
  }, 30_000);

  it('only editors and owners start a live quiz', async () => {
    expect(errorCode(await request(server.url, StartLiveQuizDocument, { quizId }, ana.token))).toBe(
      'NOT_FOUND',
    );
  });
});
