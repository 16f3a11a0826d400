/**
 * The reviewers of `npm run bench:review`, in their own process so the measured API does not share an event
 * loop with them: `node bench/lib/review-load.ts <url> <roomId> <reviewsEach> <token>...` runs one loop per
 * token at once (fetch the queue, rate each card GOOD) and prints every request's latency (ms) as JSON.
 */
const [url, roomId, reviewsEach, ...tokens] = process.argv.slice(2);
if (!url || !roomId || !reviewsEach || tokens.length === 0) {
  console.error('usage: node bench/lib/review-load.ts <url> <roomId> <reviewsEach> <token>...');
  process.exit(2);
}
const QUEUE = 'query($roomId: ID!) { reviewQueue(roomId: $roomId, first: 20) { state card { id } } }';
const REVIEW =
  'mutation($cardId: ID!) { reviewCard(input: { cardId: $cardId, rating: GOOD }) { due state reps } }';

const samples = { reviewCard: [] as number[], reviewQueue: [] as number[] };
let errors = 0;

async function timed(kind: keyof typeof samples, token: string, query: string, variables: object) {
  const t0 = performance.now();
  const response = await fetch(url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  samples[kind].push(performance.now() - t0);
  if (body.errors) errors++;
  return body.data;
}

async function reviewer(token: string) {
  let done = 0;
  while (done < Number(reviewsEach)) {
    const data = await timed('reviewQueue', token, QUEUE, { roomId });
    const items = (data?.reviewQueue ?? []) as Array<{ card: { id: string } }>;
    if (items.length === 0) break;
    for (const item of items) {
      if (done >= Number(reviewsEach)) break;
      await timed('reviewCard', token, REVIEW, { cardId: item.card.id });
      done++;
    }
  }
}

const started = performance.now();
await Promise.all(tokens.map((token) => reviewer(token)));
process.stdout.write(JSON.stringify({ ...samples, errors, wallMs: performance.now() - started }));
