/**
 * An Embedder that remembers vectors on disk, keyed by (embedder id, input kind, text): evaluation embeds
 * SciFact's 5k abstracts once per model and every later run (another alpha, another store, a fusion sweep)
 * reads them back instead of spending CPU minutes recomputing identical numbers. For evaluation only: the
 * product never caches by text across rooms.
 *
 * One append-only file per embedder id: records of [32-byte sha256 key][dims × float32].
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Embedder, EmbedOptions } from '../ports.ts';

export class CachedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  hits = 0;
  misses = 0;
  private readonly inner: Embedder;
  private readonly file: string;
  private readonly vectors = new Map<string, Float32Array>();

  constructor(inner: Embedder, dir: string) {
    this.inner = inner;
    this.id = inner.id;
    this.dimensions = inner.dimensions;
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, `${inner.id.replace(/[^\w.-]+/g, '_')}.bin`);
    if (existsSync(this.file)) this.load();
  }

  async embed(texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    const keys = texts.map((text) => this.key(text, options.input ?? 'passage'));
    const missing = [...new Set(keys.filter((key) => !this.vectors.has(key)))];
    this.hits += texts.length - missing.length;
    this.misses += missing.length;
    if (missing.length > 0) {
      const textOf = new Map(keys.map((key, i) => [key, texts[i]]));
      const fresh = await this.inner.embed(
        missing.map((key) => textOf.get(key)!),
        options,
      );
      const record = 32 + this.dimensions * 4;
      const out = Buffer.alloc(missing.length * record);
      missing.forEach((key, i) => {
        this.vectors.set(key, fresh[i]);
        Buffer.from(key, 'hex').copy(out, i * record);
        Buffer.from(fresh[i].buffer, fresh[i].byteOffset, fresh[i].byteLength).copy(out, i * record + 32);
      });
      appendFileSync(this.file, out);
    }
    return keys.map((key) => this.vectors.get(key)!);
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }

  private key(text: string, input: string): string {
    return createHash('sha256')
      .update(this.id)
      .update('\0')
      .update(input)
      .update('\0')
      .update(text)
      .digest('hex');
  }

  private load(): void {
    const bytes = readFileSync(this.file);
    const record = 32 + this.dimensions * 4;
    // A torn last record (a run killed mid-append) is ignored.
    for (let at = 0; at + record <= bytes.length; at += record) {
      const vector = new Float32Array(this.dimensions);
      new Uint8Array(vector.buffer).set(bytes.subarray(at + 32, at + record));
      this.vectors.set(bytes.subarray(at, at + 32).toString('hex'), vector);
    }
  }
}
