import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, createRoom, createUser } from '../helpers/client.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import {
  BOOK,
  HEIC_HEAD,
  LECTURE_DECK,
  makeDeck,
  makeEpub,
  minimalPptx,
  ole2With,
  pngBomb,
  textPng,
} from '../helpers/format-fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { buildZip, CORPUS_DIR, deflatedZeros, describeCorpus, minimalDocx } from '../unit/ingest/fixtures.ts';

/**
 * Every bad input ends as BAD_USER_INPUT at upload or FAILED with a message a person understands, through
 * the real server; while they are processed, a good document still ends READY and the server keeps
 * answering.
 */

let server: TestServer;
let owner: Actor;
let roomId: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server.url, 'Bad Input Owner');
  roomId = (await createRoom(server.url, owner, 'Bad inputs')).id;
});
afterAll(() => server.close());

type Outcome =
  | { at: 'upload'; code: unknown; message: string }
  | { at: 'ingest'; status: string; error: string | null; pageCount: number | null; chunkCount: number };

/** Uploads over multipart; a refused upload returns its error, an accepted one its final state. */
async function ingest(bytes: Uint8Array, filename: string, room = roomId): Promise<Outcome> {
  const upload = await uploadFile(server.url, owner.token, room, bytes, filename);
  const error = upload.body.errors?.[0];
  if (error) return { at: 'upload', code: error.extensions?.code, message: error.message };
  const document = await waitForDocument(
    server.url,
    owner.token,
    upload.body.data!.uploadDocument.id,
    // The scans here wait for OCR behind each other in the worker's extractor thread (two files at a time).
    240_000,
  );
  return {
    at: 'ingest',
    status: document.status,
    error: document.error ?? null,
    pageCount: document.pageCount ?? null,
    chunkCount: document.chunkCount,
  };
}

const failed = (message: string | RegExp) => ({
  at: 'ingest',
  status: 'FAILED',
  error: typeof message === 'string' ? message : expect.stringMatching(message),
});
const refused = (message: RegExp) => ({
  at: 'upload',
  code: 'BAD_USER_INPUT',
  message: expect.stringMatching(message),
});

const ACCEPTED =
  /expected a PDF, Word \(\.docx\), PowerPoint \(\.pptx\), EPUB, an image \(PNG, JPEG, TIFF, WebP\), HTML, or UTF-8 text\/Markdown/;
const IMAGE_DAMAGED = 'The image is damaged or incomplete and could not be decoded.';
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
]);
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Uint8Array(56)]);
const PE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, ...new Uint8Array(50)]);

/** Random bytes that are certainly not UTF-8 (0xff never appears in UTF-8) nor any known signature. */
function binaryNoise(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes[0] = 0x00;
  bytes[1] = 0xff;
  return bytes;
}

describe('bad inputs the tests make', () => {
  it('refuses or fails each with a clear message, while a good document ends READY and /healthz answers', async () => {
    const enc = new TextEncoder();
    const health: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        health.push((await fetch(`${server.origin}/healthz`)).status);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const good = await makePdf([
      [
        'Good document',
        'Osmosis moves water across a semipermeable membrane toward higher solute concentration.',
      ],
      ['Page two', 'Diffusion spreads molecules from high to low concentration without any energy input.'],
    ]);
    const bomb = minimalDocx('tiny', [
      {
        name: 'word/media/padding.bin',
        data: new Uint8Array(0),
        deflated: deflatedZeros(300),
        declaredSize: 300 << 20,
      },
    ]);
    // A part that lies about its size: declares 1 KB, inflates to 50 MB. Only inflating it reveals it.
    const liar = buildZip([
      { name: '[Content_Types].xml', data: enc.encode('<Types/>') },
      { name: 'word/document.xml', data: new Uint8Array(0), deflated: deflatedZeros(50), declaredSize: 1000 },
    ]);
    const notWord = buildZip([
      { name: 'notes/readme.txt', data: enc.encode('just some notes in a zip') },
      { name: 'notes/data.csv', data: enc.encode('a,b\n1,2\n') },
    ]);

    const [goodOutcome, ...outcomes] = await Promise.all([
      ingest(good, 'osmosis.pdf'),
      ingest(new Uint8Array(0), 'empty.pdf'),
      ingest(PNG, 'lecture.pdf'),
      ingest(ELF, 'notes.docx'),
      ingest(PE, 'setup.docx'),
      ingest(notWord, 'archive.docx'),
      ingest(bomb, 'bomb.docx'),
      ingest(liar, 'liar.docx'),
      ingest(binaryNoise(4096), 'noise.txt'),
      ingest(enc.encode('   \n\n\t  \n'), 'blank.md'),
    ]);
    polling = false;
    await poller;

    expect(outcomes).toEqual([
      { at: 'upload', code: 'BAD_USER_INPUT', message: 'The file is empty' },
      // A PNG named .pdf is read as the image it is; this one is a header without pixels.
      expect.objectContaining(failed(IMAGE_DAMAGED)),
      refused(/this file looks like an ELF executable/),
      refused(/this file looks like a Windows executable/),
      refused(/this file looks like a zip archive that is not a Word, PowerPoint or EPUB document/),
      expect.objectContaining(
        failed('The Word file expands to more than 200 MB; it looks like a zip bomb and was rejected.'),
      ),
      expect.objectContaining(failed(/looks like a zip bomb/)),
      refused(/this file looks like binary data of no supported type\.$/),
      // Whitespace is valid UTF-8 text, so the upload is accepted; extraction finds nothing to read.
      expect.objectContaining(failed('The Markdown file is empty.')),
    ]);
    for (const outcome of [...outcomes.slice(2, 5), outcomes[7]])
      expect((outcome as { message: string }).message).toMatch(ACCEPTED);

    expect(goodOutcome).toMatchObject({ at: 'ingest', status: 'READY', error: null, pageCount: 2 });
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((status) => status === 200)).toBe(true);
  });
});

describe('bad inputs of the formats beyond PDF and Word', () => {
  it('refuses or fails each truncated, encrypted, empty or bomb file with a message, and reads a mislabelled good one', async () => {
    const enc = new TextEncoder();
    const room = (await createRoom(server.url, owner, 'Bad formats')).id;
    const deck = await makeDeck(LECTURE_DECK);
    const book = makeEpub(BOOK);
    const padding = (declaredMb: number) => ({
      name: 'media/padding.bin',
      data: new Uint8Array(0),
      deflated: deflatedZeros(300),
      declaredSize: declaredMb << 20,
    });
    const drm = makeEpub(BOOK, {
      extra: [
        {
          name: 'META-INF/encryption.xml',
          data: enc.encode(
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>',
          ),
        },
      ],
    });
    const cases: Array<[Uint8Array, string, object]> = [
      // PowerPoint
      [
        deck.subarray(0, Math.floor(deck.length * 0.6)),
        'truncated.pptx',
        failed(/^The PowerPoint file is damaged/),
      ],
      [
        ole2With('EncryptedPackage'),
        'locked.pptx',
        refused(/password-protected \(encrypted\); remove the password in Word or PowerPoint/),
      ],
      [
        minimalPptx(),
        'empty.pptx',
        failed('The presentation has no visible slides (hidden slides are skipped).'),
      ],
      [
        minimalPptx([padding(300)]),
        'bomb.pptx',
        failed('The PowerPoint file expands to more than 200 MB; it looks like a zip bomb and was rejected.'),
      ],
      [
        ole2With('PowerPoint Document'),
        'lecture.ppt',
        refused(/legacy PowerPoint file \(\.ppt\).*save it as \.pptx/),
      ],
      // EPUB
      [
        book.subarray(0, Math.floor(book.length * 0.7)),
        'truncated.epub',
        failed(/^The e-book \(EPUB\) is damaged/),
      ],
      [drm, 'drm.epub', failed(/^This e-book is DRM-protected/)],
      [
        makeEpub([{ title: 'Blank', paragraphs: [] }]),
        'empty.epub',
        failed(/^The e-book has no readable text/),
      ],
      [
        makeEpub(BOOK, { extra: [padding(300)] }),
        'bomb.epub',
        failed('The e-book expands to more than 200 MB; it looks like a zip bomb and was rejected.'),
      ],
      // Images
      [(await textPng(['Half a photo'])).subarray(0, 600), 'truncated.png', failed(IMAGE_DAMAGED)],
      [await textPng([]), 'blank.png', failed(/^No readable text in the image, even with OCR/)],
      [
        pngBomb(30_000, 30_000),
        'bomb.png',
        failed('The image has more than 100 megapixels; scale it down and upload it again.'),
      ],
      [HEIC_HEAD, 'IMG_0001.HEIC', refused(/^HEIC\/HEIF photos .* convert the photo to JPEG/)],
      // Web pages
      [
        enc.encode(
          '<!DOCTYPE html><html><head><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>',
        ),
        'empty.html',
        failed(/^The web page has no readable text/),
      ],
      // A good deck named as a PDF is read as the deck it is.
      [deck, 'slides.pdf', { at: 'ingest', status: 'READY', error: null, pageCount: 3 }],
    ];
    const outcomes = await Promise.all(cases.map(([bytes, name]) => ingest(bytes, name, room)));
    for (const [i, [, name, expected]] of cases.entries()) expect(outcomes[i], name).toMatchObject(expected);
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  }, 240_000);
});

const corpus = (path: string) => new Uint8Array(readFileSync(resolve(CORPUS_DIR, path)));
const PDF_DAMAGED = 'The PDF is damaged or incomplete and could not be read.';
const OCRED = { at: 'ingest', status: 'READY', error: null, pageCount: 1 };

describeCorpus('bad inputs from the corpus', () => {
  it('ends each as FAILED with the message a person needs, and the others READY, beside a good document', async () => {
    const room = (await createRoom(server.url, owner, 'Corpus bad inputs')).id;
    const cases: Array<[string, object]> = [
      ['pdf/ocrmypdf-invalid.pdf', failed(PDF_DAMAGED)],
      ['pdf/derived-nics-background-checks-2015-11.truncated-60pct.pdf', failed(PDF_DAMAGED)],
      [
        'pdf/pysamples-libreoffice-writer-password.pdf',
        failed('This PDF is password-protected; remove the password and upload it again.'),
      ],
      ['pdf/tika-testPDF_protected.pdf', { at: 'ingest', status: 'READY', error: null, pageCount: 41 }],
      // A scan, and a Type3 font whose text layer decodes to symbols, are read with OCR beside the broken
      // files (every corpus scan is read, and asserted, in ingest-corpus.test.ts).
      ['pdf/tika-testOCR.pdf', OCRED],
      ['pdf/ocrmypdf-type3_font_nomapping.pdf', OCRED],
      // An encrypted Office file is an OLE2 container: recognised from its bytes and refused at upload.
      [
        'docx/poi-bug53475-password-is-pass.docx',
        refused(/^This Office file is password-protected \(encrypted\); remove the password/),
      ],
      ['docx/poi-truncated62886.docx', failed('The Word file is damaged and could not be read.')],
      ['docx/poi-clusterfuzz-bad-crc.docx', { at: 'ingest', status: 'READY', error: null }],
    ];
    const good = await makePdf([
      ['Control document', 'The Krebs cycle oxidises acetyl-CoA to carbon dioxide.'],
    ]);
    const [goodOutcome, ...outcomes] = await Promise.all([
      ingest(good, 'krebs.pdf', room),
      ...cases.map(([file]) => ingest(corpus(file), file.split('/')[1]!, room)),
    ]);
    for (const [i, [file, expected]] of cases.entries()) {
      expect(outcomes[i], file).toMatchObject(expected);
    }
    // A password-protected PDF names the problem the way the issue words it.
    expect((outcomes[2] as { error: string }).error).toContain('password-protected');
    expect(goodOutcome).toMatchObject({ status: 'READY', pageCount: 1 });
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  }, 300_000);
});
