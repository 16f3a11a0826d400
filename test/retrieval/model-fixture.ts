/**
 * Whether the local model is on this machine (`npm run models:fetch` puts it in MODELS_DIR). Tests of the
 * model path skip with the reason when it is missing, except under CI=true, where `.ci/run` fetches it and
 * a missing model must fail the run rather than silently test nothing.
 */
import { describe, it } from 'vitest';
import { DEFAULT_MODEL, localModel } from '../../src/retrieval/model/catalog.ts';
import { checkModel, defaultModelsDir } from '../../src/retrieval/model/model-files.ts';

export const MODELS_DIR = process.env.MODELS_DIR || defaultModelsDir();
export const MODEL = localModel(DEFAULT_MODEL);

const check = await checkModel(MODELS_DIR, MODEL);
export const modelPresent = check.ok;

/** Registers a visible skip (or, in CI, a failing test) when the model is missing. */
export function reportMissingModel(suite: string): void {
  if (check.ok) return;
  describe(`${suite}: local model availability`, () => {
    if (process.env.CI) {
      it('the local model is installed in CI', () => {
        throw new Error(`${suite} cannot run: ${check.reason} (run npm run models:fetch)`);
      });
    } else {
      console.warn(`Skipping ${suite}: ${check.reason} (run npm run models:fetch)`);
      it.skip(`${suite}: ${check.reason}`, () => {});
    }
  });
}
