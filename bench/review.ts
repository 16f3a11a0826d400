/**
 * `npm run bench:review`: review latency at 50 concurrent reviewers. The API runs as a child process
 * (NODE_ENV=production) over a scratch PostgreSQL; a deck is generated from a corpus PDF; the reviewers run
 * in a second process (bench/lib/review-load.ts) over loopback, each fetching its queue and rating every card
 * GOOD until it has made its reviews. Every review is a real FSRS update with its conditional write and
 * review-log insert. Prints JSON and writes bench/results/review.json.
 *
 * Flags: --reviewers 50  --reviews 40 (per reviewer)  --cards 100  --file <pdf>
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, startScratchDatabase } from '../src/db/scratch-database.ts';
import { gql, signUpAndCreateRoom, upload, waitDone, waitHealthy } from './lib/http.ts';
import { machine } from './lib/machine.ts';
import { latencySummary } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    reviewers: { type: 'string', default: '50' },
    reviews: { type: 'string', default: '40' },
    cards: { type: 'string', default: '100' },
    file: { type: 'string' },
  },
});
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.CORPUS_DIR ?? resolve(root, '../shared/corpus');
const file = values.file ?? join(corpus, 'pdf/tika-testPDF_protected.pdf');
const log = (line: string) => console.error(`[bench:review] ${line}`);

const children: ChildProcess[] = [];
const scratch = await startScratchDatabase();
const dataDir = await mkdtemp(join(tmpdir(), 'studyroom-bench-review-'));
try {
  const port = await freePort();
  const server = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: scratch.url,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
    },
  });
  children.push(server);
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitHealthy(`http://127.0.0.1:${port}/healthz`, server);

  const { token, roomId } = await signUpAndCreateRoom(url, 'Review bench');
  const documentId = await upload(url, token, roomId, new Uint8Array(await readFile(file)), 'material.pdf');
  const document = await waitDone(url, token, documentId, 50, 120_000);
  if (document.status !== 'READY') throw new Error(`bench material failed: ${document.error}`);
  const { generateFlashcards } = await gql<{ generateFlashcards: { id: string } }>(
    url,
    'mutation($input: GenerateFlashcardsInput!) { generateFlashcards(input: $input) { id } }',
    { input: { roomId, count: Number(values.cards) } },
    token,
  );
  let cards = 0;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    const { node } = await gql<{ node: { status: string; cardCount: number } }>(
      url,
      'query($id: ID!) { node(id: $id) { ... on Deck { status cardCount } } }',
      { id: generateFlashcards.id },
      token,
    );
    if (node.status === 'FAILED') throw new Error('deck generation failed');
    if (node.status === 'READY') {
      cards = node.cardCount;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await gql(
    url,
    'mutation($input: UpdateRoomSettingsInput!) { updateRoomSettings(input: $input) { id } }',
    { input: { roomId, newCardsPerDay: 1000 } },
    token,
  );
  log(`deck of ${cards} cards; signing up ${values.reviewers} reviewers`);
  const tokens: string[] = [];
  for (let i = 0; i < Number(values.reviewers); i++) {
    const email = `reviewer-${i}-${randomBytes(4).toString('hex')}@example.test`;
    const { signUp } = await gql<{ signUp: { token: string } }>(
      url,
      'mutation($input: SignUpInput!) { signUp(input: $input) { token } }',
      { input: { email, password: 'benchmark password', displayName: `Reviewer ${i}` } },
    );
    await gql(
      url,
      'mutation($input: AddRoomMemberInput!) { addRoomMember(input: $input) { role } }',
      { input: { roomId, email, role: 'VIEWER' } },
      token,
    );
    await gql(
      url,
      'mutation($roomId: ID!) { acceptRoomInvitation(roomId: $roomId) { status } }',
      { roomId },
      signUp.token,
    );
    tokens.push(signUp.token);
  }

  log(`${tokens.length} reviewers × ${values.reviews} reviews from a second process`);
  const before = machine().loadavg;
  const load = spawn(process.execPath, ['bench/lib/review-load.ts', url, roomId, values.reviews, ...tokens], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(load);
  let out = '';
  load.stdout!.on('data', (chunk) => {
    out += chunk;
  });
  await new Promise((resolve) => load.on('exit', resolve));
  const samples = JSON.parse(out) as {
    reviewCard: number[];
    reviewQueue: number[];
    errors: number;
    wallMs: number;
  };
  const result = {
    benchmark: 'review',
    reviewers: tokens.length,
    reviewsPerReviewer: Number(values.reviews),
    deckCards: cards,
    errors: samples.errors,
    reviewsPerSecond: Math.round((samples.reviewCard.length / samples.wallMs) * 1000 * 10) / 10,
    reviewCard: latencySummary(samples.reviewCard),
    reviewQueue: latencySummary(samples.reviewQueue),
    loadavgBefore: before,
    machine: machine(),
    at: new Date().toISOString(),
  };
  await mkdir(join(root, 'bench/results'), { recursive: true });
  await writeFile(join(root, 'bench/results/review.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await scratch.stop();
  await rm(dataDir, { recursive: true, force: true });
}
