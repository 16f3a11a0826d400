/**
 * Running-head removal against poppler (prints JSON, writes bench/results/headers.json):
 * - precision: lines the cleaner removed that `pdftotext -layout` puts in the body of the page (not among
 *   its first or last two lines): target 0;
 * - recall: running heads and folios by pdftotext (edge lines that repeat, digits aside, on at least 40% of
 *   a file's pages, or bare page numbers there) that the cleaner left in.
 * Only text PDFs of 3 pages or more count (the cleaner looks for repetition on 3 pages at least).
 *   npm run bench:headers   (CORPUS_DIR overrides ../shared/corpus)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractPdf } from '../src/documents/engine/extract-pdf.ts';
import { cleanDocument } from '../src/documents/engine/prepare.ts';

const run = promisify(execFile);
const CORPUS_DIR = process.env.CORPUS_DIR ?? resolve(process.cwd(), '../shared/corpus');
const EDGE = 2;
const PAGE_NUMBER = /^(page|p\.)?\s*[-–—]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?$/i;
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\p{Cc}\u00ad\u200b-\u200f\ufeff\ufffd]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const key = (s: string) => norm(s).toLowerCase().replace(/\d+/g, '#');

/** Each page of `pdftotext -layout` as its non-empty lines, each split into its column segments. */
async function popplerPages(file: string): Promise<string[][][]> {
  const { stdout } = await run('pdftotext', ['-layout', '-cropbox', '-enc', 'UTF-8', file, '-'], {
    maxBuffer: 256 << 20,
  });
  return stdout.split('\f').map((page) =>
    page
      .split('\n')
      .filter((l) => l.trim())
      .map((l) =>
        l
          .trim()
          .split(/\s{2,}/)
          .map(norm)
          .filter(Boolean),
      ),
  );
}

interface FileResult {
  file: string;
  pages: number;
  removed: number;
  removedFromBody: string[];
  removedUnmatched: number;
  expectedHeads: number;
  headsNotExtracted: number;
  headsLeft: string[];
}

async function measure(name: string): Promise<FileResult | undefined> {
  const path = join(CORPUS_DIR, 'pdf', name);
  let doc: Awaited<ReturnType<typeof extractPdf>>;
  try {
    doc = await extractPdf(new Uint8Array(readFileSync(path)), { ocr: false });
  } catch {
    return undefined;
  }
  if (doc.pageCount < 3) return undefined;
  const cleaned = cleanDocument(doc);
  const poppler = await popplerPages(path);
  const result: FileResult = {
    file: name,
    pages: doc.pageCount,
    removed: 0,
    removedFromBody: [],
    removedUnmatched: 0,
    expectedHeads: 0,
    headsNotExtracted: 0,
    headsLeft: [],
  };
  // Repeated edge segments by pdftotext: the reference running heads.
  const edgeKeys = new Map<string, number>();
  for (const lines of poppler) {
    const edge = [...lines.slice(0, EDGE), ...lines.slice(-EDGE)].flat();
    for (const k of new Set(edge.map(key))) edgeKeys.set(k, (edgeKeys.get(k) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(doc.pageCount * 0.4));
  doc.pages.forEach((page, p) => {
    const lines = poppler[p] ?? [];
    const edge = [...lines.slice(0, EDGE), ...lines.slice(-EDGE)].flat();
    const body = lines.slice(EDGE, Math.max(EDGE, lines.length - EDGE)).flat();
    const keptAt = new Set(cleaned[p].anchors.map((a) => a.raw));
    const kept: string[] = [];
    const all: string[] = [];
    let offset = 0;
    for (const raw of page.text.split('\n')) {
      const text = norm(raw);
      const start = offset;
      offset += raw.length + 1;
      if (!text) continue;
      all.push(text);
      if (keptAt.has(start)) {
        kept.push(text);
        continue;
      }
      result.removed++;
      if (edge.some((l) => l.includes(text) || text.includes(l))) continue;
      if (body.some((l) => l.includes(text) || text.includes(l)))
        result.removedFromBody.push(`p${p + 1}: ${text}`);
      else result.removedUnmatched++;
    }
    for (const segment of edge) {
      const isHead = (edgeKeys.get(key(segment)) ?? 0) >= threshold || PAGE_NUMBER.test(segment);
      if (!isHead) continue;
      const same = (line: string) =>
        key(line) === key(segment) ||
        (segment.length >= 10 && (line.includes(segment) || (line.length >= 10 && segment.includes(line))));
      // A head pdf.js never reports (outside the crop box, or drawn as an image) is nobody's to remove.
      if (!all.some(same)) {
        result.headsNotExtracted++;
        continue;
      }
      result.expectedHeads++;
      if (kept.some(same)) result.headsLeft.push(`p${p + 1}: ${segment}`);
    }
  });
  return result;
}

const load = loadavg().map((n) => Number(n.toFixed(2)));
const names = existsSync(join(CORPUS_DIR, 'pdf'))
  ? readdirSync(join(CORPUS_DIR, 'pdf'))
      .filter((n) => n.endsWith('.pdf'))
      .sort()
  : [];
if (names.length === 0) throw new Error(`No corpus at ${CORPUS_DIR} (set CORPUS_DIR).`);
const files: FileResult[] = [];
for (const name of names) {
  const r = await measure(name);
  if (r) files.push(r);
  if (r)
    process.stderr.write(
      `${name}: removed ${r.removed}, from body ${r.removedFromBody.length}, heads left ${r.headsLeft.length}/${r.expectedHeads}\n`,
    );
}
const sum = (f: (r: FileResult) => number) => files.reduce((n, r) => n + f(r), 0);
const removed = sum((r) => r.removed);
const fromBody = sum((r) => r.removedFromBody.length);
const expected = sum((r) => r.expectedHeads);
const left = sum((r) => r.headsLeft.length);
const result = {
  benchmark: 'headers',
  date: new Date().toISOString(),
  loadavg_at_start: load,
  files: files.length,
  pages: sum((r) => r.pages),
  lines_removed: removed,
  removed_but_in_pdftotext_body: fromBody,
  removed_unmatched_in_pdftotext: sum((r) => r.removedUnmatched),
  precision: removed ? Number((1 - fromBody / removed).toFixed(4)) : 1,
  running_heads_by_pdftotext: expected,
  running_heads_left_in: left,
  running_heads_pdfjs_never_reports: sum((r) => r.headsNotExtracted),
  recall: expected ? Number((1 - left / expected).toFixed(4)) : 1,
  per_file: files.map((r) => ({
    ...r,
    removedFromBody: r.removedFromBody.slice(0, 10),
    headsLeft: r.headsLeft.slice(0, 10),
    headsLeftCount: r.headsLeft.length,
  })),
};
const json = JSON.stringify(result, null, 2);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/headers.json', `${json}\n`);
console.log(json);
