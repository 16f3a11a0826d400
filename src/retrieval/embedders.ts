/**
 * The configured embedder, what became of the configuration (the start banner prints it), and the other
 * embedders a room may still need while it moves: a room indexed by another embedder is searched with
 * that one until the background re-embed commits, so the query must be embedded in the old space.
 */
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { LocalEmbedder } from './local-embedder.ts';
import { DEFAULT_MODEL, LOCAL_MODEL_NAMES, localEmbedderId } from './model/catalog.ts';
import { checkLocalModels, createLocalEmbedder } from './model/local-embedders.ts';
import { defaultModelsDir } from './model/model-files.ts';
import { OpenAIEmbedder } from './openai-embedder.ts';
import type { Embedder } from './ports.ts';

export interface EmbedderStatus {
  /** The embedder in use, e.g. `bge-small-en-v1.5-q8:384`. */
  id: string;
  configured: Config['EMBEDDER'];
  /** Set when the configured embedder could not be used: why, and the command that fixes it. */
  fallback?: { reason: string; fix: string };
}

export class Embedders {
  readonly active: Embedder;
  readonly status: EmbedderStatus;
  private readonly config: Config;
  private readonly others = new Map<string, Embedder>();

  private constructor(config: Config, active: Embedder, status: EmbedderStatus) {
    this.config = config;
    this.active = active;
    this.status = status;
  }

  static async create(config: Config): Promise<Embedders> {
    if (config.EMBEDDER === 'openai') {
      const embedder = openAIEmbedder(config, config.EMBEDDING_MODEL, config.EMBEDDING_DIMENSIONS);
      return new Embedders(config, embedder, { id: embedder.id, configured: 'openai' });
    }
    if (config.EMBEDDER === 'local-hash') {
      const embedder = new LocalEmbedder({ dimensions: config.EMBEDDING_DIMENSIONS });
      return new Embedders(config, embedder, { id: embedder.id, configured: 'local-hash' });
    }
    const name = config.LOCAL_MODEL;
    const check = await checkLocalModels(config.MODELS_DIR, name);
    if (!check.ok) {
      const embedder = new LocalEmbedder();
      const fetch = `npm run models:fetch${name === DEFAULT_MODEL ? '' : ` -- --model ${name}`}`;
      return new Embedders(config, embedder, {
        id: embedder.id,
        configured: 'local-model',
        fallback: {
          reason: `the local model is not installed (${check.reason})`,
          fix:
            config.MODELS_DIR === resolve(defaultModelsDir())
              ? fetch
              : `MODELS_DIR=${config.MODELS_DIR} ${fetch}`,
        },
      });
    }
    const embedder = createLocalEmbedder(name, {
      modelsDir: config.MODELS_DIR,
      workers: config.EMBEDDER_WORKERS,
    });
    embedder.warmUp?.();
    return new Embedders(config, embedder, { id: embedder.id, configured: 'local-model' });
  }

  /** An embedder that produces vectors in the space named by `id`, or undefined when none can here. */
  async forId(id: string): Promise<Embedder | undefined> {
    if (id === this.active.id) return this.active;
    const known = this.others.get(id);
    if (known) return known;
    const made = await this.make(id);
    if (made) this.others.set(id, made);
    return made;
  }

  async close(): Promise<void> {
    await Promise.all([this.active, ...this.others.values()].map((e) => e.close?.()));
  }

  private async make(id: string): Promise<Embedder | undefined> {
    const hash = /^local-hash-v1:(\d+)$/.exec(id);
    if (hash) return new LocalEmbedder({ dimensions: Number(hash[1]) });
    const name = LOCAL_MODEL_NAMES.find((n) => localEmbedderId(n) === id);
    if (name) {
      if (!(await checkLocalModels(this.config.MODELS_DIR, name)).ok) return undefined;
      // Only queries of rooms still moving go through it: one thread (per model) is plenty.
      return createLocalEmbedder(name, { modelsDir: this.config.MODELS_DIR, workers: 1 });
    }
    const openai = /^openai:(.+):(\d+)$/.exec(id);
    if (openai && (this.config.OPENAI_API_KEY || this.config.OPENAI_BASE_URL)) {
      return openAIEmbedder(this.config, openai[1], Number(openai[2]));
    }
    return undefined;
  }
}

function openAIEmbedder(config: Config, model: string | undefined, dimensions: number | undefined) {
  return new OpenAIEmbedder({
    apiKey: config.OPENAI_API_KEY ?? 'unused',
    baseURL: config.OPENAI_BASE_URL,
    model,
    dimensions,
  });
}
