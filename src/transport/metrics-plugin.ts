import { type DefinitionNode, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.ts';

/** Times every operation by name and counts returned errors by code. */
export function useOperationMetrics(metrics: Metrics): Plugin {
  return {
    onExecute: ({ args }) => {
      const started = performance.now();
      const definition = args.document.definitions.find(
        (node: DefinitionNode): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION,
      );
      const operation = args.operationName ?? definition?.name?.value ?? 'anonymous';
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
