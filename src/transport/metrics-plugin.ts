import { type DefinitionNode, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.ts';

/**
 * Times every operation by name and counts returned errors by code. The `operation` label is the
 * operation's name only when it is a known one: a root field's name as it is or capitalised
 * (`createRoom`, `CreateRoom`), or one of `extraNames` (METRICS_OPERATION_NAMES); any other is `other`.
 * A client-chosen name made 14 series each, without bound (finding 13).
 */
export function useOperationMetrics(metrics: Metrics, extraNames: readonly string[] = []): Plugin {
  const knownBySchema = new WeakMap<GraphQLSchema, Set<string>>();
  const known = (schema: GraphQLSchema) => {
    let names = knownBySchema.get(schema);
    if (!names) {
      names = new Set(extraNames);
      for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
        for (const field of Object.keys(root?.getFields() ?? {})) {
          names.add(field);
          names.add(field.charAt(0).toUpperCase() + field.slice(1));
        }
      }
      knownBySchema.set(schema, names);
    }
    return names;
  };
  return {
    onExecute: ({ args }) => {
      const started = performance.now();
      const definition = args.document.definitions.find(
        (node: DefinitionNode): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION,
      );
      const name = args.operationName ?? definition?.name?.value;
      const operation = !name ? 'anonymous' : known(args.schema).has(name) ? name : 'other';
      const type = definition?.operation ?? 'query';
      return {
        onExecuteDone: ({ result }) => {
          if (Symbol.asyncIterator in result) return;
          metrics.operationDuration.observe({ operation, type }, (performance.now() - started) / 1000);
          for (const error of result.errors ?? []) {
            metrics.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          }
        },
      };
    },
  };
}
