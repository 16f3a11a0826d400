/**
 * A ModelBlend run as one Embedder: every text goes through each part (in parallel; each part has its own
 * workers) and the vectors are joined, each scaled by √weight (catalog.ts says why that is the blend).
 */
import type { Embedder, EmbedOptions } from '../ports.ts';

export interface BlendPart {
  embedder: Embedder;
  weight: number;
}

export class BlendEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly parts: BlendPart[];

  constructor(id: string, parts: BlendPart[]) {
    const total = parts.reduce((n, p) => n + p.weight, 0);
    if (parts.length < 2 || !(total > 0))
      throw new Error(`blend ${id} needs two parts with positive weights`);
    this.id = id;
    this.parts = parts.map((p) => ({ embedder: p.embedder, weight: p.weight / total }));
    this.dimensions = parts.reduce((n, p) => n + p.embedder.dimensions, 0);
  }

  async embed(texts: string[], options?: EmbedOptions): Promise<Float32Array[]> {
    const perPart = await Promise.all(this.parts.map((p) => p.embedder.embed(texts, options)));
    return texts.map((_, i) => {
      const out = new Float32Array(this.dimensions);
      let at = 0;
      this.parts.forEach((part, k) => {
        const v = perPart[k]![i]!;
        const scale = Math.sqrt(part.weight);
        for (let j = 0; j < v.length; j++) out[at + j] = scale * v[j]!;
        at += v.length;
      });
      return out;
    });
  }

  warmUp(): void {
    for (const part of this.parts) part.embedder.warmUp?.();
  }

  async close(): Promise<void> {
    await Promise.all(this.parts.map((p) => p.embedder.close?.()));
  }
}
