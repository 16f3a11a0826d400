/**
 * One room's in-memory search structures for the PostgreSQL store: BM25 postings and the stored vectors,
 * searched exactly (no ANN: a room holds thousands of chunks, so a scan is a few milliseconds and loses
 * nothing). Built from the table, immutable once sealed, replaced when the room's version moves.
 */
import { Bm25Index } from './bm25.ts';
import { relativeScoreFusion, type Scored } from './fusion.ts';
import type { HybridQuery, VectorHit } from './ports.ts';

export class RoomIndex {
  readonly version: string;
  bytes = 0;
  private readonly bm25 = new Bm25Index();
  private readonly chunkIds: string[] = [];
  private readonly documentIds: string[] = [];
  /** Rows while loading; folded into `columns` by seal(). */
  private rows: Float32Array[] = [];
  /**
   * Feature-major matrix: feature j of chunk i at [j * size + i]. A hashed query touches ~100 of 4,096
   * features, and this layout turns each into one sequential sweep instead of 5k scattered reads.
   */
  private columns = new Float32Array(0);
  private invNorms = new Float32Array(0);
  private dims = 0;

  constructor(version: string) {
    this.version = version;
  }

  get size(): number {
    return this.chunkIds.length;
  }

  add(chunkId: string, documentId: string, text: string, packed: Uint8Array): void {
    if (packed.byteLength % 4 !== 0) throw new Error(`vector of chunk ${chunkId} is not packed float32`);
    const dims = packed.byteLength / 4;
    if (this.dims === 0) this.dims = dims;
    if (dims !== this.dims) {
      throw new Error(
        `room holds vectors of mixed dimensions (${this.dims} and ${dims}): re-embed it with one embedder`,
      );
    }
    // Copy through bytes: the driver's Buffer may not be 4-byte aligned for a Float32Array view.
    const v = new Float32Array(dims);
    new Uint8Array(v.buffer).set(packed);
    this.rows.push(v);
    this.chunkIds.push(chunkId);
    this.documentIds.push(documentId);
    this.bm25.add(text);
    this.bytes += v.byteLength + text.length * 3 + 200;
  }

  seal(): void {
    const n = this.rows.length;
    this.invNorms = new Float32Array(n);
    this.columns = new Float32Array(n * this.dims);
    this.rows.forEach((v, i) => {
      let s = 0;
      for (let j = 0; j < v.length; j++) {
        s += v[j] * v[j];
        this.columns[j * n + i] = v[j];
      }
      this.invNorms[i] = s > 0 ? 1 / Math.sqrt(s) : 0;
    });
    this.rows = [];
  }

  search(q: HybridQuery, depth: number): VectorHit[] {
    const only = q.documentIds ? new Set(q.documentIds) : undefined;
    const excluded = q.excludeDocumentIds?.length ? new Set(q.excludeDocumentIds) : undefined;
    const allowed =
      only || excluded
        ? (i: number) => (!only || only.has(this.documentIds[i]!)) && !excluded?.has(this.documentIds[i]!)
        : undefined;
    // An empty/all-stopword question has no lexical side; fall back to vectors like the Weaviate store.
    const alpha = q.text.trim() === '' ? 1 : q.alpha;
    const lexical: Scored<number>[] =
      alpha < 1
        ? this.bm25.search(q.text, depth, allowed).map((h) => ({ key: h.index, score: h.score }))
        : [];
    const vector = alpha > 0 ? this.nearest(q.vector, depth, allowed) : [];
    return relativeScoreFusion(vector, lexical, alpha, q.limit).map(({ key, score }) => ({
      chunkId: this.chunkIds[key],
      documentId: this.documentIds[key],
      score,
    }));
  }

  /** Exact cosine similarity over all (allowed) chunks; skips the query's zero features (hashing). */
  private nearest(query: Float32Array, depth: number, allowed?: (i: number) => boolean): Scored<number>[] {
    const n = this.chunkIds.length;
    if (n === 0) return [];
    if (query.length !== this.dims) {
      throw new Error(
        `query vector has ${query.length} dimensions but this room stores ${this.dims}: ` +
          'the embedder changed since indexing; re-embed the room before searching',
      );
    }
    const dots = new Float64Array(n);
    for (let j = 0; j < query.length; j++) {
      const q = query[j];
      if (q === 0) continue;
      const base = j * n;
      for (let i = 0; i < n; i++) dots[i] += this.columns[base + i] * q;
    }
    return topScores(dots, this.invNorms, depth, allowed);
  }
}

/** The `depth` best of dots[i] * scale[i], highest first, via a size-bounded min-heap (no full sort). */
function topScores(
  dots: Float64Array,
  scale: Float32Array,
  depth: number,
  allowed?: (i: number) => boolean,
): Scored<number>[] {
  const heap: Scored<number>[] = [];
  const less = (a: Scored<number>, b: Scored<number>) =>
    a.score < b.score || (a.score === b.score && a.key > b.key);
  for (let i = 0; i < dots.length; i++) {
    if (allowed && !allowed(i)) continue;
    const score = dots[i] * scale[i];
    if (heap.length === depth && score <= heap[0].score) continue;
    const item = { key: i, score };
    if (heap.length < depth) {
      heap.push(item);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!less(heap[c], heap[p])) break;
        [heap[c], heap[p]] = [heap[p], heap[c]];
        c = p;
      }
    } else {
      heap[0] = item;
      for (let p = 0; ; ) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === p) break;
        [heap[m], heap[p]] = [heap[p], heap[m]];
        p = m;
      }
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.key - b.key);
}
