/**
 * Sentence embeddings for the extractive engine, kept per process and bounded (LRU): answers in a room
 * keep rereading the same chunks (a follow-up question, a neighbouring one), so most sentences are
 * embedded once. Missing ones go to the embedder in one batch that jumps its queue.
 */
import type { Embedder } from '../../retrieval/ports.ts';

export class SentenceVectors {
  readonly embedder: Embedder;
  private readonly maxEntries: number;
  private readonly vectors = new Map<string, Float32Array>();

  /** 10,000 sentences of a 384-d model hold ~15 MB. */
  constructor(embedder: Embedder, maxEntries = 10_000) {
    this.embedder = embedder;
    this.maxEntries = maxEntries;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((t) => !this.vectors.has(t)))];
    if (missing.length > 0) {
      const fresh = await this.embedder.embed(missing, { signal, urgent: true });
      for (const [i, text] of missing.entries()) this.vectors.set(text, fresh[i]!);
    }
    const out = texts.map((text) => {
      const vector = this.vectors.get(text)!;
      this.vectors.delete(text); // re-insert: Map order is the LRU order
      this.vectors.set(text, vector);
      return vector;
    });
    for (const oldest of this.vectors.keys()) {
      if (this.vectors.size <= this.maxEntries) break;
      this.vectors.delete(oldest);
    }
    return out;
  }
}
