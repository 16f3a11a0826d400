/**
 * A real embedding model, run locally: transformers.js on onnxruntime-node, from a model directory on disk
 * (see catalog.ts for the models and model-files.ts for the layout). Inference runs in a small pool of
 * worker threads, one ONNX session each, at a lower thread priority, so the event loop that serves the API
 * keeps answering while a book is embedded.
 *
 * An embed call is cut into tasks of similar-length texts (about `taskTokens` each, estimated from
 * characters so this thread never tokenises); each free worker takes the next task. Queries jump the
 * queue: a search waits for at most the batch a worker is busy with, not for the rest of the book.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Embedder, EmbedOptions } from '../ports.ts';
import { type LocalModel, modelEmbedderId } from './catalog.ts';
import type { ModelWorkerData, ModelWorkerReply, ModelWorkerRequest } from './model-worker.ts';

export interface LocalModelEmbedderOptions {
  modelsDir: string;
  model: LocalModel;
  /** Worker threads; by default one per core, at most 4 (each holds its own session, ~100 MB). */
  workers?: number;
  /** ONNX Runtime threads per worker (1). */
  threadsPerWorker?: number;
  /**
   * Padded tokens per forward pass inside a worker (512). Measured on SciFact abstracts (~330 tokens):
   * one text per pass is faster than eight (4.1 vs 3.0 docs/s on one thread), while short sentences gain
   * from batching (one-line questions: 80 → 140-210/s at 16 per pass). 512 batches only the short ones.
   */
  batchTokens?: number;
  /** Estimated tokens per task handed to a worker (2,048). */
  taskTokens?: number;
  /** Nice value of the inference threads (10); 0 to compete evenly with the API. */
  nice?: number;
}

interface Task {
  id: number;
  texts: string[];
  resolve: (vectors: Float32Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task;
}

const WORKER_URL = new URL('./model-worker.ts', import.meta.url);
/** WordPiece averages a little over 4 characters per token on English prose. */
const CHARS_PER_TOKEN = 4;

export class LocalModelEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly model: LocalModel;
  readonly size: number;
  private readonly options: Required<Omit<LocalModelEmbedderOptions, 'model' | 'workers'>>;
  private readonly slots: Slot[] = [];
  /** Queries first, then passages; each FIFO. */
  private readonly queues: { query: Task[]; passage: Task[] } = { query: [], passage: [] };
  private nextId = 1;
  private closed = false;
  private startupFailure?: Error;

  constructor(options: LocalModelEmbedderOptions) {
    this.model = options.model;
    this.id = modelEmbedderId(options.model);
    this.dimensions = options.model.dimensions;
    this.size = options.workers ?? Math.max(1, Math.min(4, availableParallelism()));
    this.options = {
      modelsDir: options.modelsDir,
      threadsPerWorker: options.threadsPerWorker ?? 1,
      batchTokens: options.batchTokens ?? 512,
      taskTokens: options.taskTokens ?? 2048,
      nice: options.nice ?? 10,
    };
  }

  async embed(texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const input = options.input ?? 'passage';
    const prefix = input === 'query' ? this.model.queryPrefix : this.model.passagePrefix;
    const out: Float32Array[] = new Array(texts.length);
    const pending: Promise<void>[] = [];
    for (const indexes of this.plan(texts)) {
      options.signal?.throwIfAborted();
      const vectors = this.submit(
        indexes.map((i) => prefix + (texts[i] || ' ')),
        input === 'query' || options.urgent ? 'query' : 'passage',
      );
      pending.push(
        vectors.then((flat) => {
          indexes.forEach((textIndex, row) => {
            out[textIndex] = flat.slice(row * this.dimensions, (row + 1) * this.dimensions);
          });
        }),
      );
    }
    await Promise.all(pending);
    return out;
  }

  /** Starts one worker now (loading the model takes ~1 s), so the first search does not pay for it. */
  warmUp(): void {
    if (this.slots.length === 0 && !this.closed) this.spawn();
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('the embedder is shut down');
    for (const task of [...this.queues.query, ...this.queues.passage]) task.reject(error);
    this.queues.query.length = 0;
    this.queues.passage.length = 0;
    // Each thread is asked to end itself after its current pass (terminating one mid-pass aborts the
    // process); one that has not within CLOSE_GRACE_MS is terminated.
    await Promise.all(this.slots.map((slot) => closeWorker(slot.worker)));
    this.slots.length = 0;
  }

  /** Groups text indexes, shortest first, into tasks of about `taskTokens` estimated tokens each. */
  plan(texts: string[]): number[][] {
    const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length);
    const maxChars = this.options.taskTokens * CHARS_PER_TOKEN;
    const tasks: number[][] = [];
    let current: number[] = [];
    let chars = 0;
    for (const i of order) {
      const n = Math.min(texts[i].length, this.model.maxTokens * CHARS_PER_TOKEN);
      if (current.length > 0 && chars + n > maxChars) {
        tasks.push(current);
        current = [];
        chars = 0;
      }
      current.push(i);
      chars += n;
    }
    if (current.length > 0) tasks.push(current);
    return tasks;
  }

  private submit(texts: string[], queue: 'query' | 'passage'): Promise<Float32Array> {
    if (this.closed) return Promise.reject(new Error('the embedder is shut down'));
    if (this.startupFailure) return Promise.reject(this.startupFailure);
    return new Promise((resolve, reject) => {
      this.queues[queue].push({ id: this.nextId++, texts, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task) continue;
      const task = this.queues.query.shift() ?? this.queues.passage.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, texts: task.texts });
    }
    const waiting = this.queues.query.length + this.queues.passage.length;
    const starting = this.slots.filter((slot) => !slot.ready).length;
    if (waiting > starting && this.slots.length < this.size) this.spawn();
  }

  private spawn(): void {
    const workerData: ModelWorkerData = {
      modelsDir: this.options.modelsDir,
      model: this.model,
      threads: this.options.threadsPerWorker,
      batchTokens: this.options.batchTokens,
      nice: this.options.nice,
    };
    const slot: Slot = { worker: new Worker(WORKER_URL, { workerData }), ready: false };
    this.slots.push(slot);
    slot.worker.on('message', (reply: ModelWorkerReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
      } else if (reply.type === 'failed') {
        this.fail(
          slot,
          new Error(`the local model ${this.model.name} failed to load: ${reply.message}`),
          true,
        );
        return;
      } else if (slot.task?.id === reply.id) {
        const task = slot.task;
        slot.task = undefined;
        if (reply.type === 'done') task.resolve(reply.vectors);
        else task.reject(new Error(`embedding failed: ${reply.message}`));
      }
      this.dispatch();
    });
    slot.worker.on('error', (error) => this.fail(slot, error, !slot.ready));
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`embedding worker exited with code ${code}`), !slot.ready);
    });
  }

  /** Drops a dead worker; its task fails. A worker that never loaded fails everything queued too. */
  private fail(slot: Slot, error: Error, atStartup: boolean): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    void slot.worker.terminate();
    slot.task?.reject(error);
    if (atStartup && !this.slots.some((s) => s.ready)) {
      this.startupFailure = error;
      for (const task of [...this.queues.query, ...this.queues.passage]) task.reject(error);
      this.queues.query.length = 0;
      this.queues.passage.length = 0;
      return;
    }
    this.dispatch();
  }
}

const CLOSE_GRACE_MS = 30_000;

async function closeWorker(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage({ type: 'close' } satisfies ModelWorkerRequest);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS);
  });
  if ((await Promise.race([exited, late])) === 'late') await worker.terminate();
  clearTimeout(timer);
}
