import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { RoomRole } from '../src/entities/room.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../src/errors.ts';
import { roleAtLeast } from '../src/rooms/room-service.ts';
import type { Context } from '../src/transport/context.ts';

export interface RoomScope {
  roomId: string;
  role: RoomRole;
}

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
  };
}>({
  plugins: [RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      signedIn: !!context.viewer,
      // A non-member learns nothing: the room is NOT_FOUND, not FORBIDDEN.
      room: async ({ roomId, role }) => {
        if (!context.viewer) throw unauthenticated();
        const viewerRole = await context.loaders.viewerRole.load(roomId);
        if (!viewerRole) throw notFound('Room');
        return roleAtLeast(viewerRole, role);
      },
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

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
