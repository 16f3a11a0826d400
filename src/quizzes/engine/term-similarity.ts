/**
 * How close two of a room's key terms are in meaning, from the server's embedder: "argon" is near "neon",
 * far from "lighthouse". The offline drafter picks distractors among the answer's near neighbours of the
 * same kind, so a wrong option is plausible rather than random. Names and technical terms are embedded
 * once per quiz (short texts, batched, ahead of bulk work); numbers keep their own rules.
 */
import type { Embedder } from '../../retrieval/ports.ts';
import type { Vocabulary, VocabularyTerm } from './vocabulary.ts';

/** Enough for a large room's vocabulary: ~400 technical terms plus its names. */
const MAX_TERMS = 1200;

export class TermSimilarity {
  private readonly vectors: Map<string, Float32Array>;

  private constructor(vectors: Map<string, Float32Array>) {
    this.vectors = vectors;
  }

  /** The vocabulary's names and terms embedded; undefined when the embedder fails (distractors then fall back). */
  static async of(
    vocabulary: Vocabulary,
    embedder: Embedder,
    signal?: AbortSignal,
  ): Promise<TermSimilarity | undefined> {
    const terms = vocabulary.terms.filter((t) => t.kind === 'NAME' || t.kind === 'TERM').slice(0, MAX_TERMS);
    if (terms.length === 0) return undefined;
    try {
      const vectors = await embedder.embed(
        terms.map((t) => t.text),
        { signal, urgent: true },
      );
      return new TermSimilarity(new Map(terms.map((t, i) => [t.key, vectors[i]!])));
    } catch (error) {
      if (signal?.aborted) throw error;
      return undefined;
    }
  }

  /** Cosine of the two terms' embeddings, or undefined when either was not embedded. */
  of(a: VocabularyTerm, b: VocabularyTerm): number | undefined {
    const va = this.vectors.get(a.key);
    const vb = this.vectors.get(b.key);
    if (!va || !vb) return undefined;
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let k = 0; k < va.length; k++) {
      dot += va[k]! * vb[k]!;
      na += va[k]! * va[k]!;
      nb += vb[k]! * vb[k]!;
    }
    return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  }
}
