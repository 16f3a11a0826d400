/**
 * The embedder for a LOCAL_MODEL name: one LocalModelEmbedder, or a BlendEmbedder over one per part with
 * the worker threads shared out between them (a blend on 2 cores runs one thread per model, so it holds
 * as many ONNX sessions, and as much memory, as one model on two threads).
 */
import { availableParallelism } from 'node:os';
import type { Embedder } from '../ports.ts';
import { BlendEmbedder } from './blend-embedder.ts';
import { localEmbedderId, localModel, modelBlend, modelsOf } from './catalog.ts';
import { LocalModelEmbedder } from './local-model-embedder.ts';
import { checkModel, type ModelCheck } from './model-files.ts';

export interface LocalEmbedderOptions {
  modelsDir: string;
  /** Threads in all (default: one per core, at most 4). */
  workers?: number;
  /** Wraps each model's embedder (the evaluations put an on-disk cache around it). */
  wrap?: (embedder: Embedder) => Embedder;
}

export function createLocalEmbedder(name: string, options: LocalEmbedderOptions): Embedder {
  const wrap = options.wrap ?? ((embedder: Embedder) => embedder);
  const workers = options.workers ?? Math.max(1, Math.min(4, availableParallelism()));
  const blend = modelBlend(name);
  if (!blend) {
    return wrap(new LocalModelEmbedder({ modelsDir: options.modelsDir, model: localModel(name), workers }));
  }
  const each = Math.max(1, Math.floor(workers / blend.parts.length));
  return new BlendEmbedder(
    localEmbedderId(name),
    blend.parts.map((part) => ({
      weight: part.weight,
      embedder: wrap(
        new LocalModelEmbedder({
          modelsDir: options.modelsDir,
          model: localModel(part.model),
          workers: each,
        }),
      ),
    })),
  );
}

/** Every model the name needs, present and intact; the first that is not, otherwise. */
export async function checkLocalModels(modelsDir: string, name: string): Promise<ModelCheck> {
  let check: ModelCheck | undefined;
  for (const model of modelsOf(name)) {
    check = await checkModel(modelsDir, model);
    if (!check.ok) return check;
  }
  return check!;
}
