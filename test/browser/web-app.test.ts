import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationDocument, ReviewQueueDocument } from '../generated/operations.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { call, request } from '../helpers/client.ts';
import { makePdf } from '../helpers/documents.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { setPageLabels } from '../helpers/fidelity-fixtures.ts';
import { loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { ensureWebBuild, startWebApp, type WebApp, webAppInstalled } from '../helpers/web-app.ts';

/**
 * The Next.js study app (examples/web, production build) in Debian's Chromium against the real API
 * (embedded PostgreSQL, offline engines): every screen a student and a teacher use, through the UI only.
 */
const available = chromiumAvailable() && webAppInstalled();
const ARTIFACTS = join('test', 'artifacts', 'web');
const PASSWORD = 'correct horse battery';
const PAGES = [
  [
    'Rivers of the world.',
    'The Amazon River discharges more water than any other river, about 209,000 cubic metres per second.',
  ],
  [
    'The Nile flows north through eleven countries and empties into the Mediterranean Sea.',
    'Its delta is one of the most fertile regions of Africa.',
  ],
  [
    'Lake Baikal in Siberia holds about twenty percent of the unfrozen fresh water on the surface of the Earth.',
  ],
];

let api: TestServer;
let web: WebApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
/** expect.poll with room for a loaded 2-core machine (the default gives up after 1 s). */
const eventually = <T>(read: () => Promise<T> | T, options: { timeout?: number } = {}) =>
  expect.poll(read, { timeout: options.timeout ?? 20_000, interval: 50 });

/** A fresh browser context (own cookies) that records layout shifts from its first paint on. */
async function newPage(viewport = { width: 1200, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  await context.addInitScript(() => {
    const w = window as unknown as { layoutShifts: number[] };
    w.layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { value: number; hadRecentInput: boolean }
      >)
        if (!entry.hadRecentInput) w.layoutShifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console error: ${message.text()}`);
  });
  return page;
}

async function signUp(page: Page, name: string, app = web) {
  const email = `${name.toLowerCase()}-${randomUUID()}@example.test`;
  await page.goto(`${app.url}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByTestId('toggle-mode').click();
  await page.locator('#displayName').fill(name);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.getByTestId('auth-submit').click();
  await page.waitForURL(/\/rooms$/);
  expect(await text(page, 'signed-in-as')).toBe(name);
  return email;
}

describe.runIf(available)('the Next.js study app in a real browser', () => {
  beforeAll(async () => {
    ensureWebBuild();
    api = await startTestServer();
    web = await startWebApp({ apiUrl: api.url });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await web?.stop();
    // The Next.js server's own log, for reading after a failure (server component errors land there).
    if (web) writeFileSync(join(ARTIFACTS, 'next-server.log'), `${web.logs.join('\n')}\n`);
    await api?.close();
  });

  it('sign up → room → upload → ask (cited) → viewer at the cited page → quiz → flashcard review → live quiz', async () => {
    const ada = await newPage();
    const adaCookies = async () => ada.context().cookies();

    // Sign up / sign in. The token is only in an httpOnly cookie; page scripts cannot see it.
    await ada.goto(`${web.url}/sign-in`);
    await shot(ada, '01-sign-in');
    await signUp(ada, 'Ada');
    const session = (await adaCookies()).find((cookie) => cookie.name === 'studyroom_session');
    expect(session?.httpOnly).toBe(true);
    expect(await ada.evaluate(() => document.cookie)).not.toContain('studyroom_session');
    const adaToken = session!.value;

    // Rooms: create one.
    await ada.locator('#room-name').fill('Rivers and lakes');
    await ada.locator('#room-description').fill('Geography, first term');
    await shot(ada, '02-rooms');
    await ada.getByTestId('create-room').click();
    await ada.waitForURL(/\/rooms\/[^/]+$/);
    expect(await text(ada, 'room-name')).toBe('Rivers and lakes');
    const roomPath = new URL(ada.url()).pathname;

    // Upload a PDF with the network slowed, so the byte progress bar shows; then the ingestion stages.
    const cdp = await ada.context().newCDPSession(ada);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    const padding = Array.from({ length: 40 }, (_, p) =>
      Array.from({ length: 40 }, (_, l) => `Appendix ${p + 1}.${l + 1}: tributaries, basins and gauges.`),
    );
    // Printed page labels as in a book: the first page is "i", the body counts from 1 on page 2.
    const labelled = await PDFDocument.load(await makePdf([...PAGES, ...padding]));
    setPageLabels(labelled, 1);
    const pdf = await labelled.save();
    await ada.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        for (const id of ['upload-status', 'document-stage', 'document-status'])
          for (const element of document.querySelectorAll(`[data-testid=${id}]`)) {
            const value = `${id}: ${element.textContent}`;
            if (seen.at(-1) !== value) seen.push(value);
          }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await ada.getByTestId('file-input').setInputFiles({
      name: 'rivers.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await ada.getByTestId('upload').click();
    await eventually(() => text(ada, 'upload-status'), { timeout: 10_000 }).toMatch(
      /^Uploading .+ \(\d+%\)$/,
    );
    await shot(ada, '03-uploading');
    await eventually(() => ada.getByTestId('document').first().getAttribute('data-status'), {
      timeout: 60_000,
    }).toBe('READY');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const seen = await ada.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const uploading = seen.filter((line) => line.startsWith('upload-status: Uploading'));
    expect(uploading.length).toBeGreaterThan(1); // the bar moved, not one jump to the end
    expect(seen.some((line) => /^document-stage: .+ · \d+%$/.test(line))).toBe(true);
    expect(await ada.getByTestId('document').first().innerText()).toContain(`${3 + padding.length} pages`);
    await shot(ada, '04-room-documents');

    // Ask: a new conversation; the offline engine answers from the PDF with citations.
    await ada.goto(`${web.url}${roomPath}/chat`);
    await ada.getByTestId('question-input').fill('Where does the Nile flow and where does it end?');
    await ada.getByTestId('question-input').press('Enter');
    await ada.waitForURL(/\/chat\/[^/]+$/);
    await eventually(() => ada.getByTestId('answer').first().getAttribute('data-status')).toBe('COMPLETE');
    const conversationId = decodeURIComponent(new URL(ada.url()).pathname.split('/').at(-1)!);
    const stored = await call(api.url, ConversationDocument, { id: conversationId }, adaToken);
    if (stored.node?.__typename !== 'Conversation') throw new Error('conversation not found');
    const answer = stored.node.messages.edges.at(-1)!.node;
    expect(answer.status).toBe('COMPLETE');
    expect(squash(await text(ada, 'answer-text'))).toBe(squash(answer.content.replace(/\[(\d+)\]/g, '$1')));
    expect(answer.content).toContain('Nile');
    await shot(ada, '05-chat-answer');

    // A citation chip (with the printed page label) opens the PDF in the pdf.js viewer at the quote's
    // page, with the quote's highlight boxes drawn over the text layer's words of the quote.
    const citation = answer.citations[0]!;
    const quotePage =
      PAGES.findIndex((lines) => lines.some((line) => line.includes(citation.quote.slice(0, 30)))) + 1;
    const printed = (n: number) => (n === 1 ? 'i' : String(n - 1));
    expect(citation.highlights.length).toBeGreaterThan(0);
    expect(citation.highlights.every((box) => box.page === quotePage)).toBe(true);
    expect(citation).toMatchObject({ pageStart: quotePage, pageLabel: printed(quotePage) });
    const page = quotePage;
    const chips = ada.getByTestId('answer').first().getByTestId('citation');
    expect(await chips.count()).toBe(answer.citations.length);
    expect(await chips.first().innerText()).toBe(`[1] ${citation.document!.title}, p. ${citation.pageLabel}`);
    await chips.first().click();
    const viewer = ada.getByTestId('viewer');
    await eventually(() => viewer.getByTestId('pdf-canvas').getAttribute('data-state')).toBe('ready');
    expect(await viewer.getByTestId('pdf-page').getAttribute('data-page')).toBe(String(page));
    expect(await text(ada, 'viewer-page')).toBe(
      `Page ${page} (printed “${printed(page)}”) of ${3 + padding.length}`,
    );
    expect(await text(ada, 'viewer-quote')).toBe(citation.quote);
    /** Each drawn box, and whether it overlaps the text layer's span that holds the quote's words. */
    const overlays = () =>
      viewer.evaluate((root, quote) => {
        const needle = quote.replace(/\s+/g, ' ').trim().slice(0, 24);
        const spans = [...root.querySelectorAll('[data-testid=text-layer] span')].filter((span) =>
          (span.textContent ?? '').includes(needle),
        );
        const pageBox = root.querySelector('[data-testid=pdf-page]')!.getBoundingClientRect();
        return [...root.querySelectorAll('[data-testid=highlight]')].map((element) => {
          const box = element.getBoundingClientRect();
          const overlaps = spans.some((span) => {
            const word = span.getBoundingClientRect();
            const x = Math.min(box.right, word.right) - Math.max(box.left, word.left);
            const y = Math.min(box.bottom, word.bottom) - Math.max(box.top, word.top);
            return x > 0.5 * Math.min(box.width, word.width) && y > 0.5 * Math.min(box.height, word.height);
          });
          const r = (b: DOMRect) => [b.left, b.top, b.width, b.height].map(Math.round);
          return {
            width: box.width,
            pageWidth: pageBox.width,
            spans: spans.length,
            overlaps,
            box: r(box),
            page: r(pageBox),
            words: spans.map((s) => r(s.getBoundingClientRect())),
            layer: r(root.querySelector('[data-testid=text-layer]')!.getBoundingClientRect()),
            tsf: getComputedStyle(root.querySelector('[data-testid=pdf-page]')!).getPropertyValue(
              '--total-scale-factor',
            ),
          };
        });
      }, citation.quote);
    const drawn = await overlays();
    expect(drawn.length).toBe(citation.highlights.length);
    expect(drawn[0]!.spans).toBeGreaterThan(0);
    expect(
      drawn.every((box) => box.overlaps),
      JSON.stringify(drawn),
    ).toBe(true);
    await shot(ada, '06-citation-viewer');
    // Zoomed in, the page is drawn again larger and the boxes are still on the quote's words.
    await viewer.getByTestId('zoom-in').click();
    await viewer.getByTestId('zoom-in').click();
    expect(await text(ada, 'zoom')).toBe('150%');
    await eventually(async () => (await overlays())[0]?.pageWidth ?? 0).toBeGreaterThan(
      drawn[0]!.pageWidth * 1.4,
    );
    await eventually(() => viewer.getByTestId('pdf-canvas').getAttribute('data-state')).toBe('ready');
    const zoomed = await overlays();
    expect(
      zoomed.every((box) => box.overlaps),
      JSON.stringify(zoomed),
    ).toBe(true);
    expect(zoomed[0]!.width / drawn[0]!.width).toBeCloseTo(1.5, 1);
    await shot(ada, '06b-citation-viewer-zoomed');
    await ada.keyboard.press('Escape');
    await eventually(() => viewer.isVisible()).toBe(false);

    // The same conversation on a phone: one column, nothing wider than the screen.
    const phone = await newPage({ width: 390, height: 844 });
    await phone.context().addCookies(await adaCookies());
    await phone.goto(ada.url());
    await eventually(() => phone.getByTestId('answer').count()).toBe(1);
    await shot(phone, '07-chat-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Quizzes: generate (live progress), take it with immediate feedback and evidence, see the score.
    await ada.goto(`${web.url}${roomPath}/quizzes`);
    await ada.locator('#quiz-count').fill('2');
    for (const kind of ['TRUE_FALSE', 'SHORT_ANSWER'])
      await ada.locator(`input[name=kind][value=${kind}]`).uncheck();
    await ada.getByTestId('generate-quiz').click();
    await eventually(() => ada.getByTestId('quiz').first().getAttribute('data-status'), {
      timeout: 60_000,
    }).toBe('READY');
    await shot(ada, '08-quizzes');
    await ada.getByTestId('take-quiz').first().click();
    await ada.waitForURL(/\/quizzes\/[^/]+$/);
    const quizId = decodeURIComponent(new URL(ada.url()).pathname.split('/').at(-1)!);
    const questions = (await loadQuiz(api.url, adaToken, quizId)).questions.edges.map((edge) => edge.node);
    expect(questions.length).toBe(2);
    await ada.getByTestId('start-attempt').click();
    for (const [i, question] of questions.entries()) {
      await eventually(() => text(ada, 'quiz-prompt')).toBe(question.prompt);
      // Right on the first question, wrong on the second.
      const pick =
        i === 0 ? question.answer! : question.options.find((option) => option !== question.answer)!;
      await ada.getByTestId('quiz-option').getByText(pick, { exact: true }).click();
      await eventually(() => text(ada, 'verdict')).toBe(
        i === 0 ? 'Correct!' : `Not quite: the answer is ${question.answer}`,
      );
      const evidence = question.evidence!;
      expect(await text(ada, 'evidence')).toContain(evidence.quote);
      expect(await text(ada, 'evidence')).toContain(`p. ${evidence.pageLabel}`);
      if (i === 0) {
        await shot(ada, '09-quiz-feedback');
        // The evidence opens in the viewer on the quote's page with its boxes drawn.
        expect(evidence.highlights.length).toBeGreaterThan(0);
        await ada.getByTestId('open-evidence').click();
        await eventually(() => viewer.getByTestId('pdf-canvas').getAttribute('data-state')).toBe('ready');
        expect(await viewer.getByTestId('pdf-page').getAttribute('data-page')).toBe(
          String(evidence.highlights[0]!.page),
        );
        await eventually(() => viewer.getByTestId('highlight').count()).toBe(
          evidence.highlights.filter((box) => box.page === evidence.highlights[0]!.page).length,
        );
        await ada.keyboard.press('Escape');
        await eventually(() => viewer.isVisible()).toBe(false);
      }
      await ada.getByTestId('next-question').click();
    }
    await eventually(() => text(ada, 'score')).toBe('50%');
    await shot(ada, '10-quiz-score');

    // Flashcards: the question Ada got wrong is now a card in her review queue. She makes a deck too
    // (live progress, then its cards join the queue), reviews the missed card and sees when it is due.
    const roomId = decodeURIComponent(roomPath.split('/').at(-1)!);
    const missed = questions[1]!;
    const queue = async () =>
      (await call(api.url, ReviewQueueDocument, { roomId, first: 200 }, adaToken)).reviewQueue;
    const missedCard = (await queue()).find((item) => item.card.front === missed.prompt);
    expect(missedCard?.card.deck.kind).toBe('MISSED_QUESTIONS');
    await ada.goto(`${web.url}${roomPath}/review`);
    await ada.locator('#card-count').fill('3');
    await ada.getByTestId('generate-deck').click();
    const generated = ada.getByTestId('deck').filter({ hasNotText: 'from questions you missed' });
    await eventually(() => generated.count()).toBe(1);
    await eventually(() => generated.getAttribute('data-status'), { timeout: 60_000 }).toBe('READY');
    const queued = await queue();
    expect(queued.length).toBeGreaterThan(1);
    // The page refreshes its queue when the deck is ready.
    await eventually(() => text(ada, 'review-position')).toMatch(new RegExp(`^Card 1 of ${queued.length} `));
    const front = await text(ada, 'card-front');
    const item = queued.find((entry) => entry.card.front === front)!;
    expect(item).toBeDefined();
    await shot(ada, '11-flashcard-front');
    await ada.getByTestId('reveal').click();
    expect(await text(ada, 'card-back')).toBe(item.card.back);
    await ada.getByTestId('rate-good').click();
    await eventually(() => text(ada, 'next-due')).toMatch(/^Next review .+ \((learning|review)\)$/);
    await shot(ada, '12-flashcard-rated');
    // Scheduled into the future: the card has left the queue.
    expect((await queue()).some((entry) => entry.card.id === item.card.id)).toBe(false);

    // Live: Ada hosts, Ben and Cy play in their own browser contexts.
    await ada.goto(`${web.url}${roomPath}/quizzes/${encodeURIComponent(quizId)}/host`);
    await ada.locator('#seconds').fill('60');
    await ada.getByTestId('start-live').click();
    const joinCode = (await text(ada, 'join-code')).trim();
    expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
    const players: Array<[string, Page]> = [];
    const emails = new Map<string, string>();
    for (const name of ['Ben', 'Cy']) {
      const player = await newPage({ width: 420, height: 860 });
      emails.set(name, await signUp(player, name));
      await player.goto(`${web.url}/live`);
      await player.locator('#join-code').fill(joinCode.toLowerCase());
      // Keyboard only: Enter submits the join form.
      await player.locator('#join-code').press('Enter');
      await player.waitForURL(/\/live\/[^/]+$/);
      await eventually(() => text(player, 'live-state')).toBe('Lobby');
      players.push([name, player]);
    }
    await eventually(() => text(ada, 'participant-count')).toBe('2 joined');
    await shot(ada, '13-live-host-lobby');
    await ada.getByTestId('live-next').click();
    const first = questions[0]!;
    for (const tab of [ada, ...players.map(([, player]) => player)])
      await eventually(() => text(tab, 'live-prompt')).toBe(first.prompt);
    const [[, ben], [, cy]] = players as [[string, Page], [string, Page]];
    await shot(ben, '14-live-player-question');
    await ben.getByTestId('live-option').getByText(first.answer!, { exact: true }).click();
    const wrong = first.options.find((option) => option !== first.answer)!;
    await cy.getByTestId('live-option').getByText(wrong, { exact: true }).click();
    await eventually(() => text(ada, 'answered-count')).toBe('2 of 2 answered');
    await ada.getByTestId('live-next').click();
    await eventually(() => text(ben, 'live-verdict')).toBe('Correct!');
    expect(await text(cy, 'live-verdict')).toBe(`Not quite: it was ${first.answer}`);
    for (const tab of [ada, ben, cy]) {
      await eventually(() => tab.getByTestId('option-result').count()).toBe(first.options.length);
      const names = await tab.locator('[data-testid=leaderboard-row] .name').allInnerTexts();
      expect(names).toEqual(['Ben', 'Cy']);
    }
    expect(await text(ben, 'my-standing')).toMatch(/^You: #1 of 2 · \d+ points$/);
    await Promise.all([shot(ada, '15-live-host-reveal'), shot(ben, '16-live-player-reveal')]);

    // Members: Ada invites Ben and Cy from the room; each sees the invitation on their rooms screen.
    await ada.goto(`${web.url}${roomPath}/members`);
    expect(await ada.getByTestId('members').innerText()).toContain('Ada');
    for (const name of ['Ben', 'Cy']) {
      await ada.locator('#invite-email').fill(emails.get(name)!);
      await ada.locator('#invite-role').selectOption('VIEWER');
      await ada.getByTestId('invite').click();
      await eventually(() => ada.locator('[aria-labelledby=invite-heading] .notice').innerText()).toBe(
        `Invited ${emails.get(name)} as viewer`,
      );
    }
    await ada.reload();
    const memberRow = (email: string) => ada.getByTestId('members').locator('li', { hasText: email });
    expect(squash(await memberRow(emails.get('Ben')!).innerText())).toContain('viewer · invitation pending');
    await shot(ada, '17a-members-invited');
    for (const [, player] of players) {
      await player.goto(`${web.url}/rooms`);
      expect(squash(await text(player, 'invitation'))).toMatch(/^Rivers and lakes viewer Accept Decline$/);
      expect(await player.getByTestId('room-card').count()).toBe(0);
    }
    await shot(ben, '17b-rooms-invitation');
    // Ben accepts: the room joins his list. Cy declines: the invitation is gone and no room appears.
    await ben.getByTestId('accept-invitation').click();
    await eventually(() => ben.getByTestId('invitation').count()).toBe(0);
    await eventually(() => ben.getByTestId('room-card').count()).toBe(1);
    expect(squash(await text(ben, 'room-card'))).toContain('Rivers and lakes');
    await shot(ben, '17c-rooms-accepted');
    await cy.getByTestId('decline-invitation').click();
    await eventually(() => cy.getByTestId('invitation').count()).toBe(0);
    await cy.reload();
    expect(await cy.getByTestId('invitation').count()).toBe(0);
    expect(await cy.getByTestId('room-card').count()).toBe(0);
    // The owner's list: Ben is an active viewer now, Cy's invitation is gone.
    await ada.reload();
    expect(squash(await memberRow(emails.get('Ben')!).innerText())).toMatch(/^Ben .+ viewer$/);
    expect(await memberRow(emails.get('Cy')!).count()).toBe(0);
    await shot(ada, '17-members');
    // The API still sees only bearer tokens: the page's session works for direct API calls too.
    expect(
      (await request(api.url, ConversationDocument, { id: conversationId }, adaToken)).errors,
    ).toBeUndefined();
  }, 300_000);

  describe('with an OpenAI-compatible model streaming the answer', () => {
    let fake: FakeOpenAI;
    let streamingApi: TestServer;
    let streamingWeb: WebApp;
    const ANSWER =
      'Lake Baikal holds about twenty percent of the unfrozen fresh water on the surface of the Earth [1]. ' +
      'It lies in Siberia, and its water is famously clear in winter and summer alike [1]. ' +
      'It is the deepest lake in the world, more than one and a half kilometres at its deepest point, ' +
      'and one of the oldest, formed some twenty-five million years ago in a rift valley [1].';

    beforeAll(async () => {
      fake = await startFakeOpenAI();
      // Chat answers stream a word every 40 ms; everything else (condensing) gets a short reply.
      fake.setResponder((body) =>
        body.stream
          ? { kind: 'stream', tokens: ANSWER.match(/\S+\s*/g)!, delayMs: 40 }
          : { kind: 'json', content: 'Lake Baikal' },
      );
      streamingApi = await startTestServer({ OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test' });
      streamingWeb = await startWebApp({ apiUrl: streamingApi.url });
    }, 120_000);
    afterAll(async () => {
      await streamingWeb?.stop();
      await streamingApi?.close();
      await fake?.close();
    });

    it('renders tokens as they arrive, survives a dropped WebSocket by resuming, and nothing shifts', async () => {
      const page = await newPage();
      await signUp(page, 'Dana', streamingWeb);
      await page.locator('#room-name').fill('Lakes');
      await page.getByTestId('create-room').click();
      await page.waitForURL(/\/rooms\/[^/]+$/);
      await page.getByTestId('file-input').setInputFiles({
        name: 'lakes.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(await makePdf(PAGES)),
      });
      await page.getByTestId('upload').click();
      await eventually(() => page.getByTestId('document').first().getAttribute('data-status'), {
        timeout: 60_000,
      }).toBe('READY');

      // Once the answer is under way, the test drops the page's WebSocket (close 1012, service restart) after the
      // twelfth streamed event: graphql-ws reconnects, re-subscribes, and the API resends the text so far.
      let connections = 0;
      let cut = false;
      await page.routeWebSocket(/\/graphql$/, (ws) => {
        connections++;
        const server = ws.connectToServer();
        let streamed = 0;
        server.onMessage((message) => {
          if (
            !cut &&
            typeof message === 'string' &&
            message.includes('"messageStream"') &&
            ++streamed === 6
          ) {
            cut = true;
            void ws.close({ code: 1012, reason: 'dropped by the test' });
            return;
          }
          ws.send(message);
        });
      });
      await page.goto(`${new URL(page.url()).href}/chat`);
      await page.getByTestId('question-input').fill('How much fresh water does Lake Baikal hold?');
      await page.getByTestId('ask').click();
      await page.waitForURL(/\/chat\/[^/]+$/);
      const shiftsBefore = await page.evaluate(
        () => (window as unknown as { layoutShifts: number[] }).layoutShifts.length,
      );
      // Every length the answer's text had on screen, recorded by the page as the DOM changes.
      await page.evaluate(() => {
        const lengths: number[] = [];
        (window as unknown as { answerLengths: number[] }).answerLengths = lengths;
        new MutationObserver(() => {
          const length = document.querySelector('[data-testid=answer-text]')?.textContent?.length;
          if (length !== undefined && length !== lengths.at(-1)) lengths.push(length);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await eventually(() => page.getByTestId('answer').first().getAttribute('data-status')).toBe(
        'STREAMING',
      );
      await eventually(() => page.getByTestId('answer-text').first().innerText()).toMatch(/\S+ \S+ \S+/);
      await shot(page, '18-chat-streaming');
      await eventually(() => page.getByTestId('answer').first().getAttribute('data-status'), {
        timeout: 30_000,
      }).toBe('COMPLETE');
      const lengths = await page.evaluate(
        () => (window as unknown as { answerLengths: number[] }).answerLengths,
      );
      const shown = squash(await text(page, 'answer-text'));
      expect(shown).toBe(squash(ANSWER.replace(/\[(\d+)\]/g, '$1')));
      // Tokens arrived over time (many partial texts), the text never went backwards, and it came
      // through a second connection after the drop, with nothing lost or doubled.
      expect(new Set(lengths.filter((length) => length > 0 && length < shown.length)).size).toBeGreaterThan(
        5,
      );
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
      expect(cut).toBe(true);
      expect(connections).toBeGreaterThan(1);
      const shifts = await page.evaluate(
        (from) => (window as unknown as { layoutShifts: number[] }).layoutShifts.slice(from),
        shiftsBefore,
      );
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
      await eventually(() => page.getByTestId('citation').count()).toBeGreaterThan(0);
    }, 180_000);
  });
});
