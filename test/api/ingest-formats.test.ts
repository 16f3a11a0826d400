/**
 * The formats beyond PDF and Word through the public API, each with fixtures the tests build: a lecture deck
 * (.pptx), a photo of a handout (PNG, and a JPEG stored sideways with an EXIF orientation), a saved web page,
 * Markdown notes and an EPUB with and without the print edition's page list. Each goes upload → READY →
 * search → cited answer, and the slide or page, heading and highlight of what is cited are checked.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentChunksDocument, SearchDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser } from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { uploadFile, waitForDocument } from '../helpers/documents.ts';
import {
  BOOK,
  LECTURE_DECK,
  MARKDOWN_NOTES,
  makeDeck,
  makeEpub,
  savedWebPage,
  textPng,
} from '../helpers/format-fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: Actor;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server.url, 'Formats Owner');
});
afterAll(() => server.close());

interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ChunkNode {
  text: string;
  pageStart: number;
  pageEnd: number;
  pageLabelStart: string;
  headingPath: string[];
  highlights: Box[];
}

const enc = new TextEncoder();

/** Uploads into a fresh room and waits for the document to finish. */
async function ingest(bytes: Uint8Array, filename: string, timeoutMs = 60_000) {
  const roomId = (await createRoom(server.url, owner, filename)).id;
  const upload = await uploadFile(server.url, owner.token, roomId, bytes, filename);
  expect(upload.body.errors).toBeUndefined();
  const id = upload.body.data!.uploadDocument.id;
  const document = await waitForDocument(server.url, owner.token, id, timeoutMs);
  return { roomId, id, document };
}

async function chunksOf(id: string): Promise<ChunkNode[]> {
  const result = await call(server.url, DocumentChunksDocument, { id, first: 100 }, owner.token);
  return (result.node as { chunks: { edges: Array<{ node: ChunkNode }> } }).chunks.edges.map((e) => e.node);
}

async function citedAnswer(roomId: string, question: string) {
  const conversation = await startConversation(server.url, owner.token, roomId, question);
  const message = await ask(server.url, owner.token, conversation.id, question);
  const events = await collectStream(server.wsUrl, owner.token, message.id);
  const final = events.at(-1)!.message!;
  expect(final.status).toBe('COMPLETE');
  return final.citations;
}

async function topHit(roomId: string, query: string) {
  const { search } = await call(server.url, SearchDocument, { roomId, query, limit: 3 }, owner.token);
  return search[0]!.chunk as ChunkNode;
}

describe('PowerPoint', () => {
  it('makes a page per visible slide, titles as headings, shapes in reading order, notes kept, boxes from the shapes', async () => {
    const { roomId, id, document } = await ingest(await makeDeck(LECTURE_DECK), 'lecture.pptx');
    expect(document).toMatchObject({
      status: 'READY',
      mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      // Four slides, the second hidden.
      pageCount: 3,
      pageCountEstimated: false,
      ocrPageCount: 0,
    });
    const chunks = await chunksOf(id);
    const all = chunks.map((c) => c.text).join('\n');
    expect(all).not.toContain('quasars');

    const calvin = chunks.find((c) => c.text.includes('RuBisCO'))!;
    // Physical page 2 is the deck's slide 3: the label is the number PowerPoint shows.
    expect(calvin).toMatchObject({ pageStart: 2, pageLabelStart: '3' });
    expect(calvin.headingPath[0]).toBe('The Calvin cycle');
    // The left column reads before the right one although it was added later; the footnote below both.
    const left = calvin.text.indexOf('Left column');
    const right = calvin.text.indexOf('Right column');
    const foot = calvin.text.indexOf('Footnote');
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left).toBeLessThan(right);
    expect(right).toBeLessThan(foot);
    const notes = chunks.find((c) => c.text.includes('does not need light directly'))!;
    // Notes stay with their slide, after a "Speaker notes" heading that marks them.
    expect(notes).toMatchObject({ pageStart: 2, pageEnd: 2 });
    expect(notes.text).toMatch(/Footnote[\s\S]*\n\nSpeaker notes\n\nRemind students/);

    // The right column's text box: x 5.2 in, y 1.5 in, 4.3 × 2 in on a 10 × 5.625 in slide.
    const rightBox = calvin.highlights.find((b) => Math.abs(b.x - 0.52) < 0.01)!;
    expect(rightBox).toMatchObject({ page: 2 });
    expect(rightBox.y).toBeCloseTo(1.5 / 5.625, 2);
    expect(rightBox.height).toBeCloseTo(2 / 5.625, 2);

    const table = chunks.find((c) => c.text.includes('Carotenoids | blue-green'))!;
    expect(table).toMatchObject({ pageStart: 3, pageLabelStart: '4', headingPath: ['Pigments'] });

    const hit = await topHit(roomId, 'RuBisCO fixes carbon dioxide');
    expect(hit.text).toContain('RuBisCO');
    const citations = await citedAnswer(roomId, 'Which enzyme fixes carbon dioxide in the Calvin cycle?');
    const cited = citations.find((c) => c.quote.includes('RuBisCO'));
    expect(cited, JSON.stringify(citations)).toMatchObject({ pageStart: 2, pageLabel: '3' });
    expect(cited!.headingPath[0]).toBe('The Calvin cycle');
    expect(cited!.highlights.length).toBeGreaterThan(0);
    for (const box of cited!.highlights) {
      expect(box.page).toBe(2);
      expect(box.x).toBeGreaterThanOrEqual(0.52 - 1e-3);
      expect(box.y).toBeCloseTo(1.5 / 5.625, 2);
    }
  }, 120_000);
});

describe('images', () => {
  const handout = [
    'Mitochondria produce ATP by aerobic respiration.',
    'Ribosomes translate messenger RNA into protein.',
  ];

  it('reads a photo of a handout with OCR into one page whose words are highlighted', async () => {
    const { roomId, document } = await ingest(await textPng(handout), 'handout.png', 120_000);
    expect(document).toMatchObject({
      status: 'READY',
      mimeType: 'image/png',
      pageCount: 1,
      ocrPageCount: 1,
    });
    const hit = await topHit(roomId, 'ribosomes translate messenger RNA');
    expect(hit.text).toContain('Ribosomes translate messenger RNA into protein.');
    expect(hit.pageStart).toBe(1);
    // textPng draws line i with its baseline at 100 + 80 i px of a 280 px tall, 1,400 px wide image.
    const lines = [...hit.highlights].sort((a, b) => a.y - b.y);
    expect(lines).toHaveLength(2);
    for (const [i, box] of lines.entries()) {
      expect(box.page).toBe(1);
      expect(box.x).toBeCloseTo(80 / 1400, 1);
      expect(box.y).toBeLessThan((100 + 80 * i) / 280);
      expect(box.y + box.height).toBeGreaterThan((100 + 80 * i - 20) / 280);
    }
    const citations = await citedAnswer(roomId, 'What do mitochondria produce?');
    const cited = citations.find((c) => c.quote.includes('Mitochondria'));
    expect(cited, JSON.stringify(citations)).toMatchObject({ pageStart: 1, pageLabel: '1' });
    expect(cited!.highlights.length).toBeGreaterThan(0);
  }, 180_000);

  it('turns a sideways JPEG upright from its EXIF orientation before reading it', async () => {
    const png = await textPng(['Photosynthesis turns light into chemical energy.']);
    // Stored rotated a quarter turn; orientation 6 tells viewers to turn it back clockwise.
    const sideways = await sharp(png)
      .rotate(-90)
      .jpeg({ quality: 92 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { document, id } = await ingest(new Uint8Array(sideways), 'IMG_2041.jpg', 120_000);
    expect(document).toMatchObject({ status: 'READY', mimeType: 'image/jpeg', pageCount: 1 });
    const text = (await chunksOf(id)).map((c) => c.text).join(' ');
    expect(text).toContain('Photosynthesis turns light into chemical energy');
  }, 180_000);
});

describe('web pages and Markdown', () => {
  it('keeps the article of a saved web page with its headings, lists and table, and drops the rest', async () => {
    const { roomId, id, document } = await ingest(enc.encode(savedWebPage()), 'Plate tectonics.html');
    expect(document).toMatchObject({
      status: 'READY',
      mimeType: 'text/html',
      pageCount: 1,
      pageCountEstimated: true,
    });
    const chunks = await chunksOf(id);
    const all = chunks.map((c) => c.text).join('\n');
    for (const dropped of ['cookies', 'Sign in', 'Volcano quiz', 'Copyright', 'analytics', 'font-family'])
      expect(all).not.toContain(dropped);
    expect(all).toContain('- Convergent boundaries build mountains and trenches.');
    expect(all).toContain('Seafloor magnetic stripes | Vine and Matthews');
    const wegener = chunks.find((c) => c.text.includes('Wegener'))!;
    expect(wegener.headingPath).toEqual(['Plate tectonics', 'Evidence']);

    const citations = await citedAnswer(roomId, 'What forms at mid-ocean ridges?');
    const cited = citations.find((c) => c.quote.includes('mid-ocean ridges'));
    expect(cited, JSON.stringify(citations)).toMatchObject({ pageStart: 1 });
    expect(cited!.headingPath[0]).toBe('Plate tectonics');
  }, 120_000);

  it('reads Markdown headings as the heading path and keeps lists and tables', async () => {
    const { id, document } = await ingest(enc.encode(MARKDOWN_NOTES), 'genetics.md');
    expect(document).toMatchObject({ status: 'READY', mimeType: 'text/markdown' });
    const chunks = await chunksOf(id);
    const all = chunks.map((c) => c.text).join('\n');
    expect(all).toContain('- A dominant allele masks a recessive one.');
    expect(all).toContain('Father | Aa');
    expect(all).not.toContain('**');
    const punnett = chunks.find((c) => c.text.includes('three to one ratio'))!;
    expect(punnett.headingPath).toEqual(['Genetics', 'Punnett squares']);
  }, 60_000);
});

describe('EPUB', () => {
  it('labels pages from the book’s page list and titles chapters from the table of contents', async () => {
    const { roomId, id, document } = await ingest(makeEpub(BOOK, { pageList: true }), 'biology.epub');
    expect(document).toMatchObject({
      status: 'READY',
      mimeType: 'application/epub+zip',
      pageCount: 4,
      pageCountEstimated: false,
    });
    const chunks = await chunksOf(id);
    const fermentation = chunks.find((c) => c.text.includes('Fermentation'))!;
    expect(fermentation).toMatchObject({ pageStart: 4, pageLabelStart: '4' });
    expect(fermentation.headingPath).toEqual(['Energy']);
    const citations = await citedAnswer(roomId, 'What does fermentation regenerate when oxygen is absent?');
    const cited = citations.find((c) => c.quote.includes('Fermentation'));
    expect(cited, JSON.stringify(citations)).toMatchObject({ pageStart: 4, pageLabel: '4' });
    expect(cited!.headingPath).toEqual(['Energy']);
  }, 120_000);

  it('makes each chapter a page, in spine order, and says the count is estimated without a page list', async () => {
    const { id, document } = await ingest(makeEpub(BOOK), 'biology-no-pages.epub');
    expect(document).toMatchObject({ status: 'READY', pageCount: 2, pageCountEstimated: true });
    const chunks = await chunksOf(id);
    const cells = chunks.find((c) => c.text.includes('phospholipid bilayer'))!;
    const energy = chunks.find((c) => c.text.includes('Mitochondria release energy'))!;
    expect(cells).toMatchObject({ pageStart: 1, headingPath: ['Cells'] });
    expect(energy).toMatchObject({ pageStart: 2, headingPath: ['Energy'] });
  }, 60_000);
});
