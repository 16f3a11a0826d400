import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe } from 'vitest';

/** The shared corpus lives beside the repository; CORPUS_DIR overrides. */
export const CORPUS_DIR = process.env.CORPUS_DIR ?? resolve(process.cwd(), '../shared/corpus');
const present = existsSync(resolve(CORPUS_DIR, 'SOURCES.md'));
if (!present && process.env.CI) {
  throw new Error(`Corpus not found at ${CORPUS_DIR}: CI must run the corpus tests (set CORPUS_DIR).`);
}
if (!present) console.warn(`Skipping corpus tests: ${CORPUS_DIR} not found (set CORPUS_DIR to run them).`);
export const describeCorpus = present ? describe : describe.skip;

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** Write these sizes/CRC into the headers instead of the true ones (to build lying archives). */
  declaredSize?: number;
  crc?: number;
  /** Pre-compressed raw deflate data to store as-is. */
  deflated?: Uint8Array;
  /** Store uncompressed (method 0), as EPUB requires of its "mimetype" entry. */
  stored?: boolean;
}

/** A minimal zip writer, so tests can build archives that real tools would refuse to produce. */
export function buildZip(files: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const body = f.stored ? f.data : (f.deflated ?? deflateRawSync(f.data));
    const method = f.stored ? 0 : 8;
    const size = f.declaredSize ?? f.data.length;
    const crc = f.crc ?? crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(body));
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/**
 * Raw deflate of `megabytes` MB of zeros without ever holding them: one sync-flushed block of 1 MB of zeros
 * repeated, then an empty final block. About 1 KB per MB.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  const final = deflateRawSync(Buffer.alloc(0));
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => block), final]));
}

export const MINIMAL_DOCX_XML = {
  contentTypes:
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  rels:
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  document: (text: string) =>
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
};

export function minimalDocx(text: string, extra: ZipInput[] = []): Uint8Array {
  const enc = new TextEncoder();
  return buildZip([
    { name: '[Content_Types].xml', data: enc.encode(MINIMAL_DOCX_XML.contentTypes) },
    { name: '_rels/.rels', data: enc.encode(MINIMAL_DOCX_XML.rels) },
    { name: 'word/document.xml', data: enc.encode(MINIMAL_DOCX_XML.document(text)) },
    ...extra,
  ]);
}
