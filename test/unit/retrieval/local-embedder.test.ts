import { describe, expect, it } from 'vitest';
import { LocalEmbedder } from '../../../src/retrieval/local-embedder.ts';

const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('LocalEmbedder', () => {
  const e = new LocalEmbedder();

  it('is deterministic, L2-normalised and named by its width', async () => {
    const [a, b] = await e.embed([
      'Glucocorticoids suppress inflammation.',
      'Glucocorticoids suppress inflammation.',
    ]);
    expect(e.id).toBe('local-hash-v1:4096');
    expect(a).toHaveLength(4096);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(cos(a, a)).toBeCloseTo(1, 5);
  });

  it('puts paraphrases sharing words and word forms closer than unrelated text', async () => {
    const [q, near, far] = await e.embed([
      'Does vitamin D supplementation reduce fracture risk?',
      'Supplementing vitamin D lowered the risk of fractures in elderly women.',
      'The spindle pulls sister chromatids apart during anaphase.',
    ]);
    expect(cos(q, near)).toBeGreaterThan(0.3);
    expect(cos(q, far)).toBeLessThan(0.1);
  });

  it('embeds empty text as the zero vector instead of NaN', async () => {
    const [z] = await e.embed(['  ']);
    expect(z.every((x) => x === 0)).toBe(true);
  });

  it('embeds tens of thousands of short texts per second', async () => {
    const texts = Array.from(
      { length: 20_000 },
      (_, i) => `Question ${i}: does protein ${i % 97} bind receptor?`,
    );
    const small = new LocalEmbedder({ dimensions: 1024 });
    const t = performance.now();
    await small.embed(texts);
    const perSecond = texts.length / ((performance.now() - t) / 1000);
    expect(perSecond).toBeGreaterThan(10_000);
  });

  it('honours an aborted signal', async () => {
    await expect(e.embed(['a'], { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
