/**
 * Worker-thread entry: extraction is CPU-bound (pdf.js parsing, layout, mammoth's XML), so it runs here and
 * the API's event loop stays responsive. One job at a time; the pool owns scheduling and timeouts.
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument } from './extract-document.ts';
import { prepareDocument } from './prepare.ts';
import type { DocumentKind, ExtractionLimits } from './types.ts';
import { ExtractionError } from './types.ts';

export interface WorkerJob {
  id: number;
  bytes: ArrayBuffer;
  kind: DocumentKind;
  limits: ExtractionLimits;
  /** Also clean and chunk here, and send back only the chunks (see ExtractorPool.extractAndChunk). */
  chunk?: boolean;
}

const port = parentPort;
if (!port) throw new Error('extract-worker.ts must run as a worker thread');

port.on('message', async (job: WorkerJob) => {
  try {
    const doc = await extractDocument(new Uint8Array(job.bytes), job.kind, job.limits, (progress) =>
      port.postMessage({ id: job.id, type: 'progress', progress }),
    );
    if (!job.chunk) return port.postMessage({ id: job.id, type: 'done', result: doc });
    port.postMessage({ id: job.id, type: 'done', result: prepareDocument(doc) });
  } catch (error) {
    const known = error instanceof ExtractionError;
    port.postMessage({
      id: job.id,
      type: 'error',
      code: known ? error.code : 'INTERNAL',
      message: known
        ? error.message
        : `Extraction failed unexpectedly: ${(error as Error)?.message ?? error}`,
      permanent: known ? error.permanent : false,
    });
  }
});
