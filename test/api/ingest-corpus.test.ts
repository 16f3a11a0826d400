import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentChunksDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { CORPUS_DIR, describeCorpus } from '../unit/ingest/fixtures.ts';

let server: TestServer;
let owner: Actor;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server.url, 'Corpus Owner');
});
afterAll(() => server.close());

interface ChunkRow {
  text: string;
  pageStart: number;
  pageEnd: number;
}

/** Uploads over multipart and waits for READY/FAILED; throws if the upload itself is refused. */
async function ingest(roomId: string, bytes: Uint8Array, filename: string) {
  const upload = await uploadFile(server.url, owner.token, roomId, bytes, filename);
  if (upload.body.errors) throw new Error(`${filename}: ${JSON.stringify(upload.body.errors)}`);
  return waitForDocument(server.url, owner.token, upload.body.data!.uploadDocument.id, 600_000);
}

async function chunksOf(id: string): Promise<ChunkRow[]> {
  const data = await call(server.url, DocumentChunksDocument, { id, first: 500 }, owner.token);
  return (data.node as { chunks: { edges: Array<{ node: ChunkRow }> } }).chunks.edges.map((e) => e.node);
}

/** Compares text as letters and digits only: whitespace, hyphenation and punctuation differences vanish. */
const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Every chunk containing `sentence` must span `page`; returns how many chunks contain it. */
function expectOnPage(chunks: ChunkRow[], sentence: string, page: number): number {
  const needle = normalise(sentence);
  const holding = chunks.filter((chunk) => normalise(chunk.text).includes(needle));
  for (const chunk of holding) {
    expect(
      [chunk.pageStart, chunk.pageEnd],
      `“${sentence}” is on page ${page}, but a chunk holding it spans pages ${chunk.pageStart}-${chunk.pageEnd}`,
    ).toSatisfy(([start, end]: number[]) => start! <= page && page <= end!);
  }
  return holding.length;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

describe('page accuracy on a PDF with known sentences on known pages', () => {
  it('gives every chunk holding a sentence a page span containing that sentence’s page', async () => {
    const roomId = (await createRoom(server.url, owner, 'Known pages')).id;
    const topics = [
      'glaciers',
      'volcanoes',
      'tides',
      'deserts',
      'coral reefs',
      'monsoons',
      'earthquakes',
      'aquifers',
      'tundra',
      'estuaries',
      'geysers',
      'fjords',
    ];
    // Twelve pages, eight sentences each; every sentence names its page and topic, so each is unique.
    const pages = topics.map((topic, p) =>
      Array.from(
        { length: 8 },
        (_, s) =>
          `Fact ${s + 1} about ${topic} is recorded on sheet ${p + 1} of the atlas for review number ${p * 8 + s}.`,
      ),
    );
    const document = await ingest(roomId, await makePdf(pages), 'atlas.pdf');
    expect(document).toMatchObject({ status: 'READY', pageCount: 12 });
    const chunks = await chunksOf(document.id);
    expect(chunks.length).toBe(document.chunkCount);
    for (const [p, sentences] of pages.entries()) {
      for (const sentence of sentences) {
        expect(expectOnPage(chunks, sentence, p + 1), `a chunk holds “${sentence}”`).toBeGreaterThan(0);
      }
    }
    // The spans are tight: exactly the pages of the sentences each chunk holds, not wider.
    for (const chunk of chunks) {
      const text = normalise(chunk.text);
      const held = pages.flatMap((sentences, p) =>
        sentences.some((sentence) => text.includes(normalise(sentence))) ? [p + 1] : [],
      );
      expect([chunk.pageStart, chunk.pageEnd]).toEqual([Math.min(...held), Math.max(...held)]);
    }
  });
});

const PAGE_ACCURACY_FILES = [
  'pdf/pdfjs-tracemonkey.pdf',
  'pdf/unstructured-multi-column-dpr-paper.pdf',
  'pdf/pdfplumber-federal-register-2020-17221.pdf',
];

/** pdftotext (poppler) as an independent witness: lines of one page that occur once in the whole document. */
function distinctiveLines(file: string, pageCount: number) {
  const whole = normalise(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
  const byPage: string[][] = [];
  for (let page = 1; page <= pageCount; page++) {
    const text = execFileSync('pdftotext', ['-f', `${page}`, '-l', `${page}`, file, '-'], {
      encoding: 'utf8',
    });
    const candidates = text
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line.length >= 32 && line.split(' ').length >= 5)
      .filter((line) => (line.match(/\p{L}/gu)?.length ?? 0) / line.length > 0.75)
      .filter((line) => {
        const needle = normalise(line);
        return whole.indexOf(needle) === whole.lastIndexOf(needle);
      });
    // Up to four per page, spread over the page.
    const step = Math.max(1, Math.floor(candidates.length / 4));
    byPage.push(candidates.filter((_, i) => i % step === 0).slice(0, 4));
  }
  return byPage;
}

describeCorpus('the corpus through the API', () => {
  it('ingests every corpus file to READY or FAILED with a message, without a crash', async () => {
    const roomId = (await createRoom(server.url, owner, 'Whole corpus')).id;
    const files = ['pdf', 'docx'].flatMap((dir) =>
      readdirSync(resolve(CORPUS_DIR, dir))
        .filter((name) => name.endsWith(`.${dir}`))
        .sort()
        .map((name) => `${dir}/${name}`),
    );
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(28);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(20);

    const rows = await mapLimit(files, 4, async (file) => {
      const bytes = new Uint8Array(readFileSync(resolve(CORPUS_DIR, file)));
      const name = file.split('/')[1]!;
      const upload = await uploadFile(server.url, owner.token, roomId, bytes, name);
      const refused = upload.body.errors?.[0];
      if (refused) {
        return {
          file: name,
          status: `refused (${refused.extensions?.code})`,
          pages: null,
          ocr: 0,
          chunks: 0,
          message: refused.message,
        };
      }
      const doc = await waitForDocument(
        server.url,
        owner.token,
        upload.body.data!.uploadDocument.id,
        600_000,
      );
      return {
        file: name,
        status: doc.status,
        pages: doc.pageCount ?? null,
        ocr: doc.ocrPageCount,
        chunks: doc.chunkCount,
        message: doc.error ?? doc.warning,
      };
    });

    console.log(
      [
        '| file | status | pages | OCR pages | chunks | message |',
        '|---|---|---|---|---|---|',
        ...rows.map(
          (r) =>
            `| ${r.file} | ${r.status} | ${r.pages ?? '—'} | ${r.ocr} | ${r.chunks} | ${r.message ?? ''} |`,
        ),
      ].join('\n'),
    );
    for (const row of rows) {
      if (row.status === 'READY') {
        expect(row.chunks, row.file).toBeGreaterThan(0);
        expect(row.pages, row.file).toBeGreaterThan(0);
      } else {
        expect(row.status === 'FAILED' || row.status === 'refused (BAD_USER_INPUT)', row.file).toBe(true);
        expect(row.message?.trim().length, `${row.file} has a message`).toBeGreaterThan(10);
      }
    }
    // Every scan, and the Type3 font without a Unicode map, is read with OCR.
    for (const file of [
      'ocrmypdf-c02-22-scanned-book-page.pdf',
      'ocrmypdf-linn-scanned-2col.pdf',
      'ocrmypdf-epson-scanned-wikipedia.pdf',
      'tika-testOCR.pdf',
      'ocrmypdf-type3_font_nomapping.pdf',
    ]) {
      expect(
        rows.find((r) => r.file === file),
        file,
      ).toMatchObject({ status: 'READY', ocr: 1 });
    }
    // The long documents make it: the 352-page book and the 117-page lecture notes.
    expect(rows.find((r) => r.file === 'pdfjs-freeculture.pdf')).toMatchObject({
      status: 'READY',
      pages: 352,
    });
    expect(rows.find((r) => r.file === 'pysamples-GeoTopo-komprimiert.pdf')).toMatchObject({
      status: 'READY',
      pages: 117,
    });
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  }, 900_000);

  it.each(PAGE_ACCURACY_FILES)('puts sentences of %s on the pages pdftotext finds them on', async (file) => {
    const roomId = (await createRoom(server.url, owner, `Pages of ${file}`)).id;
    const path = resolve(CORPUS_DIR, file);
    const document = await ingest(roomId, new Uint8Array(readFileSync(path)), file.split('/')[1]!);
    expect(document.status).toBe('READY');
    const chunks = await chunksOf(document.id);
    const lines = distinctiveLines(path, document.pageCount!);
    let checked = 0;
    let found = 0;
    for (const [i, pageLines] of lines.entries()) {
      let foundOnPage = 0;
      for (const line of pageLines) {
        checked++;
        if (expectOnPage(chunks, line, i + 1) > 0) foundOnPage++;
      }
      found += foundOnPage;
      if (pageLines.length > 0)
        expect(foundOnPage, `page ${i + 1}: ${pageLines.join(' / ')}`).toBeGreaterThan(0);
    }
    console.log(`${file}: ${found} of ${checked} pdftotext lines found in chunks, all on the right pages`);
    expect(checked).toBeGreaterThanOrEqual(document.pageCount! * 2);
    expect(found / checked).toBeGreaterThan(0.8);
  }, 180_000);
});
