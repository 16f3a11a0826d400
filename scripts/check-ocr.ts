/**
 * Checks that OCR runs from node_modules alone: the wasm core of tesseract.js-core and each configured
 * language's data package are installed (OCR_LANGUAGES, default eng). Nothing is fetched at run time.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseOcrLanguages } from '../src/documents/engine/ocr.ts';

const require = createRequire(import.meta.url);
const core = dirname(require.resolve('tesseract.js-core/package.json'));
const wasm = [
  'tesseract-core-relaxedsimd-lstm.wasm',
  'tesseract-core-simd-lstm.wasm',
  'tesseract-core-lstm.wasm',
];
const missing = wasm.filter((file) => !existsSync(join(core, file)));
if (missing.length > 0) throw new Error(`tesseract.js-core lacks ${missing.join(', ')} in ${core}`);
for (const code of parseOcrLanguages(process.env.OCR_LANGUAGES ?? 'eng')) {
  const pkg = require(`@tesseract.js-data/${code}`) as { langPath: string };
  const file = join(pkg.langPath, `${code}.traineddata.gz`);
  if (!existsSync(file)) throw new Error(`language data missing: ${file}`);
  console.log(`OCR ${code}: ${file}`);
}
console.log(`OCR core: ${core}`);
