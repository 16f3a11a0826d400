/**
 * Load from a second process: `node bench/lib/latency-probe.ts <url> <token> <maxRequests> <maxMs>` sends
 * `{ me { id } }` one after another and prints the latencies (ms) as JSON. It stops at the count, the time
 * limit, or when its stdin closes (the benchmark's signal that the ingest finished).
 */
const [url, token, maxRequests = '1000', maxMs = '30000'] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node bench/lib/latency-probe.ts <url> <token> [maxRequests] [maxMs]');
  process.exit(2);
}
let stop = false;
process.stdin.on('data', () => {
  stop = true;
});
process.stdin.on('end', () => {
  stop = true;
});
const body = JSON.stringify({ query: '{ me { id } }' });
const samples: number[] = [];
const started = performance.now();
while (!stop && samples.length < Number(maxRequests) && performance.now() - started < Number(maxMs)) {
  const t0 = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const json = (await response.json()) as { data?: { me?: { id: string } } };
  if (!json.data?.me?.id) throw new Error(`unexpected answer: ${JSON.stringify(json)}`);
  samples.push(performance.now() - t0);
}
process.stdout.write(JSON.stringify(samples));
process.exit(0);
