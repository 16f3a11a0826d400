import { z } from 'zod';
import { authorize } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import { AuthPayloadRef, UserRef } from '../schema/user.ts';
import { recordAudit } from '../src/audit/audit-service.ts';
import { changePassword, signIn, signOut, signUp } from '../src/auth/auth-service.ts';

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: z.email('must be a valid email address').max(320) }),
    password: t.string({
      required: true,
      validate: z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
    }),
    displayName: t.string({
      required: true,
      validate: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    }),
  }),
});

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: z.string().max(320) }),
    password: t.string({ required: true, validate: z.string().max(200) }),
  }),
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true, validate: z.string().max(200) }),
    newPassword: t.string({
      required: true,
      validate: z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    authScopes: authorize('me'),
    type: UserRef,
    nullable: true,
    description: 'The signed-in user, or null for anonymous callers',
    resolve: (_root, _args, context) =>
      context.viewer ? context.loaders.userById.load(context.viewer.id) : null,
  }),
}));

builder.mutationFields((t) => ({
  signUp: t.field({
    authScopes: authorize('signUp'),
    type: AuthPayloadRef,
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: (_root, { input }, context) =>
      signUp(context.em, context.services, context.clientAddress, input),
  }),
  signIn: t.field({
    authScopes: authorize('signIn'),
    type: AuthPayloadRef,
    args: { input: t.arg({ type: SignInInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const payload = await signIn(context.em, context.services, context.clientAddress, input);
      await recordAudit(context, {
        roomId: null,
        action: 'SIGNED_IN',
        subject: { type: 'User', id: payload.user.id },
        actorId: payload.user.id,
      });
      return payload;
    },
  }),
  signOut: t.boolean({
    description: 'Signs out everywhere: every token of the viewer (this one too) stops working',
    authScopes: authorize('signOut'),
    resolve: (_root, _args, context) => signOut(context.em, context.services, context.viewer!.id),
  }),
  changePassword: t.field({
    type: AuthPayloadRef,
    description: 'Needs the current password; every earlier token stops working, the returned one is new',
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    authScopes: authorize('changePassword'),
    resolve: (_root, { input }, context) =>
      changePassword(context.em, context.services, context.viewer!.id, context.clientAddress, input),
  }),
}));
