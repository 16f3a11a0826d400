/**
 * The load generator, run as its own process so it never shares an event loop with the server under
 * test: `node bench/lib/load.ts '<json spec>'` drives autocannon and prints one JSON result on stdout.
 * Bounded both ways: it stops after `seconds` or `maxRequests`, whichever comes first. Every response
 * body must equal `expectBody` (when given); a different one counts as an error.
 */
import autocannon from 'autocannon';
import { latencySummary, round } from './stats.ts';

export interface LoadSpec {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  maxRequests: number;
  expectBody?: string;
  /** Offered load in req/s over all connections (open loop); unset: each connection sends as fast as it can. */
  rate?: number;
}

export interface LoadResult {
  connections: number;
  requests: number;
  seconds: number;
  rps: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  mismatches: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
if (!spec.url) {
  console.error('usage: node bench/lib/load.ts \'{"url":...,"body":...,"connections":N,...}\'');
  process.exit(2);
}

// autocannon's histogram keeps whole milliseconds; the raw per-response times keep the fractions.
const samples: number[] = [];
const started = performance.now();
const instance = autocannon(
  {
    url: spec.url,
    method: 'POST',
    body: spec.body,
    headers: spec.headers,
    connections: spec.connections,
    // autocannon's `amount` would override `duration`; the count bound is enforced below instead.
    duration: spec.seconds,
    timeout: 10,
    expectBody: spec.expectBody,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const seconds = (performance.now() - started) / 1000;
    const summary = latencySummary(samples);
    const out: LoadResult = {
      connections: spec.connections,
      requests: samples.length,
      seconds: round(seconds, 2),
      rps: round(samples.length / seconds, 1),
      p50_ms: summary.p50_ms,
      p90_ms: summary.p90_ms,
      p99_ms: summary.p99_ms,
      max_ms: summary.max_ms,
      errors: result.errors + result.non2xx + result.mismatches + result.timeouts,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    process.exit(0);
  },
);
instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
  samples.push(responseTime);
  if (samples.length === spec.maxRequests) instance.stop();
});
