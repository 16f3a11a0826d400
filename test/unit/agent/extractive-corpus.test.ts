/** The extractive engine and verification on a real paper (pdf.js's TraceMonkey PDF), through ingest's chunker. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import {
  ExtractiveAnswerEngine,
  NOT_COVERED_ANSWER,
} from '../../../src/conversations/engine/extractive-engine.ts';
import type { SourceChunk } from '../../../src/conversations/engine/types.ts';
import { verifyAnswer } from '../../../src/conversations/engine/verify.ts';
import { extractPdf } from '../../../src/documents/engine/extract-pdf.ts';
import { chunkDocument } from '../../../src/documents/engine/prepare.ts';
import { CORPUS_DIR, describeCorpus } from '../ingest/fixtures.ts';

describeCorpus('extractive answers on the TraceMonkey paper', () => {
  let sources: SourceChunk[];
  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(resolve(CORPUS_DIR, 'pdf/pdfjs-tracemonkey.pdf')));
    const { chunks } = chunkDocument(await extractPdf(bytes));
    sources = chunks.map((c, i) => ({
      chunkId: `c${i}`,
      documentId: 'tracemonkey',
      documentTitle: 'Trace-based Just-in-Time Type Specialization',
      text: c.text,
      pageStart: c.pageStart,
      pageEnd: c.pageEnd,
      score: 1,
    }));
  });

  it('finds the interpreter TraceMonkey extends and cites a chunk that says so', async () => {
    const text = await new ExtractiveAnswerEngine().compose(
      'Which JavaScript interpreter is TraceMonkey built on?',
      sources,
    );
    expect(text).toContain('SpiderMonkey');
    const v = verifyAnswer(text, sources);
    expect(v.invalidMarkers).toEqual([]);
    expect(v.groundedness).toBe(1);
    const citing = v.citations.filter((c) => c.quote.includes('SpiderMonkey'));
    expect(citing.length).toBeGreaterThan(0);
    for (const c of v.citations) expect(sources[c.index - 1].text).toContain(c.quote);
  });

  it('declines a question the paper does not answer', async () => {
    expect(await new ExtractiveAnswerEngine().compose('What is the capital of France?', sources)).toBe(
      NOT_COVERED_ANSWER,
    );
  });
});
