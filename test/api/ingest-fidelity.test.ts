/**
 * Source fidelity through the public API: scanned pages read by OCR (progress stage OCR, ocrPageCount),
 * printed page labels and quote highlights on search hits and citations, Word pages from recorded breaks.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentChunksDocument,
  DocumentProgressDocument,
  GenerateQuizDocument,
  SearchDocument,
  StartQuizAttemptDocument,
  SubmitAnswerDocument,
} from '../generated/operations.ts';
import { type Actor, addMember, call, createRoom, createUser, wsClient } from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { uploadFile, waitForDocument } from '../helpers/documents.ts';
import { labelledPdf, renderedBreaksDocx, scannedPdf } from '../helpers/fidelity-fixtures.ts';
import { followQuiz, loadQuiz } from '../helpers/quizzes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server.url, 'Fidelity Owner');
});
afterAll(() => server.close());

interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function upload(roomId: string, bytes: Uint8Array, name: string) {
  const result = await uploadFile(server.url, owner.token, roomId, bytes, name);
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.uploadDocument.id;
}

/** Every documentProgress event until the subscription completes (READY or FAILED). */
async function progressOf(documentId: string) {
  const client = wsClient(server.wsUrl, owner.token);
  const events: Array<{ stage: string; progress: number; message: string | null }> = [];
  try {
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: print(DocumentProgressDocument), variables: { documentId } },
        {
          next: (value) => {
            if (value.errors) reject(new Error(JSON.stringify(value.errors)));
            else events.push((value.data as { documentProgress: (typeof events)[number] }).documentProgress);
          },
          error: reject,
          complete: resolve,
        },
      );
    });
  } finally {
    await client.dispose();
  }
  return events;
}

const inside = (inner: Box, outer: Box) =>
  inner.page === outer.page &&
  inner.x >= outer.x - 1e-3 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-3 &&
  Math.abs(inner.y - outer.y) < 1e-3;

describe('scanned PDFs', () => {
  it('reads a scan with OCR, reports the OCR stage, names the blank page, and its hits carry highlights', async () => {
    const roomId = (await createRoom(server.url, owner, 'Scans')).id;
    const bytes = await scannedPdf([
      ['Capillary action lifts water up narrow glass tubes.', 'Surface tension holds droplets together.'],
      [],
    ]);
    const id = await upload(roomId, bytes, 'scan.pdf');
    const events = await progressOf(id);
    expect(events.some((e) => e.stage === 'OCR' && e.message === 'OCR: page 2 of 2 read')).toBe(true);
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const document = await waitForDocument(server.url, owner.token, id);
    expect(document).toMatchObject({
      status: 'READY',
      pageCount: 2,
      ocrPageCount: 1,
      pageCountEstimated: false,
      warning: 'page 2 has no readable text, even with OCR.',
    });

    const { search } = await call(
      server.url,
      SearchDocument,
      { roomId, query: 'capillary action water tubes', limit: 3 },
      owner.token,
    );
    const hit = search[0]!.chunk;
    expect(hit.text).toContain('Capillary action lifts water up narrow glass tubes.');
    expect(hit.pageLabelStart).toBe('1');
    expect(hit.highlights).toHaveLength(2);
    for (const box of hit.highlights) {
      expect(box.page).toBe(1);
      // Typeset at x = 72 pt of 612, the first baseline 700 pt up a 792 pt page.
      expect(box.x).toBeCloseTo(72 / 612, 1);
      expect(box.width).toBeGreaterThan(0.2);
      expect(box.y).toBeGreaterThan(0.08);
      expect(box.y).toBeLessThan(0.2);
    }
  }, 120_000);

  it('fails a scan with no readable page, saying which pages', async () => {
    const roomId = (await createRoom(server.url, owner, 'Blank scans')).id;
    const id = await upload(roomId, await scannedPdf([[], []]), 'blank.pdf');
    const document = await waitForDocument(server.url, owner.token, id, 120_000);
    expect(document.status).toBe('FAILED');
    expect(document.error).toContain('No readable text, even with OCR: pages 1–2');
  }, 120_000);
});

describe('page labels and quote highlights', () => {
  const sentence = (n: number) => [
    `Physical page ${n} explains how ${['enzymes', 'ribosomes', 'chloroplasts', 'neurons', 'glaciers'][n - 1]} work in detail.`,
    `A second line of page ${n} adds background that the quote does not need.`,
    ...Array.from(
      { length: 14 },
      (_, i) => `Filler line ${i} of page ${n} keeps each page long enough to stand alone.`,
    ),
  ];

  it('cites the printed page label and highlights only the quote’s part of the chunk', async () => {
    const roomId = (await createRoom(server.url, owner, 'Textbook')).id;
    const id = await upload(roomId, await labelledPdf(2, 3, sentence), 'textbook.pdf');
    const document = await waitForDocument(server.url, owner.token, id);
    expect(document).toMatchObject({ status: 'READY', pageCount: 5, ocrPageCount: 0 });

    const chunks = await call(server.url, DocumentChunksDocument, { id, first: 50 }, owner.token);
    const nodes = (
      chunks.node as {
        chunks: { edges: Array<{ node: { text: string; pageLabelStart: string; highlights: Box[] } }> };
      }
    ).chunks.edges.map((e) => e.node);
    expect(nodes.map((n) => n.pageLabelStart)[0]).toBe('i');
    const allBoxes = nodes.flatMap((n) => n.highlights);
    expect(allBoxes.length).toBeGreaterThanOrEqual(10);

    const conversation = await startConversation(server.url, owner.token, roomId, 'Chloroplasts');
    const message = await ask(server.url, owner.token, conversation.id, 'How do chloroplasts work?');
    const events = await collectStream(server.wsUrl, owner.token, message.id);
    const final = events.at(-1)!.message!;
    expect(final.status).toBe('COMPLETE');
    const citation = final.citations.find((c) => c.quote.includes('chloroplasts'));
    expect(citation, JSON.stringify(final.citations)).toBeDefined();
    // Physical page 3 is the first page of the body: its printed label is "1".
    expect(citation).toMatchObject({ pageStart: 3, pageLabel: '1', headingPath: [] });
    expect(citation!.highlights.length).toBeGreaterThan(0);
    const lineOfQuote = allBoxes.find(
      (b) => b.page === 3 && Math.abs(b.y - citation!.highlights[0]!.y) < 1e-3,
    );
    expect(lineOfQuote).toBeDefined();
    for (const box of citation!.highlights) {
      expect(box.page).toBe(3);
      expect(
        allBoxes.some((line) => inside(box, line)),
        JSON.stringify(box),
      ).toBe(true);
    }
    // Only the quote's lines: the line about "background" is not highlighted unless quoted.
    if (!citation!.quote.includes('background')) expect(citation!.highlights).toHaveLength(1);
  }, 120_000);

  it('gives a quiz question’s evidence its page label and the quote’s boxes, as a citation’s', async () => {
    const roomId = (await createRoom(server.url, owner, 'Labelled quiz')).id;
    const id = await upload(roomId, await labelledPdf(2, 3, sentence), 'labelled.pdf');
    await waitForDocument(server.url, owner.token, id);
    const chunks = await call(server.url, DocumentChunksDocument, { id, first: 50 }, owner.token);
    const lines = (
      chunks.node as { chunks: { edges: Array<{ node: { highlights: Box[] } }> } }
    ).chunks.edges.flatMap((e) => e.node.highlights);

    const { generateQuiz } = await call(
      server.url,
      GenerateQuizDocument,
      { input: { roomId, questionCount: 3, kinds: ['MULTIPLE_CHOICE'] } },
      owner.token,
    );
    await followQuiz(server.wsUrl, owner.token, generateQuiz.id);
    const quiz = await loadQuiz(server.url, owner.token, generateQuiz.id);
    expect(quiz.questions.edges.length).toBeGreaterThan(0);
    const located = (evidence: {
      pageStart: number;
      pageEnd: number;
      pageLabel: string;
      highlights: Box[];
    }) => {
      // Physical pages 1-2 are labelled i, ii; the body from page 3 counts 1, 2, 3.
      expect(evidence.pageLabel).toBe(
        evidence.pageStart <= 2 ? ['i', 'ii'][evidence.pageStart - 1] : String(evidence.pageStart - 2),
      );
      expect(evidence.highlights.length).toBeGreaterThan(0);
      for (const box of evidence.highlights) {
        expect(box.page).toBeGreaterThanOrEqual(evidence.pageStart);
        expect(box.page).toBeLessThanOrEqual(evidence.pageEnd);
        expect(
          lines.some((line) => inside(box, line)),
          JSON.stringify(box),
        ).toBe(true);
      }
    };
    for (const { node: question } of quiz.questions.edges) located(question.evidence!);

    // A viewer sees no evidence before answering; the answer's feedback then carries the same location.
    const viewer = await createUser(server.url, 'Fidelity Viewer');
    await addMember(server.url, owner, roomId, viewer, 'VIEWER');
    const before = await loadQuiz(server.url, viewer.token, generateQuiz.id);
    expect(before.questions.edges.map(({ node }) => node.evidence)).toEqual(
      quiz.questions.edges.map(() => null),
    );
    const first = quiz.questions.edges[0]!.node;
    const { startQuizAttempt } = await call(
      server.url,
      StartQuizAttemptDocument,
      { quizId: generateQuiz.id },
      viewer.token,
    );
    const { submitAnswer } = await call(
      server.url,
      SubmitAnswerDocument,
      { input: { attemptId: startQuizAttempt.id, questionId: first.id, answer: 'not the answer 42' } },
      viewer.token,
    );
    expect(submitAnswer.evidence).toMatchObject({
      quote: first.evidence!.quote,
      pageLabel: first.evidence!.pageLabel,
      highlights: first.evidence!.highlights,
    });
    located(submitAnswer.evidence!);
  }, 120_000);
});

describe('Word pages', () => {
  it('numbers pages from the breaks Word rendered, and says when pages are estimated', async () => {
    const roomId = (await createRoom(server.url, owner, 'Word')).id;
    const pages = [
      ['Mitosis divides one nucleus into two identical nuclei.'],
      ['Meiosis halves the chromosome number for gametes.'],
      ['Cytokinesis splits the cytoplasm after mitosis.'],
    ];
    const rendered = await upload(roomId, renderedBreaksDocx(pages), 'rendered.docx');
    const document = await waitForDocument(server.url, owner.token, rendered);
    expect(document).toMatchObject({ status: 'READY', pageCount: 3, pageCountEstimated: false });
    const chunks = await call(server.url, DocumentChunksDocument, { id: rendered, first: 10 }, owner.token);
    const nodes = (
      chunks.node as {
        chunks: { edges: Array<{ node: { text: string; pageStart: number; pageEnd: number } }> };
      }
    ).chunks.edges.map((e) => e.node);
    const meiosis = nodes.find((n) => n.text.includes('Meiosis'));
    expect(meiosis).toMatchObject({ pageStart: 1, pageEnd: 3 });

    const plain = await upload(roomId, renderedBreaksDocx(pages, { rendered: false }), 'plain.docx');
    expect(await waitForDocument(server.url, owner.token, plain)).toMatchObject({
      status: 'READY',
      pageCount: 1,
      pageCountEstimated: true,
    });
  }, 60_000);
});
