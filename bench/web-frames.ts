/**
 * `npm run bench:web`: does the study app keep its frames while an answer streams in?
 *
 * The API runs as a child process (NODE_ENV=production) over a scratch PostgreSQL, its LLM the
 * test-owned OpenAI-compatible server streaming TOKENS words TOKEN_MS apart (default 1,000 at 20 ms:
 * 50 tokens/s for 20 s). The Next.js production build (`npm run example:web:build`) serves the app;
 * Debian's Chromium (headless, flags as in the tests) signs up, asks, and while the answer streams the
 * page records every requestAnimationFrame delta, long tasks (> 50 ms), long animation frames and layout
 * shifts. Targets: >= 95% of frames within 16.7 ms, no long task over 50 ms, no layout shift.
 *
 * A frame's delta is the time since the previous one; at 60 Hz it sits at 16.67 ms with a little
 * jitter either way, so frames are also counted against 16.7 ms + 1 ms, and a frame more than 1.5
 * intervals late (> 25 ms) counts as dropped. Flags: --tokens 1000 --token-ms 20. Prints one JSON
 * object and writes bench/results/web-frames.json. Loopback only; every wait is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, startScratchDatabase } from '../src/db/scratch-database.ts';
import { CHROMIUM, launchChromium } from '../test/helpers/browser.ts';
import { startFakeOpenAI } from '../test/helpers/fake-openai.ts';
import { ensureWebBuild, startWebApp } from '../test/helpers/web-app.ts';
import { upload, waitDone } from './lib/http.ts';
import { machine } from './lib/machine.ts';
import { percentile, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '1000' },
    'token-ms': { type: 'string', default: '20' },
  },
});
const TOKENS = Number(values.tokens);
const TOKEN_MS = Number(values['token-ms']);
const FRAME_MS = 1000 / 60;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(`[bench:web] ${line}`);

const MATERIAL = `# Atlantic islands

Madeira was discovered in 1419 by the Portuguese sailors João Gonçalves Zarco and Tristão Vaz Teixeira.
The Madeira wine trade grew during the eighteenth century and reached England and America.
`;

/** Words of a plausible answer, a citation marker every sentence and a paragraph break now and then. */
function answerTokens(count: number): string[] {
  const words =
    'the island was settled by sailors who planted vines along the steep terraces of the south coast'.split(
      ' ',
    );
  return Array.from({ length: count }, (_, i) => {
    const word = words[i % words.length]!;
    if (i % 24 === 23) return `${word} [1].${i % 96 === 95 ? '\n\n' : ' '}`;
    return `${word} `;
  });
}

async function waitHealthy(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('API did not become healthy');
}

interface PageFigures {
  frames: number[];
  longTasks: number[];
  longAnimationFrames: number[];
  layoutShift: number;
  /** The largest shifts: when (ms into the stream), how much, and what moved. */
  shifts: Array<{ at: number; value: number; moved: string[] }>;
  streamedMs: number;
  textLength: number;
}

ensureWebBuild();
const fake = await startFakeOpenAI();
fake.setResponder((body) =>
  body.stream
    ? { kind: 'stream', tokens: answerTokens(TOKENS), delayMs: TOKEN_MS, firstDelayMs: 300 }
    : { kind: 'json', content: 'Madeira' },
);
const scratch = await startScratchDatabase();
const dataDir = await mkdtemp(join(tmpdir(), 'studyroom-bench-web-'));
const children: ChildProcess[] = [];
let web: Awaited<ReturnType<typeof startWebApp>> | undefined;
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
try {
  const port = await freePort();
  const api = spawn(process.execPath, ['src/main.ts'], {
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
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'bench',
      CHAT_MODEL: 'fake-model',
      LOG_LEVEL: 'warn',
    },
  });
  children.push(api);
  const apiUrl = `http://127.0.0.1:${port}/graphql`;
  await waitHealthy(`http://127.0.0.1:${port}/healthz`, api);
  web = await startWebApp({ apiUrl });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();

  log('signing up in the app, uploading the material through the API');
  // What a first visit costs (empty cache): the sign-in page's scripts as sent (compressed) and as run.
  const scripts: Array<Promise<{ sent: number; run: number }>> = [];
  const onResponse = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(
      Promise.all([response.request().sizes(), response.body()]).then(([sizes, body]) => ({
        sent: sizes.responseBodySize,
        run: body.byteLength,
      })),
    );
  };
  page.on('response', onResponse);
  await page.goto(`${web.url}/sign-in`, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const loaded = await Promise.all(scripts);
  await page.getByTestId('toggle-mode').click();
  await page.locator('#displayName').fill('Bench');
  await page.locator('#email').fill(`bench-${Date.now()}@example.test`);
  await page.locator('#password').fill('benchmark password');
  await page.getByTestId('auth-submit').click();
  await page.waitForURL(/\/rooms$/);
  await page.locator('#room-name').fill('Frames');
  await page.getByTestId('create-room').click();
  await page.waitForURL(/\/rooms\/[^/]+$/);
  const roomId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  const token = (await context.cookies()).find((cookie) => cookie.name === 'studyroom_session')!.value;
  const documentId = await upload(apiUrl, token, roomId, new TextEncoder().encode(MATERIAL), 'islands.md');
  if ((await waitDone(apiUrl, token, documentId, 50, 60_000)).status !== 'READY')
    throw new Error('no material');

  await page.goto(`${page.url()}/chat`);
  // Record from the first streamed character to the answer's COMPLETE.
  await page.evaluate(() => {
    const w = window as unknown as { figures: PageFigures; recording: boolean };
    const figures: PageFigures = {
      frames: [],
      longTasks: [],
      longAnimationFrames: [],
      layoutShift: 0,
      shifts: [],
      streamedMs: 0,
      textLength: 0,
    };
    w.figures = figures;
    let started = 0;
    let last = 0;
    const tick = (now: number) => {
      const answer = document.querySelector('[data-testid=answer]');
      const streaming = answer?.getAttribute('data-status') === 'STREAMING';
      const text = answer?.querySelector('[data-testid=answer-text]')?.textContent ?? '';
      if (!w.recording && streaming && text.length > 0) {
        w.recording = true;
        started = now;
      } else if (w.recording && !streaming) {
        w.recording = false;
        figures.streamedMs = now - started;
        figures.textLength = text.length;
        return;
      } else if (w.recording) figures.frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      if (w.recording) for (const entry of list.getEntries()) figures.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      if (w.recording)
        for (const entry of list.getEntries()) figures.longAnimationFrames.push(entry.duration);
    }).observe({ type: 'long-animation-frame' });
    type Shift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: Array<{ node: Node | null }>;
    };
    const describe = (node: Node | null) =>
      node instanceof Element
        ? `${node.tagName.toLowerCase()}${node.className ? `.${String(node.className).split(' ').join('.')}` : ''}`
        : String(node?.nodeName);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (!w.recording || entry.hadRecentInput) continue;
        figures.layoutShift += entry.value;
        figures.shifts.push({
          at: Math.round(entry.startTime - started),
          value: entry.value,
          moved: entry.sources.map((source) => describe(source.node)),
        });
      }
    }).observe({ type: 'layout-shift' });
  });
  log(`asking; the answer streams ${TOKENS} tokens ${TOKEN_MS} ms apart`);
  await page.getByTestId('question-input').fill('When was Madeira discovered, and by whom?');
  await page.getByTestId('ask').click();
  await page.waitForURL(/\/chat\/[^/]+$/, { timeout: 30_000 });
  await page.waitForFunction(
    () => (window as unknown as { figures: PageFigures }).figures.streamedMs > 0,
    undefined,
    { timeout: TOKENS * TOKEN_MS + 60_000, polling: 500 },
  );
  const figures = await page.evaluate(() => (window as unknown as { figures: PageFigures }).figures);
  const frames = figures.frames;
  const share = (limit: number) =>
    round((frames.filter((delta) => delta <= limit).length / frames.length) * 100, 2);
  const result = {
    benchmark: 'web-frames',
    description:
      'requestAnimationFrame deltas, long tasks and layout shift in the Next.js app while an answer streams',
    machine: machine(),
    chromium: `${CHROMIUM} ${browser.version()}`,
    stream: {
      tokens: TOKENS,
      token_ms: TOKEN_MS,
      streamed_ms: Math.round(figures.streamedMs),
      text_chars: figures.textLength,
    },
    frames: {
      count: frames.length,
      within_16_7_ms_pct: share(16.7),
      within_17_7_ms_pct: share(16.7 + 1),
      dropped_over_25_ms: frames.filter((delta) => delta > FRAME_MS * 1.5).length,
      p50_ms: round(percentile(frames, 50), 2),
      p95_ms: round(percentile(frames, 95), 2),
      p99_ms: round(percentile(frames, 99), 2),
      max_ms: round(Math.max(...frames), 2),
    },
    long_tasks: { count: figures.longTasks.length, max_ms: round(Math.max(0, ...figures.longTasks), 1) },
    long_animation_frames: {
      count: figures.longAnimationFrames.length,
      max_ms: round(Math.max(0, ...figures.longAnimationFrames), 1),
    },
    first_visit_scripts: {
      count: loaded.length,
      transferred_kib: round(loaded.reduce((sum, script) => sum + script.sent, 0) / 1024),
      uncompressed_kib: round(loaded.reduce((sum, script) => sum + script.run, 0) / 1024),
    },
    layout_shift: round(figures.layoutShift, 4),
    largest_shifts: figures.shifts.sort((a, b) => b.value - a.value).slice(0, 5),
    targets: {
      frames_within_16_7_ms_pct: 95,
      long_task_max_ms: 50,
      // Frames counted against one 60 Hz interval plus 1 ms of timer jitter: a frame on time measures
      // 16.6-16.8 ms, so the strict 16.7 ms share (above) is about half of the on-time frames.
      met:
        share(16.7 + 1) >= 95 &&
        figures.longTasks.every((duration) => duration <= 50) &&
        figures.layoutShift < 0.01,
      met_with_strict_16_7_ms: share(16.7) >= 95 && figures.longTasks.every((duration) => duration <= 50),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(join(root, 'bench', 'results', 'web-frames.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser?.close();
  await web?.stop();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  await scratch.stop();
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
}
