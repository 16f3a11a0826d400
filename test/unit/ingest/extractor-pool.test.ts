import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../../src/documents/engine/extractor-pool.ts';

async function pdfWithPages(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    pdf
      .addPage([300, 300])
      .drawText(`Osmosis moves water across membranes, page ${n}.`, { x: 20, y: 250, size: 10, font });
  }
  return pdf.save();
}

describe('ExtractorPool', () => {
  let pool: ExtractorPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('extracts in a worker, relays progress and transfers the bytes', async () => {
    pool = new ExtractorPool({ size: 1 });
    const bytes = await pdfWithPages(3);
    const progress: number[] = [];
    const doc = await pool.extract(bytes, 'pdf', {}, (p) => progress.push(p.page));
    expect(doc.pageCount).toBe(3);
    expect(doc.pages[2].text).toBe('Osmosis moves water across membranes, page 3.');
    expect(progress).toEqual([1, 2, 3]);
    expect(bytes.byteLength).toBe(0);
  });

  it('holds two jobs in one worker at once, each answered with its own result', async () => {
    pool = new ExtractorPool({ size: 1, jobsPerWorker: 2 });
    const [a, b] = await Promise.all([
      pool.extract(await pdfWithPages(2), 'pdf'),
      pool.extract(await pdfWithPages(5), 'pdf'),
    ]);
    expect([a.pageCount, b.pageCount]).toEqual([2, 5]);
    expect(b.pages[4].text).toBe('Osmosis moves water across membranes, page 5.');
  });

  it('passes typed failures through', async () => {
    pool = new ExtractorPool({ size: 1 });
    await expect(pool.extract(new TextEncoder().encode('%PDF-1.4\n%%EOF'), 'pdf')).rejects.toMatchObject({
      name: 'ExtractionError',
      code: 'DAMAGED',
    });
  });

  it('rejects a job that overruns and replaces its worker', async () => {
    pool = new ExtractorPool({ size: 1, timeoutGraceMs: 0 });
    await expect(pool.extract(await pdfWithPages(2), 'pdf', { timeBudgetMs: 1 })).rejects.toMatchObject({
      code: 'TIME_BUDGET_EXCEEDED',
    });
    // Same pool, next job: served by the replacement worker.
    expect((await pool.extract(await pdfWithPages(1), 'pdf')).pageCount).toBe(1);
  });

  it('rejects a job whose worker dies, and starts a fresh worker for the next job', async () => {
    // A 4 MB heap cannot even load pdf.js: the worker dies, and only that job fails.
    pool = new ExtractorPool({ size: 1, maxHeapMb: 4 });
    await expect(pool.extract(await pdfWithPages(1), 'pdf')).rejects.toMatchObject({
      code: 'WORKER_CRASHED',
      permanent: false,
    });
    await expect(pool.extract(await pdfWithPages(1), 'pdf')).rejects.toMatchObject({
      code: 'WORKER_CRASHED',
    });
  });
});
