/**
 * The LocalModelEmbedder on the real bge-small-en-v1.5 int8 model: vectors of the recorded width, meaning
 * beyond shared words, batching that never changes a vector, queries ahead of a queued book, and clear
 * failures when the model cannot load.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalModelEmbedder } from '../../src/retrieval/model/local-model-embedder.ts';
import { MODEL, MODELS_DIR, modelPresent, reportMissingModel } from './model-fixture.ts';

reportMissingModel('LocalModelEmbedder');

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, k) => sum + x * b[k]!, 0);

describe.runIf(modelPresent)('LocalModelEmbedder', () => {
  const embedder = new LocalModelEmbedder({ modelsDir: MODELS_DIR, model: MODEL, workers: 2 });
  afterAll(() => embedder.close());

  it('embeds into the recorded 384-dimensional space, L2-normalised and deterministic', async () => {
    expect(embedder.id).toBe('bge-small-en-v1.5-q8:384');
    const texts = ['Mitochondria produce ATP.', 'Mitochondria produce ATP.', 'The Bastille fell in 1789.'];
    const [a, b, c] = await embedder.embed(texts);
    expect(a).toHaveLength(384);
    expect(Math.sqrt(cosine(a!, a!))).toBeCloseTo(1, 4);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
    expect(cosine(a!, c!)).toBeLessThan(0.8);
  });

  it('matches a paraphrase that shares almost no words with the passage', async () => {
    const passages = [
      'The geothermal vents release mostly neon.',
      'Volcanic eruptions throw out ash, lava and rock.',
      'Chlorine is added to drinking water to kill bacteria.',
      'The cat slept on the warm windowsill all afternoon.',
    ];
    const vectors = await embedder.embed(passages);
    const [query] = await embedder.embed(['which noble gas escapes from the volcanic vents'], {
      input: 'query',
    });
    const ranked = passages
      .map((text, i) => ({ text, score: cosine(query!, vectors[i]!) }))
      .sort((x, y) => y.score - x.score);
    expect(ranked[0]!.text).toMatch(/neon/);
  });

  it('embeds a query with its instruction, so it differs from the same text as a passage', async () => {
    const [asPassage] = await embedder.embed(['noble gases in volcanic vents']);
    const [asQuery] = await embedder.embed(['noble gases in volcanic vents'], { input: 'query' });
    expect(cosine(asPassage!, asQuery!)).toBeLessThan(0.99);
    expect(cosine(asPassage!, asQuery!)).toBeGreaterThan(0.7);
  });

  // Short texts share a forward pass, and the int8 model quantises activations per pass, so their vectors
  // move very slightly with their companions; a long text runs alone and comes back identical.
  it('returns each text its own vector whatever the batch it was embedded in', async () => {
    const long = 'Photosynthesis converts light energy into chemical energy in the chloroplast. '.repeat(30);
    const texts = [
      'Short one.',
      long,
      'A sentence of medium length about glaciers and valleys.',
      long.slice(0, 400),
    ];
    const together = await embedder.embed(texts);
    for (const [i, text] of texts.entries()) {
      const [alone] = await embedder.embed([text]);
      expect(cosine(alone!, together[i]!)).toBeGreaterThan(text.length > 1000 ? 0.99999 : 0.99);
    }
  });

  it('answers a query while a long batch of passages is still queued', async () => {
    const single = new LocalModelEmbedder({
      modelsDir: MODELS_DIR,
      model: MODEL,
      workers: 1,
      taskTokens: 512,
    });
    try {
      const book = Array.from(
        { length: 24 },
        (_, i) => `Chapter ${i}. ${'The river carved the canyon over millions of years. '.repeat(25)}`,
      );
      const order: string[] = [];
      const passages = single.embed(book).then(() => order.push('book'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const query = single
        .embed(['how are canyons formed'], { input: 'query' })
        .then(() => order.push('query'));
      await Promise.all([passages, query]);
      expect(order).toEqual(['query', 'book']);
    } finally {
      await single.close();
    }
  }, 120_000);

  it('fails every call clearly when the model cannot be loaded, and after close', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'studyroom-no-model-'));
    const broken = new LocalModelEmbedder({ modelsDir: empty, model: MODEL, workers: 1 });
    try {
      await expect(broken.embed(['anything'])).rejects.toThrow(/failed to load/);
      await expect(broken.embed(['again'])).rejects.toThrow(/failed to load/);
    } finally {
      await broken.close();
      await rm(empty, { recursive: true, force: true });
    }
    await expect(broken.embed(['closed'])).rejects.toThrow(/shut down/);
  });
});
