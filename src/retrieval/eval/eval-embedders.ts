/**
 * The embedders an evaluation can name on its command line: `local-model` (the default model) or a model
 * name from the catalog, `local-hash[:dims]`, `openai` (OPENAI_API_KEY, OPENAI_BASE_URL, EMBEDDING_MODEL,
 * EMBEDDING_DIMENSIONS). Model vectors are cached on disk (CachedEmbedder); hashing is cheaper to recompute.
 */
import { LocalEmbedder } from '../local-embedder.ts';
import { DEFAULT_MODEL, LOCAL_MODELS, localModel } from '../model/catalog.ts';
import { LocalModelEmbedder } from '../model/local-model-embedder.ts';
import { checkModel, defaultModelsDir } from '../model/model-files.ts';
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
  const name = spec === 'local-model' ? DEFAULT_MODEL : spec;
  if (!(name in LOCAL_MODELS)) {
    throw new Error(
      `unknown embedder ${spec}: use local-model, local-hash[:dims], openai or one of ${Object.keys(LOCAL_MODELS).join(', ')}`,
    );
  }
  const model = localModel(name);
  const modelsDir = process.env.MODELS_DIR || defaultModelsDir();
  const check = await checkModel(modelsDir, model);
  if (!check.ok) throw new Error(`${check.reason}: run npm run models:fetch -- --model ${model.name}`);
  const embedder = new LocalModelEmbedder({ modelsDir, model, workers: options.workers });
  return options.cacheDir ? new CachedEmbedder(embedder, options.cacheDir) : embedder;
}
