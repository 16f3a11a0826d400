/**
 * One inference thread of the LocalModelEmbedder: loads the tokenizer and the ONNX session from the local
 * model directory (never a hub: `allowRemoteModels = false`) and embeds the texts it is sent.
 *
 * Within a task, texts are sorted by token length and run in sub-batches whose padded size (rows × longest
 * row) stays under `batchTokens`: similar lengths waste little on padding, and a batch's cost is bounded.
 * The int8 model quantises activations with one scale per pass, so a text's vector moves very slightly
 * with its batch companions (cosine > 0.995); a long text is always alone in its pass.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { LocalModel } from './catalog.ts';

export interface ModelWorkerData {
  modelsDir: string;
  model: LocalModel;
  /** ONNX Runtime intra-op threads of this worker (1: the worker's own thread does the math). */
  threads: number;
  /** Padded tokens per forward pass. */
  batchTokens: number;
  /** Nice value for this thread (Linux keeps one per thread), so the API's event loop wins the CPU. */
  nice: number;
}

/** Texts to embed, or `close`: finish the task running, release the session, end the thread. */
export type ModelWorkerRequest = { id: number; texts: string[] } | { type: 'close' };
export type ModelWorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { id: number; type: 'done'; vectors: Float32Array }
  | { id: number; type: 'error'; message: string };

const data = workerData as ModelWorkerData;
const port = parentPort!;

// Before the session exists: threads ONNX Runtime starts later inherit this thread's priority.
try {
  setPriority(data.nice);
} catch {
  // Not permitted on this platform: inference then simply competes at normal priority.
}

type Tokenizer = (
  texts: string[],
  options: { padding: boolean; truncation: boolean; max_length: number },
) => Promise<Record<string, { dims: number[]; data: ArrayLike<bigint | number> }>>;
type Model = ((inputs: unknown) => Promise<{ last_hidden_state: { dims: number[]; data: Float32Array } }>) & {
  dispose?: () => Promise<unknown>;
};

let tokenizer: Tokenizer;
let model: Model;
try {
  const { AutoModel, AutoTokenizer, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = data.modelsDir;
  tokenizer = (await AutoTokenizer.from_pretrained(data.model.name, {
    local_files_only: true,
  })) as unknown as Tokenizer;
  model = (await AutoModel.from_pretrained(data.model.name, {
    local_files_only: true,
    dtype: 'q8',
    device: 'cpu',
    session_options: {
      intraOpNumThreads: data.threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    },
  })) as unknown as Model;
  port.postMessage({ type: 'ready' } satisfies ModelWorkerReply);
} catch (error) {
  port.postMessage({ type: 'failed', message: messageOf(error) } satisfies ModelWorkerReply);
  process.exit(1);
}

// Ending the thread from outside (Worker.terminate) while ONNX Runtime has work in flight aborts the
// whole process ("terminate called after throwing an instance of 'Napi::Error'"), so the pool asks the
// thread to close and it ends itself once nothing runs.
let running = 0;
let closing = false;
async function endIfIdle(): Promise<void> {
  if (!closing || running > 0) return;
  await model.dispose?.().catch(() => {});
  port.close();
  process.exit(0);
}

port.on('message', (request: ModelWorkerRequest) => {
  if ('type' in request) {
    closing = true;
    void endIfIdle();
    return;
  }
  running++;
  embedAll(request.texts)
    .then(
      (vectors) =>
        port.postMessage({ id: request.id, type: 'done', vectors } satisfies ModelWorkerReply, [
          vectors.buffer as ArrayBuffer,
        ]),
      (error) => port.postMessage({ id: request.id, type: 'error', message: messageOf(error) }),
    )
    .finally(() => {
      running--;
      void endIfIdle();
    });
});

/** Row-major [texts × dims], L2-normalised. */
async function embedAll(texts: string[]): Promise<Float32Array> {
  const dims = data.model.dimensions;
  const out = new Float32Array(texts.length * dims);
  const lengths = await tokenLengths(texts);
  const order = texts.map((_, i) => i).sort((a, b) => lengths[a] - lengths[b]);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    // Sorted ascending, so the longest row of [start, end) is the last one.
    while (end < order.length && (end + 1 - start) * lengths[order[end]] <= data.batchTokens) end++;
    const batch = order.slice(start, end);
    const pooled = await embedBatch(batch.map((i) => texts[i]));
    for (const [row, textIndex] of batch.entries()) {
      out.set(pooled.subarray(row * dims, (row + 1) * dims), textIndex * dims);
    }
    start = end;
  }
  return out;
}

async function tokenLengths(texts: string[]): Promise<number[]> {
  const encoded = await tokenizer(texts, {
    padding: true,
    truncation: true,
    max_length: data.model.maxTokens,
  });
  const mask = encoded.attention_mask;
  const [rows, cols] = mask.dims;
  const lengths: number[] = [];
  for (let r = 0; r < rows; r++) {
    let n = 0;
    for (let c = 0; c < cols; c++) n += Number(mask.data[r * cols + c]);
    lengths.push(n);
  }
  return lengths;
}

async function embedBatch(texts: string[]): Promise<Float32Array> {
  const inputs = await tokenizer(texts, {
    padding: true,
    truncation: true,
    max_length: data.model.maxTokens,
  });
  const hidden = (await model(inputs)).last_hidden_state;
  const [rows, tokens, width] = hidden.dims;
  const mask = inputs.attention_mask.data;
  const out = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const vector = out.subarray(r * width, (r + 1) * width);
    if (data.model.pooling === 'cls') {
      vector.set(hidden.data.subarray(r * tokens * width, r * tokens * width + width));
    } else {
      let count = 0;
      for (let t = 0; t < tokens; t++) {
        if (Number(mask[r * tokens + t]) === 0) continue;
        count++;
        const base = (r * tokens + t) * width;
        for (let k = 0; k < width; k++) vector[k] += hidden.data[base + k];
      }
      for (let k = 0; k < width; k++) vector[k] /= Math.max(1, count);
    }
    let norm = 0;
    for (let k = 0; k < width; k++) norm += vector[k] * vector[k];
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < width; k++) vector[k] *= inv;
  }
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
