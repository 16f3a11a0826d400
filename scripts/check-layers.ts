/**
 * `npm run check:cycles` (after madge's cycle check): imports run one way, transport → schema → resolvers →
 * loaders and services → engines and adapters. Fails, naming each import, when domain code under src/
 * reaches up into the GraphQL layers or the transport, or loaders into resolvers or schema.
 */
import madge from 'madge';

const layerOf = (file: string) => {
  if (file.startsWith('resolvers/')) return 'resolvers';
  if (file.startsWith('schema/')) return 'schema';
  if (file.startsWith('loaders/')) return 'loaders';
  if (file.startsWith('src/transport/') || file === 'src/main.ts' || file === 'src/bootstrap.ts')
    return 'transport';
  return 'domain';
};

/** What each layer may never import. */
const NEVER: Record<string, string[]> = {
  domain: ['transport', 'schema', 'resolvers', 'loaders'],
  loaders: ['transport', 'schema', 'resolvers'],
};

const graph = (
  await madge(['src', 'schema', 'resolvers', 'loaders'], {
    fileExtensions: ['ts'],
    tsConfig: 'tsconfig.json',
  })
).obj();

const broken = Object.entries(graph).flatMap(([file, imports]) =>
  imports
    .filter((target) => NEVER[layerOf(file)]?.includes(layerOf(target)))
    .map((target) => `${file} (${layerOf(file)}) imports ${target} (${layerOf(target)})`),
);

if (broken.length > 0) {
  console.error(`Imports against the layering (see CONTRIBUTING.md):\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
console.log(`✔ Layering holds over ${Object.keys(graph).length} files`);
