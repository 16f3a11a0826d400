/**
 * Where a local model lives on disk and whether it is intact. The directory is laid out the way
 * transformers.js reads a model with `env.allowRemoteModels = false`:
 *   <MODELS_DIR>/<name>/config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LocalModel } from './catalog.ts';

export const ONNX_FILE = join('onnx', 'model_quantized.onnx');
export const TOKENIZER_FILE = 'tokenizer.json';

/** `$HOME/.cache/studyroom/models`: shared by every checkout on the machine, like the Weaviate binary. */
export function defaultModelsDir(): string {
  return join(homedir(), '.cache', 'studyroom', 'models');
}

export function modelDirectory(modelsDir: string, model: LocalModel): string {
  return join(modelsDir, model.name);
}

export type ModelCheck = { ok: true; dir: string } | { ok: false; dir: string; reason: string };

/** Both files present with their pinned sha256 (a truncated or tampered file is "missing"). */
export async function checkModel(modelsDir: string, model: LocalModel): Promise<ModelCheck> {
  const dir = modelDirectory(modelsDir, model);
  for (const [file, expected] of [
    [ONNX_FILE, model.sha256.onnx],
    [TOKENIZER_FILE, model.sha256.tokenizer],
    ['config.json', null],
    ['tokenizer_config.json', null],
  ] as const) {
    const path = join(dir, file);
    if (!existsSync(path)) return { ok: false, dir, reason: `${path} is missing` };
    if (expected && (await sha256File(path)) !== expected) {
      return { ok: false, dir, reason: `${path} does not match its pinned sha256` };
    }
  }
  return { ok: true, dir };
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (data) => hash.update(data))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The two small JSON files the jar lacks: transformers.js needs the architecture and tokenizer class. */
export function modelConfigFiles(model: LocalModel): Record<string, string> {
  return {
    'config.json': JSON.stringify(model.config, null, 2),
    'tokenizer_config.json': JSON.stringify(
      {
        tokenizer_class: 'BertTokenizer',
        do_lower_case: true,
        model_max_length: model.maxTokens,
        cls_token: '[CLS]',
        sep_token: '[SEP]',
        pad_token: '[PAD]',
        unk_token: '[UNK]',
        mask_token: '[MASK]',
        clean_up_tokenization_spaces: true,
      },
      null,
      2,
    ),
  };
}
