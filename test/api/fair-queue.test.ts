import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendForRoom } from '../../src/jobs/fair-queue.ts';
import { startQueue } from '../../src/jobs/queue.ts';
import { DocumentProgressDocument } from '../generated/operations.ts';
import { type Actor, createRoom, createUser, wsClient } from '../helpers/client.ts';
import { uploadFile } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** A Markdown file of `paragraphs` distinct paragraphs (distinct per tag, so no two share a hash). */
const markdown = (tag: string, paragraphs: number) =>
  new TextEncoder().encode(
    Array.from(
      { length: paragraphs },
      (_, i) => `## ${tag} part ${i}\n\n${tag} ${i}: mitochondria turn nutrients into energy for the cell.`,
    ).join('\n\n'),
  );

describe('one room’s burst does not starve another room (finding 21)', () => {
  let server: TestServer;
  let a: Actor;
  let b: Actor;
  let roomA: string;
  let roomB: string;

  beforeAll(async () => {
    // One job at a time, so the order the queue hands jobs out is the order documents become READY.
    server = await startTestServer({ WORKER_CONCURRENCY: '1' });
    [a, b] = await Promise.all([createUser(server.url, 'Tenant A'), createUser(server.url, 'Tenant B')]);
    [roomA, roomB] = await Promise.all([
      createRoom(server.url, a, 'A').then((room) => room.id),
      createRoom(server.url, b, 'B').then((room) => room.id),
    ]);
  });
  afterAll(() => server.close());

  it("A's document queued behind B's eight becomes READY within the first three", async () => {
    const readyOrder: string[] = [];
    const socket = wsClient(server.wsUrl, b.token);
    const socketA = wsClient(server.wsUrl, a.token);
    const follow = (client: typeof socket, id: string) =>
      new Promise<void>((resolve, reject) =>
        client.subscribe(
          { query: print(DocumentProgressDocument), variables: { documentId: id } },
          {
            next: (value) => {
              const event = (value.data as { documentProgress: { stage: string } } | undefined)
                ?.documentProgress;
              if (value.errors || event?.stage === 'FAILED') reject(new Error(JSON.stringify(value)));
              else if (event?.stage === 'READY') readyOrder.push(id);
            },
            error: reject,
            complete: resolve,
          },
        ),
      );
    try {
      const bIds: string[] = [];
      for (let i = 0; i < 8; i++) {
        const { body } = await uploadFile(server.url, b.token, roomB, markdown(`B${i}`, 400), `b-${i}.md`);
        bIds.push(body.data!.uploadDocument.id);
      }
      const bDone = bIds.map((id) => follow(socket, id));
      const { body } = await uploadFile(server.url, a.token, roomA, markdown('A', 3), 'a.md');
      const aId = body.data!.uploadDocument.id;
      await Promise.all([...bDone, follow(socketA, aId)]);
      // First come, first served put A ninth, after all of B's.
      expect(readyOrder.indexOf(aId)).toBeLessThan(3);
      expect(readyOrder).toHaveLength(9);
    } finally {
      await Promise.all([socket.dispose(), socketA.dispose()]);
    }
  });
});

describe('sendForRoom: the order pg-boss hands jobs out', () => {
  const schema = `jobs_fair_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const config = { JOB_QUEUE_SCHEMA: schema, JOB_FAIRNESS: 'on' } as const;
  const queue = 'fairness-probe';
  let boss: Awaited<ReturnType<typeof startQueue>>;

  beforeAll(async () => {
    boss = await startQueue(inject('databaseUrl'), schema, pino({ level: 'silent' }));
    await boss.createQueue(queue);
  });
  afterAll(() => boss.stop({ graceful: false }));

  const send = (room: string, n: number) => sendForRoom(boss, config, queue, room, { room, n });
  /** Claims the next job and completes it at once. */
  async function next(): Promise<string | undefined> {
    const [job] = await boss.fetch<{ room: string; n: number }>(queue);
    if (!job) return undefined;
    await boss.complete(queue, job.id);
    return `${job.data.room}${job.data.n}`;
  }

  it('takes rooms in turns, keeps each room’s own order, and lets no waiting job be overtaken forever', async () => {
    for (let n = 1; n <= 4; n++) await send('B', n);
    await send('A', 1);
    await send('C', 1);
    await send('A', 2);
    expect([await next(), await next(), await next()]).toEqual(['B1', 'A1', 'C1']);
    // B2 waits in the head round now; newcomers join that round behind it, never before it.
    await send('D', 1);
    expect([await next(), await next(), await next()]).toEqual(['B2', 'A2', 'D1']);
    expect([await next(), await next(), await next()]).toEqual(['B3', 'B4', undefined]);
  });
});
