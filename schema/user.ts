import type { UserView } from '../loaders/users.ts';
import { mayReadProfile } from './access.ts';
import { builder } from './builder.ts';

export const UserRef = builder.objectRef<UserView>('User');

builder.node(UserRef, {
  id: { resolve: (user) => user.id },
  // By ID, a profile is the viewer's own or a room-mate's (schema/access.ts); anyone else's is null.
  loadMany: (ids, context) =>
    Promise.all(
      ids.map(async (id) => ((await mayReadProfile(context, id)) ? context.loaders.userById.load(id) : null)),
    ),
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const AuthPayloadRef = builder.objectRef<{ token: string; user: UserView }>('AuthPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`' }),
    user: t.field({ type: UserRef, resolve: (payload) => payload.user }),
  }),
});
