import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { Embedders } from '../../../src/retrieval/embedders.ts';
import { LocalEmbedder } from '../../../src/retrieval/local-embedder.ts';
import { BlendEmbedder } from '../../../src/retrieval/model/blend-embedder.ts';
import { localEmbedderId } from '../../../src/retrieval/model/catalog.ts';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, k) => s + x * b[k]!, 0);

describe('BlendEmbedder', () => {
  const a = new LocalEmbedder({ dimensions: 256 });
  const b = new LocalEmbedder({ dimensions: 512 });

  it('joins the parts so its dot product is the weighted sum of their cosines', async () => {
    const blend = new BlendEmbedder('test-blend:768', [
      { embedder: a, weight: 3 },
      { embedder: b, weight: 1 },
    ]);
    expect(blend.dimensions).toBe(768);
    const texts = [
      'Mitochondria make most of the energy of the cell.',
      'The cell gets its energy from mitochondria.',
    ];
    const [x, y] = await blend.embed(texts);
    const [ax, ay] = await a.embed(texts);
    const [bx, by] = await b.embed(texts);
    expect(Math.sqrt(dot(x!, x!))).toBeCloseTo(1, 5);
    expect(dot(x!, y!)).toBeCloseTo(0.75 * dot(ax!, ay!) + 0.25 * dot(bx!, by!), 5);
    expect(x!.subarray(0, 256)).toEqual(ax!.map((v) => v * Math.sqrt(0.75)));
  });

  it('is recorded under its own id, and a server without its models falls back saying how to fetch them', async () => {
    expect(localEmbedderId('bge-small+e5-small-q8')).toBe('bge-small+e5-small-q8:768');
    const models = await mkdtemp(join(tmpdir(), 'studyroom-no-models-'));
    try {
      const config = loadConfig({
        DATA_DIR: join(models, 'data'),
        EMBEDDER: 'local-model',
        LOCAL_MODEL: 'bge-small+e5-small-q8',
        MODELS_DIR: models,
      });
      const embedders = await Embedders.create(config);
      expect(embedders.status.id).toBe('local-hash-v1:4096');
      expect(embedders.status.fallback?.fix).toBe(
        `MODELS_DIR=${models} npm run models:fetch -- --model bge-small+e5-small-q8`,
      );
      expect(await embedders.forId('bge-small+e5-small-q8:768')).toBeUndefined();
      await embedders.close();
    } finally {
      await rm(models, { recursive: true, force: true });
    }
  });
});
