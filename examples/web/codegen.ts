import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents (GraphQL Code Generator's client preset) from the API's printed schema: every
 * `graphql(...)` in src/ is validated against ../../schema/schema.graphql and typed, so a schema change
 * that breaks a screen fails `npm run typecheck` (and the build). The output is generated, not committed.
 */
const config: CodegenConfig = {
  schema: '../../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        scalars: { DateTime: 'string', JSON: 'unknown', File: 'File', SafeInt: 'number' },
      },
    },
  },
};

export default config;
