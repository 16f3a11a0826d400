import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DocumentProgressDocument,
  GenerateQuizDocument,
  JoinLiveQuizDocument,
  NextLiveQuestionDocument,
  StartLiveQuizDocument,
  SubmitLiveAnswerDocument,
} from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, wsClient } from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { LiveWatcher } from '../helpers/live.ts';
import { type ApiProcess, startApiProcess } from '../helpers/process.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { redisAvailable, startRedis } from '../helpers/redis.ts';

const available = redisAvailable();
let redis: Awaited<ReturnType<typeof startRedis>>;
let a: ApiProcess;
let b: ApiProcess;
let host: Actor;
let roomId: string;

const PAGES = [
  ['The Amazon River discharges more water than any other river, about 209,000 cubic metres per second.'],
  ['The Nile flows north through eleven countries and empties into the Mediterranean Sea.'],
  [
    'Lake Baikal in Siberia holds roughly twenty percent of the unfrozen fresh water on the surface of the Earth.',
  ],
];

describe.runIf(available)('two API instances sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: redis.url,
      JOB_QUEUE_SCHEMA: `jobs_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
      JWT_SECRET: randomUUID() + randomUUID(),
    };
    // B runs no jobs: ingestion and quiz generation happen on A, so B only ever hears of them through Redis.
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess({ ...env, ROLE: 'api' })]);
    host = await createUser(a.url, 'Host');
    roomId = (await createRoom(a.url, host, 'Rivers')).id;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('delivers ingestion progress published on one instance to a subscriber on the other', async () => {
    const upload = await uploadFile(a.url, host.token, roomId, await makePdf(PAGES), 'rivers.pdf');
    const documentId = upload.body.data!.uploadDocument.id;
    const client = wsClient(b.wsUrl, host.token);
    const stages: string[] = [];
    await new Promise<void>((resolve, reject) =>
      client.subscribe(
        { query: print(DocumentProgressDocument), variables: { documentId } },
        {
          next: (value) =>
            stages.push((value.data as { documentProgress: { stage: string } }).documentProgress.stage),
          error: reject,
          complete: resolve,
        },
      ),
    );
    await client.dispose();
    expect(stages.at(-1)).toBe('READY');
    await waitForDocument(b.url, host.token, documentId);
  });

  it('streams an answer generated on one instance to a subscriber on the other', async () => {
    const conversation = await startConversation(a.url, host.token, roomId);
    const message = await ask(
      a.url,
      host.token,
      conversation.id,
      'How much water does the Amazon discharge?',
    );
    const events = await collectStream(b.wsUrl, host.token, message.id);
    const last = events.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.content).toContain('209,000');
    expect(events.map((event) => event.delta).join('')).toBe(last.content);
  });

  it('runs a live quiz driven on one instance with players watching on the other, every event in order', async () => {
    const { generateQuiz } = await call(
      a.url,
      GenerateQuizDocument,
      { input: { roomId, questionCount: 2, kinds: ['MULTIPLE_CHOICE'] } },
      host.token,
    );
    expect((await followQuiz(b.wsUrl, host.token, generateQuiz.id)).at(-1)!.status).toBe('READY');
    const questions = (await loadQuiz(a.url, host.token, generateQuiz.id)).questions.edges.map(
      (edge) => edge.node,
    );
    const { startLiveQuiz: session } = await call(
      a.url,
      StartLiveQuizDocument,
      { quizId: generateQuiz.id },
      host.token,
    );
    const players = await Promise.all(['P1', 'P2', 'P3'].map((name) => createUser(b.url, name)));
    for (const player of players)
      await call(b.url, JoinLiveQuizDocument, { joinCode: session.joinCode }, player.token);
    const screens = players.map((player) => new LiveWatcher(b.wsUrl, player.token, session.id));
    await Promise.all(screens.map((screen) => screen.waitFor((event) => event.participantCount === 3)));

    await call(a.url, NextLiveQuestionDocument, { sessionId: session.id }, host.token);
    const open = await screens[0]!.waitFor((event) => event.state === 'QUESTION');
    await call(
      b.url,
      SubmitLiveAnswerDocument,
      { input: { sessionId: session.id, questionId: open.question!.id, answer: questions[0]!.answer! } },
      players[0]!.token,
    );
    for (let step = 0; step < 4; step++)
      await call(a.url, NextLiveQuestionDocument, { sessionId: session.id }, host.token);
    await Promise.all(screens.map((screen) => screen.done));
    for (const screen of screens) {
      const states = screen.events
        .map((event) => event.state)
        .filter((state, i, all) => state !== all[i - 1]);
      expect(states).toEqual(['LOBBY', 'QUESTION', 'REVEAL', 'QUESTION', 'REVEAL', 'FINISHED']);
      const seqs = screen.events.map((event) => event.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    }
    expect(screens[0]!.last!.me).toMatchObject({ displayName: 'P1', rank: 1 });
    await Promise.all(screens.map((screen) => screen.close()));
  });
});
