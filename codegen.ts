import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from the printed schema: tests, the CLI and the example clients import them, so a
 * schema change that breaks a client breaks `npm run typecheck`.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/operations/*.graphql'],
  generates: {
    'test/generated/operations.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        scalars: { DateTime: 'string', JSON: 'unknown', File: 'File', SafeInt: 'number' },
      },
    },
  },
};

export default config;
