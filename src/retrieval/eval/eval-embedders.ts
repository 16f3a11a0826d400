/**
 * The embedders an evaluation can name on its command line: `local-model` (LOCAL_MODEL, else the default
 * model) or a model or blend name from the catalog, `local-hash[:dims]`, `openai` (OPENAI_API_KEY, OPENAI_BASE_URL, EMBEDDING_MODEL,
 * EMBEDDING_DIMENSIONS). Model vectors are cached on disk (CachedEmbedder); hashing is cheaper to recompute.
 */
import { LocalEmbedder } from '../local-embedder.ts';
import { DEFAULT_MODEL, LOCAL_MODEL_NAMES } from '../model/catalog.ts';
import { checkLocalModels, createLocalEmbedder } from '../model/local-embedders.ts';
import { defaultModelsDir } from '../model/model-files.ts';
import { OpenAIEmbedder } from '../openai-embedder.ts';
import type { Embedder } from '../ports.ts';
import { CachedEmbedder } from './cached-embedder.ts';

export async function evalEmbedder(
  spec: string,
  options: { cacheDir?: string; workers?: number } = {},
): Promise<Embedder> {
  if (spec === 'local' || spec.startsWith('local-hash')) {
    const dims = spec.split(':')[1];
    return new LocalEmbedder({ dimensions: dims ? Number(dims) : undefined });
  }
  if (spec === 'openai') {
    const dims = process.env.EMBEDDING_DIMENSIONS;
    const embedder = new OpenAIEmbedder({
      apiKey: process.env.OPENAI_API_KEY,
      baseURL: process.env.OPENAI_BASE_URL,
      model: process.env.EMBEDDING_MODEL,
      dimensions: dims ? Number(dims) : undefined,
    });
    return options.cacheDir ? new CachedEmbedder(embedder, options.cacheDir) : embedder;
  }
  const name = spec === 'local-model' ? (process.env.LOCAL_MODEL ?? DEFAULT_MODEL) : spec;
  if (!LOCAL_MODEL_NAMES.includes(name)) {
    throw new Error(
      `unknown embedder ${spec}: use local-model, local-hash[:dims], openai or one of ${LOCAL_MODEL_NAMES.join(', ')}`,
    );
  }
  const modelsDir = process.env.MODELS_DIR || defaultModelsDir();
  const check = await checkLocalModels(modelsDir, name);
  if (!check.ok) throw new Error(`${check.reason}: run npm run models:fetch -- --model ${name}`);
  // A blend caches per model, so it reuses the vectors its parts already have on disk.
  const { cacheDir } = options;
  return createLocalEmbedder(name, {
    modelsDir,
    workers: options.workers,
    wrap: cacheDir ? (embedder) => new CachedEmbedder(embedder, cacheDir) : undefined,
  });
}
