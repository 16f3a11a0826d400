// Validates every manifest under a directory (default infra/k8s) against the Kubernetes OpenAPI
// schemas shipped, pre-compiled, in the `kubernetes-models` npm package (no network needed):
// types, required fields, enums and formats of each kind. Those validators accept unknown fields
// (like kubeconform without -strict), so a strict pass walks the package's type declarations and
// rejects any field the API does not define (a typo such as `replica:` or `readinessprobe:`).
// Unknown kinds fail (nothing is skipped silently); the kustomization must list existing files.
// Usage: node scripts/check-k8s.mjs [DIR]   -> one line per document, exit 1 on any error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const dir = resolve(process.argv[2] ?? 'infra/k8s');
const models = {
  'v1/Namespace': 'kubernetes-models/v1/Namespace',
  'v1/ConfigMap': 'kubernetes-models/v1/ConfigMap',
  'v1/Secret': 'kubernetes-models/v1/Secret',
  'v1/Service': 'kubernetes-models/v1/Service',
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
  'batch/v1/Job': 'kubernetes-models/batch/v1/Job',
  'autoscaling/v2/HorizontalPodAutoscaler': 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'kubernetes-models/policy/v1/PodDisruptionBudget',
  'networking.k8s.io/v1/Ingress': 'kubernetes-models/networking.k8s.io/v1/Ingress',
};

// Strict pass: property names per interface, read from the .d.ts files that ship with the models.
const declCache = new Map();
function declarations(file) {
  if (declCache.has(file)) return declCache.get(file);
  const text = readFileSync(file, 'utf8');
  const imports = new Map();
  for (const m of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";/gm)) {
    const spec = m[2];
    const target = spec.startsWith('.')
      ? resolve(dirname(file), spec.replace(/\.js$/, '.d.ts'))
      : fileURLToPath(import.meta.resolve(spec)).replace(/\.js$/, '.d.ts');
    imports.set(m[1], target);
  }
  const body = text.match(/^export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)^\}/m);
  const props = new Map();
  if (body) {
    for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm)) {
      const ref = m[2].startsWith('{') ? undefined : m[2].match(/\bI(IoK8s\w+)\b/);
      props.set(m[1], ref ? imports.get(`I${ref[1]}`) : undefined);
    }
  }
  const result = body ? props : null; // null: an alias (IntOrString, Quantity, Time): a leaf
  declCache.set(file, result);
  return result;
}
function strict(value, file, path, errors) {
  if (!file || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) strict(item, file, `${path}[${i}]`, errors);
    return;
  }
  const props = declarations(file);
  if (!props) return;
  for (const [key, child] of Object.entries(value)) {
    if (!props.has(key)) errors.push(`${path}.${key}: unknown field`);
    else strict(child, props.get(key), `${path}.${key}`, errors);
  }
}

let failures = 0;
let checked = 0;
const fail = (where, message) => {
  failures++;
  console.log(`FAIL ${where}: ${message}`);
};

for (const file of readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  const text = readFileSync(join(dir, file), 'utf8');
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  for (const [i, doc] of docs.entries()) {
    const where = `${file}#${i}`;
    if (doc.errors.length) {
      fail(where, doc.errors.map((e) => e.message).join('; '));
      continue;
    }
    const obj = doc.toJS();
    if (obj == null) continue;
    const type = `${obj.apiVersion}/${obj.kind}`;
    if (obj.kind === 'Kustomization') {
      const missing = (obj.resources ?? []).filter((r) => !existsSync(join(dir, r)));
      if (missing.length) fail(where, `kustomization lists missing files: ${missing.join(', ')}`);
      else console.log(`ok   ${where} Kustomization (${obj.resources.length} resources exist)`);
      continue;
    }
    const path = models[type];
    if (!path) {
      fail(where, `no schema for ${type} (add it to scripts/check-k8s.mjs)`);
      continue;
    }
    const mod = await import(path);
    const Model = mod[obj.kind];
    try {
      new Model(obj).validate();
      if (!obj.metadata?.name) throw new Error('metadata.name is missing');
      const errors = [];
      strict(obj, fileURLToPath(import.meta.resolve(path)).replace(/\.js$/, '.d.ts'), '', errors);
      if (errors.length) throw new Error(errors.join('; '));
      checked++;
      console.log(`ok   ${where} ${type} ${obj.metadata.name}`);
    } catch (error) {
      fail(where, `${type} ${obj.metadata?.name ?? '?'}: ${error.message}`);
    }
  }
}
console.log(`${checked} manifests valid, ${failures} failed`);
process.exit(failures ? 1 : 0);
