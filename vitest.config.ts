import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node's loader resolves `graphql` to its CommonJS build; Vite would pick index.mjs. One copy only, or
  // `instanceof GraphQLError` fails between our code and Yoga.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
