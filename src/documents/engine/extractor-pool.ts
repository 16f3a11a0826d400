import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerJob } from './extract-worker.ts';
import { INGEST_LIMITS } from './limits.ts';
import {
  type DocumentKind,
  type ExtractedDocument,
  ExtractionError,
  type ExtractionErrorCode,
  type ExtractionLimits,
  type ExtractionProgress,
  type PreparedDocument,
  type ProgressListener,
} from './types.ts';

export interface ExtractorPoolOptions {
  /** Worker count; defaults to cores - 1 (at least 1) so one core stays with the API. */
  size?: number;
  /** Hard stop per job, on top of the extractor's own time budgets; default timeBudgetMs + OCR's + 10 s. */
  jobTimeoutMs?: number;
  /** V8 heap cap per worker: a pathological file kills its worker, not the server. */
  maxHeapMb?: number;
  /** Added to a job's timeBudgetMs for the hard stop when jobTimeoutMs is not set; default 10 s. */
  timeoutGraceMs?: number;
  /**
   * Jobs one worker thread holds at once; default 2. While a scan's pages are in tesseract the thread is
   * idle, so a second file (often another one-page scan) keeps the other recognition thread busy.
   */
  jobsPerWorker?: number;
}

interface Job {
  id: number;
  bytes: ArrayBuffer;
  kind: DocumentKind;
  limits: ExtractionLimits;
  chunk: boolean;
  onProgress?: ProgressListener;
  resolve: (result: ExtractedDocument | PreparedDocument) => void;
  reject: (error: ExtractionError) => void;
}

interface Running {
  job: Job;
  timer: NodeJS.Timeout;
}

interface Slot {
  /** Spawned lazily, so a worker that dies at start-up is not respawned in a tight loop. */
  worker?: Worker;
  running: Map<number, Running>;
}

type WorkerMessage =
  | { id: number; type: 'progress'; progress: ExtractionProgress }
  | { id: number; type: 'done'; result: ExtractedDocument | PreparedDocument }
  | { id: number; type: 'error'; code: ExtractionErrorCode; message: string; permanent: boolean };

const WORKER_URL = new URL('./extract-worker.ts', import.meta.url);

/** Exclusive ownership of the bytes: transferred when possible, copied when they share a buffer. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  if (whole && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

export class ExtractorPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly options: Required<Omit<ExtractorPoolOptions, 'jobTimeoutMs'>> & { jobTimeoutMs?: number };
  private nextId = 1;
  private closed = false;

  constructor(options: ExtractorPoolOptions = {}) {
    this.options = {
      size: options.size ?? Math.max(1, availableParallelism() - 1),
      maxHeapMb: options.maxHeapMb ?? 1024,
      timeoutGraceMs: options.timeoutGraceMs ?? 10_000,
      jobsPerWorker: Math.max(1, options.jobsPerWorker ?? 2),
      jobTimeoutMs: options.jobTimeoutMs,
    };
    for (let i = 0; i < this.options.size; i++) this.slots.push({ running: new Map() });
  }

  /**
   * Extracts in a worker thread. The bytes' ArrayBuffer is transferred (detached in the caller) when the
   * view covers all of it; pass a copy if you still need the bytes.
   */
  extract(
    bytes: Uint8Array,
    kind: DocumentKind,
    limits: ExtractionLimits = {},
    onProgress?: ProgressListener,
  ): Promise<ExtractedDocument> {
    return this.enqueue(bytes, kind, limits, onProgress, false) as Promise<ExtractedDocument>;
  }

  /**
   * Extraction, cleaning and chunking, all in the worker thread. Chunking a long book takes the better part
   * of a second and copying its pages with line boxes back costs more; done here, neither blocks the event
   * loop that also serves the API (ROLE=all), and only the chunks cross over.
   */
  extractAndChunk(
    bytes: Uint8Array,
    kind: DocumentKind,
    limits: ExtractionLimits = {},
    onProgress?: ProgressListener,
  ): Promise<PreparedDocument> {
    return this.enqueue(bytes, kind, limits, onProgress, true) as Promise<PreparedDocument>;
  }

  private enqueue(
    bytes: Uint8Array,
    kind: DocumentKind,
    limits: ExtractionLimits,
    onProgress: ProgressListener | undefined,
    chunk: boolean,
  ): Promise<ExtractedDocument | PreparedDocument> {
    if (this.closed)
      return Promise.reject(new ExtractionError('CANCELLED', 'The extractor is shut down.', false));
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        bytes: ownBuffer(bytes),
        kind,
        limits,
        chunk,
        onProgress,
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      job.reject(
        new ExtractionError('CANCELLED', 'The extractor shut down before this file was read.', false),
      );
    }
    await Promise.all(
      this.slots.map((slot) => {
        this.failAll(
          slot,
          new ExtractionError('CANCELLED', 'The extractor shut down while reading this file.', false),
        );
        return slot.worker?.terminate();
      }),
    );
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    worker.unref();
    worker.on('message', (msg: WorkerMessage) => this.onMessage(worker, msg));
    worker.on('error', (error) => this.onCrash(worker, error.message));
    worker.on('exit', (code) => this.onCrash(worker, `exit code ${code}`));
    return worker;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.running.size < this.options.jobsPerWorker && this.queue.length > 0) {
        this.start(slot, this.queue.shift()!);
      }
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.worker ??= this.spawn();
    const worker = slot.worker;
    // OCR has a budget of its own on top of reading the file.
    const ocr = job.limits.ocr === undefined ? INGEST_LIMITS.ocr : job.limits.ocr;
    const timeout =
      this.options.jobTimeoutMs ??
      (job.limits.timeBudgetMs ?? INGEST_LIMITS.timeBudgetMs) +
        (ocr ? ocr.timeBudgetMs : 0) +
        this.options.timeoutGraceMs;
    const timer = setTimeout(() => {
      const seconds = Math.round(timeout / 1000);
      this.replace(
        slot,
        job.id,
        new ExtractionError('TIME_BUDGET_EXCEEDED', `Reading the file took longer than ${seconds} s.`),
      );
    }, timeout);
    slot.running.set(job.id, { job, timer });
    const message: WorkerJob = {
      id: job.id,
      bytes: job.bytes,
      kind: job.kind,
      limits: job.limits,
      chunk: job.chunk,
    };
    worker.postMessage(message, [job.bytes]);
  }

  private onMessage(worker: Worker, msg: WorkerMessage): void {
    const slot = this.slots.find((s) => s.worker === worker);
    const running = slot?.running.get(msg.id);
    if (!slot || !running) return;
    if (msg.type === 'progress') {
      running.job.onProgress?.(msg.progress);
      return;
    }
    this.release(slot, msg.id);
    if (msg.type === 'done') running.job.resolve(msg.result);
    else running.job.reject(new ExtractionError(msg.code, msg.message, msg.permanent));
    this.dispatch();
  }

  private onCrash(worker: Worker, reason: string): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot || this.closed) return;
    this.replace(
      slot,
      undefined,
      new ExtractionError(
        'WORKER_CRASHED',
        `The extractor crashed while reading this file (${reason}).`,
        false,
      ),
    );
  }

  private release(slot: Slot, id: number): Job | undefined {
    const running = slot.running.get(id);
    if (!running) return undefined;
    clearTimeout(running.timer);
    slot.running.delete(id);
    return running.job;
  }

  private failAll(slot: Slot, error: ExtractionError): void {
    for (const id of [...slot.running.keys()]) this.release(slot, id)?.reject(error);
  }

  /**
   * A worker that crashed or overran is discarded whole: its heap may hold the runaway state. `culprit` (the
   * job that overran) gets `error`; the others it held were innocent and fail as retryable.
   */
  private replace(slot: Slot, culprit: number | undefined, error: ExtractionError): void {
    const old = slot.worker;
    if (culprit !== undefined) this.release(slot, culprit)?.reject(error);
    const bystander =
      culprit === undefined
        ? error
        : new ExtractionError(
            'WORKER_CRASHED',
            'The extractor was restarted while reading this file (another file overran); it will be retried.',
            false,
          );
    this.failAll(slot, bystander);
    slot.worker = undefined;
    if (old) {
      old.removeAllListeners();
      old.on('error', () => {});
      void old.terminate();
    }
    if (!this.closed) this.dispatch();
  }
}
