import { spawn } from 'node:child_process';

/**
 * `{ me { id } }` one request at a time from a second process (bench/lib/latency-probe.ts) until `until`
 * settles (then its stdin closes) or the limits are hit; resolves with each request's latency in ms.
 */
export function probe(
  url: string,
  token: string,
  maxRequests: number,
  maxMs: number,
  until?: Promise<unknown>,
) {
  const child = spawn(
    process.execPath,
    ['bench/lib/latency-probe.ts', url, token, `${maxRequests}`, `${maxMs}`],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (data) => {
    out += data;
  });
  void until?.finally(() => child.stdin.end());
  return new Promise<number[]>((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`probe exited ${code}`)),
    );
  });
}
