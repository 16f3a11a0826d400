/**
 * The subscribers of `npm run bench:live`, in their own process so the measured API does not share an
 * event loop with them. Raw `ws` sockets speaking graphql-transport-ws (lighter than one graphql-ws
 * client each). Driven over IPC by bench/live.ts:
 *
 *   connect {targets, query, variables}  → opens one socket per target, subscribes, waits for each first event
 *   step {httpUrl, hostToken, sessionId, state, questionIndex}
 *        → calls nextLiveQuestion itself (so the call and every receipt are timed on one clock) and
 *          reports, per socket, the ms until the event with that state and question arrived
 *   close                                  → closes every socket and exits
 *
 * Messages are matched on the raw text (`"state":"QUESTION"`), not parsed, to keep the client cheap.
 */
import WebSocket from 'ws';

interface Target {
  wsUrl: string;
  token: string;
}

type Command =
  | {
      cmd: 'connect';
      targets: Target[];
      query: string;
      variables: Record<string, unknown>;
      concurrency: number;
    }
  | {
      cmd: 'step';
      httpUrl: string;
      hostToken: string;
      sessionId: string;
      state: string;
      questionIndex: number;
      timeoutMs: number;
    }
  | { cmd: 'close' };

interface Subscriber {
  socket: WebSocket;
  /** The current step's matcher; null when idle or already received. */
  waiting: ((raw: string) => void) | null;
}

const subscribers: Subscriber[] = [];
const send = (message: unknown) => process.send!(message);

function connect(target: Target, query: string, variables: Record<string, unknown>): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(target.wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    const subscriber: Subscriber = { socket, waiting: null };
    const timer = setTimeout(() => reject(new Error('no first event within 30 s')), 30_000);
    let subscribed = false;
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${target.token}` } }),
      ),
    );
    socket.on('message', (data) => {
      const raw = data.toString();
      if (!subscribed) {
        if (raw.includes('"connection_ack"')) {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        } else if (raw.includes('"next"')) {
          subscribed = true;
          clearTimeout(timer);
          resolve(subscriber);
        } else if (raw.includes('"error"')) {
          reject(new Error(raw.slice(0, 300)));
        }
        return;
      }
      if (raw.includes('"type":"ping"')) return socket.send('{"type":"pong"}');
      subscriber.waiting?.(raw);
    });
    socket.on('error', reject);
    socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
  });
}

async function connectAll(command: Extract<Command, { cmd: 'connect' }>) {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  const errors = new Set<string>();
  const lane = async () => {
    while (next < command.targets.length) {
      const target = command.targets[next++]!;
      try {
        subscribers.push(await connect(target, command.query, command.variables));
      } catch (error) {
        failed++;
        errors.add((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, lane));
  send({
    type: 'connected',
    count: subscribers.length,
    failed,
    errors: [...errors],
    ms: performance.now() - started,
  });
}

async function step(command: Extract<Command, { cmd: 'step' }>) {
  const receipts: number[] = [];
  let bytes = 0;
  const stateMark = `"state":"${command.state}"`;
  const indexMark = `"questionIndex":${command.questionIndex},`;
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((resolve) => {
    resolveAll = resolve;
  });
  const t0 = performance.now();
  for (const subscriber of subscribers) {
    subscriber.waiting = (raw) => {
      if (!raw.includes(stateMark) || !raw.includes(indexMark)) return;
      receipts.push(performance.now() - t0);
      bytes = raw.length;
      subscriber.waiting = null;
      if (receipts.length === subscribers.length) resolveAll();
    };
  }
  const response = await fetch(command.httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${command.hostToken}` },
    body: JSON.stringify({
      query: 'mutation($id: ID!) { nextLiveQuestion(sessionId: $id) { state } }',
      variables: { id: command.sessionId },
    }),
  });
  const body = (await response.json()) as {
    data?: { nextLiveQuestion: { state: string } };
    errors?: unknown;
  };
  const mutationMs = performance.now() - t0;
  if (body.data?.nextLiveQuestion.state !== command.state) throw new Error(JSON.stringify(body));
  const timer = setTimeout(resolveAll, command.timeoutMs);
  await all;
  clearTimeout(timer);
  for (const subscriber of subscribers) subscriber.waiting = null;
  send({ type: 'step', mutationMs, receipts, missing: subscribers.length - receipts.length, bytes });
}

process.on('message', (command: Command) => {
  const run = async () => {
    if (command.cmd === 'connect') await connectAll(command);
    else if (command.cmd === 'step') await step(command);
    else {
      for (const { socket } of subscribers) socket.terminate();
      process.exit(0);
    }
  };
  run().catch((error: Error) => send({ type: 'error', message: error.stack ?? error.message }));
});
send({ type: 'ready' });
