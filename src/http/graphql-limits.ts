import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import { GraphQLError } from 'graphql';

/** Depth, alias, token, directive and cost limits: a hostile query is refused before it executes. */
export function useQueryLimits(): Plugin[] {
  return [
    EnvelopArmorPlugin({
      maxDepth: { n: 12, ignoreIntrospection: true },
      maxAliases: { n: 20 },
      maxTokens: { n: 3000 },
      maxDirectives: { n: 30 },
      costLimit: { maxCost: 20_000, ignoreIntrospection: true },
      blockFieldSuggestion: { enabled: false },
    }) as Plugin,
    useValidationErrorCode(),
  ];
}

/** Every validation failure is the client's to fix: give it the contract's BAD_USER_INPUT code. */
function useValidationErrorCode(): Plugin {
  return {
    onValidate: () => ({ result, setResult }) => {
      if (result.length === 0) return;
      setResult(
        result.map(
          (error) =>
            new GraphQLError(error.message, {
              nodes: error.nodes,
              source: error.source,
              positions: error.positions,
              extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
            }),
        ),
      );
    },
  };
}
