import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLiveQuiz, serveLiveQuiz } from '../../examples/live-quiz/serve.ts';
import { GenerateQuizDocument } from '../generated/operations.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { type Actor, call, createRoom, createUser } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const available = chromiumAvailable();
const ARTIFACTS = 'test/artifacts';
const PASSWORD = 'correct horse battery';
const PAGES = [
  ['The Amazon River discharges more water than any other river, about 209,000 cubic metres per second.'],
  ['The Nile flows north through eleven countries and empties into the Mediterranean Sea.'],
  [
    'Lake Baikal in Siberia holds about twenty percent of the unfrozen fresh water on the surface of the Earth.',
  ],
];

let server: TestServer;
let page: Awaited<ReturnType<typeof serveLiveQuiz>>;
let outDir: string;
let browser: Browser;
let host: Actor;
let ana: Actor;
let quizId: string;

/** Opens the example page in a fresh browser context (its own storage) and signs in through the form. */
async function signedInPage(view: 'host' | 'play', email: string, signUpAs?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const tab = await context.newPage();
  tab.on('pageerror', (error) => console.error(`[${email}] page error: ${error.message}`));
  await tab.goto(`${page.url}#${view}`);
  if (signUpAs) {
    await tab.getByTestId('toggle-sign-up').click();
    await tab.locator('#display-name').fill(signUpAs);
  }
  await tab.locator('#email').fill(email);
  await tab.locator('#password').fill(PASSWORD);
  await tab.getByTestId('sign-in').click();
  await expect.poll(() => tab.getByTestId('signed-in-as').textContent()).toBeTruthy();
  return tab;
}

const texts = (tab: Page, testId: string) => tab.getByTestId(testId).allInnerTexts();
const text = (tab: Page, testId: string) => tab.getByTestId(testId).innerText();
const leaderboardNames = async (tab: Page) =>
  (await tab.locator('[data-testid=leaderboard-row] .name').allInnerTexts()).map((name) => name.trim());
const shot = (tab: Page, name: string) => tab.screenshot({ path: join(ARTIFACTS, `live-quiz-${name}.png`) });

describe.runIf(available)('the live quiz example page in a real browser', () => {
  beforeAll(async () => {
    server = await startTestServer();
    [host, ana] = await Promise.all([createUser(server.url, 'Host'), createUser(server.url, 'Ana')]);
    const roomId = (await createRoom(server.url, host, `Rivers ${randomUUID().slice(0, 4)}`)).id;
    const upload = await uploadFile(server.url, host.token, roomId, await makePdf(PAGES), 'rivers.pdf');
    await waitForDocument(server.url, host.token, upload.body.data!.uploadDocument.id);
    const { generateQuiz } = await call(
      server.url,
      GenerateQuizDocument,
      { input: { roomId, questionCount: 2, kinds: ['MULTIPLE_CHOICE'] } },
      host.token,
    );
    quizId = generateQuiz.id;
    expect((await followQuiz(server.wsUrl, host.token, quizId)).at(-1)!.status).toBe('READY');
    // The same build and server `npm run example:live` uses, on its own origin (so CORS is exercised).
    outDir = mkdtempSync(join(tmpdir(), 'live-quiz-page-'));
    await buildLiveQuiz(outDir);
    page = await serveLiveQuiz({ dir: outDir, port: 0, apiUrl: server.url });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('plays a session: host starts and drives, two players join, answer, see the reveal and standings', async () => {
    const questions = (await loadQuiz(server.url, host.token, quizId)).questions.edges.map((e) => e.node);
    const first = questions[0]!;
    const correct = first.answer!;
    const wrong = first.options.find((option) => option !== correct)!;

    const hostTab = await signedInPage('host', host.email);
    await hostTab.getByTestId('quiz-select').selectOption(quizId);
    await hostTab.locator('#seconds').fill('60');
    await hostTab.getByTestId('start').click();
    const joinCode = (await text(hostTab, 'join-code')).trim();
    expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(await text(hostTab, 'state')).toBe('Lobby');
    expect(await hostTab.getByTestId('next').isDisabled()).toBe(true);

    // Ana signs in with an account made through the API; Ben signs up on the page.
    const anaTab = await signedInPage('play', ana.email);
    const benTab = await signedInPage('play', `ben-${randomUUID()}@example.test`, 'Ben');
    for (const tab of [anaTab, benTab]) {
      await tab.locator('#join-code').fill(joinCode.toLowerCase());
      await tab.getByTestId('join').click();
      await expect.poll(() => text(tab, 'state')).toBe('Lobby');
    }
    await expect.poll(() => texts(hostTab, 'lobby')).toEqual([expect.stringMatching(/Ana\s+Ben|Ben\s+Ana/)]);
    expect(await text(hostTab, 'participant-count')).toBe('2 joined');
    await shot(hostTab, '1-host-lobby');

    await hostTab.getByTestId('next').click();
    for (const tab of [hostTab, anaTab, benTab]) {
      await expect.poll(() => text(tab, 'question-prompt')).toBe(first.prompt);
      expect(await text(tab, 'state')).toBe(`Question 1 of ${questions.length}`);
    }
    // Players see one button per option and nothing that gives the answer away.
    expect(await texts(anaTab, 'option')).toEqual(first.options);
    await shot(anaTab, '2-player-question');
    await anaTab.getByTestId('option').getByText(correct, { exact: true }).click();
    await benTab.getByTestId('option').getByText(wrong, { exact: true }).click();
    for (const [tab, answer] of [
      [anaTab, correct],
      [benTab, wrong],
    ] as const)
      await expect.poll(() => text(tab, 'locked')).toBe(`Answer locked in: ${answer}`);
    await expect.poll(() => text(hostTab, 'answered-count'), { timeout: 5_000 }).toBe('2 of 2 answered');
    await shot(hostTab, '3-host-question');

    await hostTab.getByTestId('next').click();
    for (const tab of [hostTab, anaTab, benTab]) {
      await expect.poll(() => text(tab, 'state')).toBe(`Question 1 of ${questions.length} · answer`);
      const results = tab.getByTestId('option-result');
      expect(await results.count()).toBe(first.options.length);
      const counts: Record<string, number> = await results.evaluateAll((items) =>
        Object.fromEntries(
          items.map((item) => [
            (item as HTMLElement).dataset.option,
            Number((item as HTMLElement).dataset.count),
          ]),
        ),
      );
      expect(counts[correct]).toBe(1);
      expect(counts[wrong]).toBe(1);
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(2);
      expect(await tab.locator('[data-testid=option-result].correct').getAttribute('data-option')).toBe(
        correct,
      );
      expect(await leaderboardNames(tab)).toEqual(['Ana', 'Ben']);
    }
    expect(await text(anaTab, 'verdict')).toBe('Correct!');
    expect(await text(benTab, 'verdict')).toBe(`Not quite: it was ${correct}`);
    const anaStanding = await text(anaTab, 'my-standing');
    expect(anaStanding).toMatch(/^You: #1 of 2 · \d+ points$/);
    expect(Number(/(\d+) points/.exec(anaStanding)![1])).toBeGreaterThan(500);
    expect(await text(benTab, 'my-standing')).toBe('You: #2 of 2 · 0 points');
    // The host is not a player: no standing of their own.
    expect(await hostTab.getByTestId('my-standing').count()).toBe(0);
    await Promise.all([
      shot(hostTab, '4-host-reveal'),
      shot(anaTab, '4-ana-reveal'),
      shot(benTab, '4-ben-reveal'),
    ]);

    for (let i = 1; i < questions.length; i++) {
      await hostTab.getByTestId('next').click();
      await expect.poll(() => text(benTab, 'question-prompt')).toBe(questions[i]!.prompt);
      await hostTab.getByTestId('next').click();
      await expect.poll(() => text(benTab, 'verdict')).toBe('No answer this time');
    }
    expect(await text(hostTab, 'next')).toBe('Show final results');
    await hostTab.getByTestId('next').click();
    for (const tab of [hostTab, anaTab, benTab]) {
      await expect.poll(() => text(tab, 'state')).toBe('Final results');
      expect(await leaderboardNames(tab)).toEqual(['Ana', 'Ben']);
    }
    expect(await hostTab.getByTestId('next').isHidden()).toBe(true);
    expect(await anaTab.getByRole('heading', { level: 1 }).innerText()).toBe('You finished #1');
    expect(await benTab.getByRole('heading', { level: 1 }).innerText()).toBe('You finished #2');
    await Promise.all([shot(hostTab, '5-host-finished'), shot(anaTab, '5-ana-finished')]);
  }, 120_000);
});
