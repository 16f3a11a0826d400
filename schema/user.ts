import type { UserView } from '../loaders/users.ts';
import { builder } from './builder.ts';

export const UserRef = builder.objectRef<UserView>('User');

builder.node(UserRef, {
  id: { resolve: (user) => user.id },
  // Any signed-in user may see another's public profile (name and email of fellow room members).
  loadMany: (ids, context) =>
    Promise.all(ids.map((id) => (context.viewer ? context.loaders.userById.load(id) : null))),
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
