import SchemaBuilder, { PothosError } from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { GraphQLResolveInfo } from 'graphql';
import { AppError, forbidden, unauthenticated } from '../src/errors.ts';
import type { Context } from '../src/transport/context.ts';
import { holdsRoomScope, type RoomScope } from './access.ts';
import { decodeEntityGlobalID } from './global-id.ts';

/** Plugin order matters: relay decodes global IDs before scope-auth reads them. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { signedIn: boolean; room: RoomScope };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    File: { Input: File; Output: never };
    JSON: { Input: unknown; Output: unknown };
    SafeInt: { Input: number; Output: number };
  };
}>({
  plugins: [RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    decodeGlobalID: (globalID) => decodeEntityGlobalID(globalID, isObjectType),
    // Each ID on its own: one that names a type without loading by id (LiveQuizSession) is null in
    // the list, as an unknown or hidden one is, instead of failing the whole list.
    nodesQueryOptions: {
      resolve: (_root, args, context, info): Promise<unknown[]> =>
        Promise.all(args.ids.map((id) => nodeOrNull(id, context, info))),
    },
  },
  scopeAuth: {
    authorizeOnSubscribe: true,
    // The rules are in schema/access.ts.
    authScopes: (context) => ({
      signedIn: !!context.viewer,
      room: (scope) => holdsRoomScope(context, scope),
    }),
    unauthorizedError: (_parent, context) => (context.viewer ? forbidden() : unauthenticated()),
  },
  errors: { defaultTypes: [] },
  validation: {
    validationError: (result) => {
      const issue = result.issues[0];
      const field = issue?.path?.map((part) => (typeof part === 'object' ? part.key : part)).join('.');
      return new AppError(
        'BAD_USER_INPUT',
        field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input'),
        {
          field,
        },
      );
    },
  },
});

function isObjectType(typename: string): boolean {
  return (
    builder.configStore.hasImplementation(typename) &&
    builder.configStore.getTypeConfig(typename).kind === 'Object'
  );
}

function nodeOrNull(
  id: { typename: string; id: string },
  context: Context,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  return resolveNodes(builder, context, info, [id]).then(
    ([node]): unknown => node,
    (error: unknown) => {
      if (error instanceof PothosError) return null;
      throw error;
    },
  );
}

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
