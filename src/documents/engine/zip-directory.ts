import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
  /** The entry inflates to more than its directory record declares. */
  readonly oversized: boolean;

  constructor(message: string, oversized = false) {
    super(message);
    this.oversized = oversized;
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const utf8 = new TextDecoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array, dv: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, so only the tail needs scanning.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && dv.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

/**
 * Reads only the zip's central directory: names and declared sizes, without inflating anything. This is what
 * lets the sniffer and the zip-bomb guard decide in microseconds.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const eocd = findEndOfCentralDirectory(bytes, dv);
  if (eocd < 0) throw new ZipFormatError('zip central directory not found');
  let count = dv.getUint16(eocd + 10, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if (
    (count === 0xffff || cdOffset === 0xffffffff) &&
    eocd >= 20 &&
    dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR
  ) {
    const z64 = Number(dv.getBigUint64(eocd - 12, true));
    if (z64 + 56 > bytes.length || dv.getUint32(z64, true) !== ZIP64_EOCD) {
      throw new ZipFormatError('bad zip64 end record');
    }
    count = Number(dv.getBigUint64(z64 + 32, true));
    cdOffset = Number(dv.getBigUint64(z64 + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL_HEADER) {
      throw new ZipFormatError('zip central directory is truncated');
    }
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: dv.getUint16(p + 10, true),
      crc: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
    };
    readZip64Extra(dv, p + 46 + nameLen, extraLen, entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

// Sizes of 0xFFFFFFFF mean "look in the zip64 extra field"; a bomb could otherwise hide its real size there.
function readZip64Extra(dv: DataView, start: number, length: number, entry: ZipEntry): void {
  let p = start;
  const end = Math.min(start + length, dv.byteLength);
  while (p + 4 <= end) {
    const id = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      if (entry.uncompressedSize === 0xffffffff && q + 8 <= end) {
        entry.uncompressedSize = Number(dv.getBigUint64(q, true));
        q += 8;
      }
      if (entry.compressedSize === 0xffffffff && q + 8 <= end) {
        entry.compressedSize = Number(dv.getBigUint64(q, true));
        q += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff && q + 8 <= end) {
        entry.localHeaderOffset = Number(dv.getBigUint64(q, true));
      }
    }
    p += 4 + size;
  }
}

/**
 * Inflates one entry with its declared size as a hard cap and checks its CRC-32, so an entry that lies about
 * its size or was corrupted is caught before a library that trusts the directory inflates it.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL_HEADER) {
    throw new ZipFormatError(`local header of ${entry.name} is missing`);
  }
  const dataStart = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new ZipFormatError(`${entry.name} is truncated`);
  const raw = bytes.subarray(dataStart, dataEnd);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const oversized = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new ZipFormatError(`${entry.name} does not inflate: ${(error as Error).message}`, oversized);
    }
  } else throw new ZipFormatError(`${entry.name} uses unsupported compression method ${entry.method}`);
  if (data.length !== entry.uncompressedSize) throw new ZipFormatError(`${entry.name} has the wrong size`);
  if (crc32(data) >>> 0 !== entry.crc >>> 0) throw new ZipFormatError(`${entry.name} fails its CRC check`);
  return data;
}
