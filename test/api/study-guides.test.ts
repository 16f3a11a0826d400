/**
 * Study guides through the real server: key points per section (headings where the document has them),
 * each cited and checked like an answer, streamed over WebSocket (current text first) and stored; private
 * to a viewer who made one for themselves; the LLM path against the test-owned compatible server.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GenerateStudyGuideDocument,
  RoomStudyGuidesDocument,
  StudyGuideDocument,
  StudyGuideStreamDocument,
  type StudyGuideStreamSubscription,
} from '../generated/operations.ts';
import {
  type Actor,
  addMember,
  call,
  createRoom,
  createUser,
  errorCode,
  request,
  wsClient,
} from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

type StreamEvent = StudyGuideStreamSubscription['studyGuideStream'];

const NOTES = `# Cell biology

## Photosynthesis

Photosynthesis is the process by which green plants convert light energy into chemical energy.
Chlorophyll is a green pigment that absorbs red and blue light inside the chloroplasts of plant cells.
The Calvin cycle fixes carbon dioxide into sugar in the stroma of the chloroplast during daylight.
Plants release oxygen as a by-product when water molecules are split during the light reactions.

## Cellular respiration

Cellular respiration refers to the chain of reactions that break down glucose to release energy.
Mitochondria are organelles that release most of the chemical energy a cell needs from glucose.
Glycolysis splits one glucose molecule into two molecules of pyruvate in the cytoplasm of the cell.
Without oxygen, many cells switch to fermentation and produce lactic acid or ethanol instead.
`;

const PAGES = [
  [
    'The Treaty of Tordesillas divided newly discovered lands between Portugal and Castile in 1494.',
    'Vasco da Gama reached Calicut in India in 1498 after sailing around the southern tip of Africa.',
  ],
  [
    'Ferdinand Magellan led the first expedition to circumnavigate the globe, which left Seville in 1519.',
    'Juan Sebastián Elcano completed the circumnavigation in 1522 with only eighteen surviving sailors.',
  ],
];

async function upload(
  server: TestServer,
  owner: Actor,
  roomId: string,
  bytes: Uint8Array,
  name: string,
  title: string,
) {
  const result = await uploadFile(server.url, owner.token, roomId, bytes, name, { title });
  const document = await waitForDocument(server.url, owner.token, result.body.data!.uploadDocument.id);
  expect(document.status).toBe('READY');
  return document.id;
}

/** Follows studyGuideStream to its end, rebuilding the text from deltas as a client would. */
async function follow(server: TestServer, token: string, id: string) {
  const client = wsClient(server.wsUrl, token);
  const events: StreamEvent[] = [];
  let text = '';
  try {
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: print(StudyGuideStreamDocument), variables: { id } },
        {
          next: (value) => {
            if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
            const event = (value.data as StudyGuideStreamSubscription).studyGuideStream;
            events.push(event);
            text = event.reset ? event.content : text + event.delta;
          },
          error: reject,
          complete: resolve,
        },
      );
    });
  } finally {
    await client.dispose();
  }
  return { events, text };
}

async function loadGuide(server: TestServer, token: string, id: string) {
  const { node } = await call(server.url, StudyGuideDocument, { id }, token);
  if (node?.__typename !== 'StudyGuide') throw new Error(`guide ${id} not visible`);
  return node;
}

describe('offline study guides', () => {
  let server: TestServer;
  let owner: Actor;
  let viewer: Actor;
  let other: Actor;
  let outsider: Actor;
  let roomId: string;
  let notesId: string;
  let pdfId: string;

  beforeAll(async () => {
    server = await startTestServer();
    [owner, viewer, other, outsider] = await Promise.all(
      ['Owner', 'Viewer', 'Other', 'Outsider'].map((name) => createUser(server.url, name)),
    );
    roomId = (await createRoom(server.url, owner, 'Science')).id;
    await addMember(server.url, owner, roomId, viewer, 'VIEWER');
    await addMember(server.url, owner, roomId, other, 'VIEWER');
    notesId = await upload(server, owner, roomId, new TextEncoder().encode(NOTES), 'cells.md', 'Cell notes');
    pdfId = await upload(server, owner, roomId, await makePdf(PAGES), 'voyages.pdf', 'Voyages');
  });
  afterAll(() => server.close());

  it('lets a viewer make a private guide, streamed, with cited key points per section', async () => {
    const { generateStudyGuide } = await call(
      server.url,
      GenerateStudyGuideDocument,
      { input: { roomId, documentIds: [notesId, pdfId] } },
      viewer.token,
    );
    expect(generateStudyGuide).toMatchObject({ status: 'GENERATING', private: true });
    const { events, text } = await follow(server, viewer.token, generateStudyGuide.id);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ done: true, status: 'READY', studyGuide: { status: 'READY' } });
    expect(events[0]!.studyGuide).not.toBeNull();

    const guide = await loadGuide(server, viewer.token, generateStudyGuide.id);
    expect(text).toBe(guide.content);
    expect(guide.engine).toBe('offline-extractive');
    const headings = guide.sections.map((section) => section.heading);
    expect(headings).toEqual(expect.arrayContaining(['Photosynthesis', 'Cellular respiration']));
    expect(guide.sections.some((s) => s.document?.id === pdfId && /^Pages? \d/.test(s.heading))).toBe(true);
    for (const section of guide.sections) {
      expect(section.points.length).toBeGreaterThan(0);
      expect(section.points.length).toBeLessThanOrEqual(4);
      expect(guide.content).toContain(`## ${section.heading}`);
      for (const point of section.points) {
        expect(point.citations.length).toBeGreaterThan(0);
        expect(point.text).not.toMatch(/\[\d+\]/);
        expect(guide.content).toContain(point.text);
        for (const citation of point.citations) {
          expect(citation.chunk!.text).toContain(citation.quote);
          expect(citation.quote.split(' ').length).toBeGreaterThanOrEqual(4);
          expect(citation.document!.id).toBe(section.document!.id);
          expect(guide.content).toContain(`[${citation.index}]`);
          expect(citation.pageStart).toBeGreaterThanOrEqual(section.pageStart);
        }
      }
    }
    const photosynthesis = guide.sections.find((s) => s.heading === 'Photosynthesis')!;
    expect(photosynthesis.points.map((p) => p.text).join(' ')).toMatch(/Photosynthesis is the process/);
    expect(photosynthesis.points[0]!.citations[0]!.chunk!.headingPath).toContain('Photosynthesis');

    // A late subscriber gets the whole stored text at once, and the stream ends.
    const late = await follow(server, viewer.token, generateStudyGuide.id);
    expect(late.events).toHaveLength(1);
    expect(late.events[0]).toMatchObject({ done: true, content: guide.content, delta: guide.content });

    // Private: nobody else sees it, in the room list, by id or by subscription.
    for (const actor of [owner, other]) {
      await expect(loadGuide(server, actor.token, generateStudyGuide.id)).rejects.toThrow(/not visible/);
      const listed = (await call(server.url, RoomStudyGuidesDocument, { id: roomId }, actor.token)).room
        .studyGuides;
      expect(listed.edges.some((e) => e.node.id === generateStudyGuide.id)).toBe(false);
      await expect(follow(server, actor.token, generateStudyGuide.id)).rejects.toThrow(/NOT_FOUND/);
    }
    const mine = (await call(server.url, RoomStudyGuidesDocument, { id: roomId }, viewer.token)).room
      .studyGuides;
    expect(mine.edges.map((e) => e.node.id)).toContain(generateStudyGuide.id);
  });

  it("shares an editor's or owner's guide with the room; outsiders get nothing", async () => {
    const { generateStudyGuide } = await call(
      server.url,
      GenerateStudyGuideDocument,
      { input: { roomId, documentIds: [notesId] } },
      owner.token,
    );
    expect(generateStudyGuide.private).toBe(false);
    const { events } = await follow(server, viewer.token, generateStudyGuide.id);
    expect(events.at(-1)!.status).toBe('READY');
    expect((await loadGuide(server, other.token, generateStudyGuide.id)).sections.length).toBeGreaterThan(0);
    const input = { input: { roomId } };
    expect(errorCode(await request(server.url, GenerateStudyGuideDocument, input, outsider.token))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await request(server.url, GenerateStudyGuideDocument, input))).toBe('UNAUTHENTICATED');
    const foreign = await request(
      server.url,
      GenerateStudyGuideDocument,
      { input: { roomId, documentIds: [roomId] } },
      owner.token,
    );
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
  });
});

describe('LLM study guides through the OpenAI-compatible path', () => {
  let fake: FakeOpenAI;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    fake.setResponder((body) => {
      if (body.response_format?.json_schema?.name !== 'study_guide_points')
        return { kind: 'stream', tokens: ['ok'] };
      return {
        kind: 'json',
        content: JSON.stringify({
          points: [
            {
              text: 'Photosynthesis converts light energy into chemical energy in green plants.',
              sources: [1],
            },
            { text: 'The moon is made of green cheese and orbits Jupiter every week.', sources: [1] },
            { text: 'Chlorophyll absorbs red and blue light inside chloroplasts.', sources: [7] },
          ],
        }),
      };
    });
    server = await startTestServer({
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'test',
      CHAT_MODEL: 'guide-model',
    });
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
  });

  it('keeps only points supported by the passages they cite', async () => {
    const owner = await createUser(server.url, 'Owner');
    const roomId = (await createRoom(server.url, owner)).id;
    const notesId = await upload(
      server,
      owner,
      roomId,
      new TextEncoder().encode(NOTES),
      'cells.md',
      'Cell notes',
    );
    const { generateStudyGuide } = await call(
      server.url,
      GenerateStudyGuideDocument,
      { input: { roomId, documentIds: [notesId] } },
      owner.token,
    );
    const { events } = await follow(server, owner.token, generateStudyGuide.id);
    expect(events.at(-1)!.status).toBe('READY');
    const guide = await loadGuide(server, owner.token, generateStudyGuide.id);
    expect(guide.engine).toBe('openai:guide-model');
    const points = guide.sections.flatMap((s) => s.points);
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) {
      expect(point.text).toBe('Photosynthesis converts light energy into chemical energy in green plants.');
      expect(point.citations[0]!.chunk!.text).toContain(point.citations[0]!.quote);
    }
    expect(guide.content).not.toContain('green cheese');
    expect(guide.content).not.toContain('Chlorophyll absorbs');
  });
});
