import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  type ASTVisitor,
  BREAK,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type SelectionSetNode,
  type ValidationContext,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';

// Armor throws from inside validation by default; reporting instead lets the error carry a code.
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(withBadInputCode(error)),
  ],
};

/** Depth, alias, token, directive and cost limits: a hostile query is refused before it executes. */
export function useQueryLimits(
  config: Pick<Config, 'GRAPHQL_MAX_SELECTIONS' | 'GRAPHQL_INTROSPECTION'>,
): Plugin[] {
  return [
    EnvelopArmorPlugin({
      maxDepth: { n: 12, ignoreIntrospection: true, ...reportAsValidationError },
      maxAliases: { n: 20, ...reportAsValidationError },
      maxTokens: { n: 3000 },
      maxDirectives: { n: 30, ...reportAsValidationError },
      // A gentle depth factor: connections nest edges/node, which the default 1.5 punishes exponentially.
      costLimit: {
        maxCost: 20_000,
        depthCostFactor: 1.2,
        ignoreIntrospection: true,
        ...reportAsValidationError,
      },
      // "Did you mean …" names fields as introspection would: both on, or both off.
      blockFieldSuggestion: { enabled: !config.GRAPHQL_INTROSPECTION },
    }) as Plugin,
    { onValidate: ({ addValidationRule }) => addValidationRule(OnePasswordCheckPerOperation) },
    ...(config.GRAPHQL_INTROSPECTION
      ? []
      : [
          {
            onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule),
          } satisfies Plugin,
        ]),
    useSelectionSetLimit(config.GRAPHQL_MAX_SELECTIONS),
    useValidationErrorCode(),
  ];
}

/**
 * Refuses a selection set of more than GRAPHQL_MAX_SELECTIONS selections (50; the project's own operations
 * use at most 14) before validation runs: graphql-js's OverlappingFieldsCanBeMerged is quadratic in
 * repeated fields, and `{ me { id id … } }` 3,000 times (under the token limit) held the event loop for
 * 300 ms. Fragments count the fields they spread into the set. This pass is linear.
 */
function useSelectionSetLimit(maxSelections: number): Plugin {
  return {
    onValidate: ({ params, setResult }) => {
      const crowded = crowdedSelectionSet(params.documentAST, maxSelections);
      if (crowded)
        setResult([
          new GraphQLError(
            `A selection set has ${crowded.size} selections; at most ${maxSelections} are allowed ` +
              '(fields spread in by fragments count)',
            { nodes: crowded.node, extensions: { code: 'BAD_USER_INPUT' } },
          ),
        ]);
    },
  };
}

function crowdedSelectionSet(document: DocumentNode, maxSelections: number) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // Each fragment is counted once; a cycle (refused later by validation) counts as nothing.
  const fragmentSizes = new Map<string, number>();
  const sizeOf = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + 1;
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + sizeOf(selection.selectionSet);
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment) return total;
      if (!fragmentSizes.has(name)) {
        fragmentSizes.set(name, 0);
        fragmentSizes.set(name, sizeOf(fragment.selectionSet));
      }
      return total + fragmentSizes.get(name)!;
    }, 0);
  let found: { node: SelectionSetNode; size: number } | undefined;
  visit(document, {
    SelectionSet(node) {
      const size = sizeOf(node);
      if (size <= maxSelections) return;
      found = { node, size };
      return BREAK;
    },
  });
  return found;
}

/** Root mutation fields that verify or hash a password (~100 ms of scrypt each). */
const PASSWORD_FIELDS = new Set(['signIn', 'signUp', 'changePassword']);

/**
 * At most one password-checking field per operation: twenty aliased signIns were twenty scrypt runs
 * (seconds of CPU) for one anonymous request. Fragments on the mutation root are followed.
 */
function OnePasswordCheckPerOperation(context: ValidationContext): ASTVisitor {
  const count = (selectionSet: SelectionSetNode, seen: Set<string>): number =>
    selectionSet.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (PASSWORD_FIELDS.has(selection.name.value) ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet, seen);
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || seen.has(name)) return total;
      return total + count(fragment.selectionSet, new Set([...seen, name]));
    }, 0);
  return {
    OperationDefinition(operation) {
      if (operation.operation === 'mutation' && count(operation.selectionSet, new Set()) > 1)
        context.reportError(
          new GraphQLError('At most one signIn or signUp (or changePassword) per operation', {
            nodes: operation,
          }),
        );
    },
  };
}

const withBadInputCode = (error: Error) => {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(error.message, {
    nodes: graphqlError?.nodes,
    source: graphqlError?.source,
    positions: graphqlError?.positions,
    extensions: { ...graphqlError?.extensions, code: 'BAD_USER_INPUT' },
  });
};

/**
 * Every parse or validation failure (the armor limits among them) is the client's to fix: give it the
 * contract's BAD_USER_INPUT code.
 */
function useValidationErrorCode(): Plugin {
  return {
    onParse:
      () =>
      ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError) replaceParseResult(withBadInputCode(result));
      },
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(result.map(withBadInputCode));
      },
  };
}
