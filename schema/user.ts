import type { UserView } from '../loaders/users.ts';
import { loadVisibleUsers } from './access.ts';
import { builder } from './builder.ts';

export const UserRef = builder.objectRef<UserView>('User');

builder.node(UserRef, {
  id: { resolve: (user) => user.id },
  loadMany: loadVisibleUsers,
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
