/**
 * The zip guard every zip-based format goes through (Word, PowerPoint, EPUB): declared sizes against a limit
 * and suspicious compression ratios before anything is inflated, then each part read with its declared size
 * as a hard cap and its CRC checked, so a part that lies about its size cannot balloon in memory.
 */
import { ExtractionError } from './types.ts';
import { readZipDirectory, readZipEntry, type ZipEntry, ZipFormatError } from './zip-directory.ts';

export interface PackageRules {
  /** How the person calls the file: "Word file", "PowerPoint file", "e-book". */
  what: string;
  maxBytes: number;
  damaged: string;
}

export interface ZipPackage {
  entries: ZipEntry[];
  has(name: string): boolean;
  /** The part's bytes; a missing part is undefined, a broken one fails the document as damaged. */
  read(name: string): Uint8Array | undefined;
  text(name: string): string | undefined;
}

export function zipBombError(what: string, limitBytes: number): ExtractionError {
  const mb = Math.round(limitBytes / (1024 * 1024));
  return new ExtractionError(
    'ZIP_BOMB',
    `The ${what} expands to more than ${mb} MB; it looks like a zip bomb and was rejected.`,
  );
}

export function openZipPackage(bytes: Uint8Array, rules: PackageRules): ZipPackage {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new ExtractionError('DAMAGED', rules.damaged);
    throw error;
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (total > rules.maxBytes || (e.uncompressedSize > 10 * 1024 * 1024 && ratio > 100)) {
      throw zipBombError(rules.what, rules.maxBytes);
    }
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const utf8 = new TextDecoder();
  const read = (name: string) => {
    const entry = byName.get(name);
    if (!entry) return undefined;
    try {
      return readZipEntry(bytes, entry);
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      if (error.oversized) throw zipBombError(rules.what, rules.maxBytes);
      throw new ExtractionError('DAMAGED', rules.damaged);
    }
  };
  return {
    entries,
    has: (name) => byName.has(name),
    read,
    text: (name) => {
      const data = read(name);
      return data ? utf8.decode(data) : undefined;
    },
  };
}
