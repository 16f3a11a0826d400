import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLObjectType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const doc = readFileSync('docs/api.md', 'utf8');
const examples = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/api.md', () => {
  it('documents every root field of the schema', () => {
    const roots = ['Query', 'Mutation', 'Subscription'].flatMap((name) =>
      Object.keys((schema.getType(name) as GraphQLObjectType).getFields()).map((field) => `${name}.${field}`),
    );
    const missing = roots.filter((root) => !doc.includes(root.split('.')[1]!));
    expect(missing, `add a section with an example to docs/api.md for: ${missing.join(', ')}`).toEqual([]);
    expect(roots.length).toBeGreaterThan(20);
  });

  it('has examples that are valid operations against the printed schema', () => {
    expect(examples.length).toBeGreaterThan(20);
    const invalid = examples.flatMap((example) => {
      const errors = validate(schema, parse(example));
      return errors.length ? [`${example.split('\n')[0]}: ${errors.map((e) => e.message).join('; ')}`] : [];
    });
    expect(invalid).toEqual([]);
  });

  it('uses each root field in at least one example', () => {
    const used = new Set<string>();
    for (const example of examples) {
      for (const definition of parse(example).definitions) {
        if (definition.kind !== 'OperationDefinition') continue;
        for (const selection of definition.selectionSet.selections) {
          if (selection.kind === 'Field') used.add(selection.name.value);
        }
      }
    }
    const roots = ['Query', 'Mutation', 'Subscription'].flatMap((name) =>
      Object.keys((schema.getType(name) as GraphQLObjectType).getFields()),
    );
    expect(roots.filter((root) => !used.has(root))).toEqual([]);
  });
});
