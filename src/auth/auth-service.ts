import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../entities/user.ts';
import { AppError, badInput } from '../errors.ts';
import type { PubSub } from '../pubsub.ts';
import type { AuthLimits } from './auth-limits.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';
import { passwordWeakness } from './password-policy.ts';
import type { TokenVersions } from './token-versions.ts';
import type { TokenService } from './tokens.ts';

export interface AuthPayload {
  token: string;
  user: User;
}

/** What the auth operations need from the services bag. */
export interface AuthServices {
  tokens: TokenService;
  authLimits: AuthLimits;
  tokenVersions: TokenVersions;
  pubsub: PubSub;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

async function refuseWeakPassword(password: string, userInputs: string[], field: string) {
  const weakness = await passwordWeakness(password, userInputs);
  if (weakness) throw badInput(`${field}: ${weakness}`, field);
}

/** `address` is the client's (see client-address.ts): sign-ups are limited per address. */
export async function signUp(
  em: EntityManager,
  services: AuthServices,
  address: string,
  input: { email: string; password: string; displayName: string },
): Promise<AuthPayload> {
  const email = normaliseEmail(input.email);
  await refuseWeakPassword(input.password, [email, input.displayName], 'password');
  services.authLimits.beginSignUp(address);
  const user = em.create(User, {
    email,
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new AppError('BAD_USER_INPUT', 'An account with this email already exists', { field: 'email' });
    }
    throw error;
  }
  return { token: await services.tokens.issue({ userId: user.id, version: user.tokenVersion }), user };
}

/**
 * Unknown email and wrong password give the same error after the same work (a scrypt verify against a
 * decoy hash), so sign-in does not reveal which emails have accounts. The attempt is counted before
 * the verify (see AuthLimits).
 */
export async function signIn(
  em: EntityManager,
  services: AuthServices,
  address: string,
  input: { email: string; password: string },
): Promise<AuthPayload> {
  const email = normaliseEmail(input.email);
  const attempt = services.authLimits.beginSignIn(email, address);
  const user = await em.findOne(User, { email }, { populate: ['passwordHash'] });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? decoyHash);
  if (!user || !valid) throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  attempt.succeeded();
  return { token: await services.tokens.issue({ userId: user.id, version: user.tokenVersion }), user };
}

/** Bumps the user's token version: every token issued before is refused from now on, on every instance. */
export async function revokeTokens(
  em: EntityManager,
  services: AuthServices,
  userId: string,
): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<{ token_version: number }[]>(
      'update app_user set token_version = token_version + 1 where id = ? returning token_version',
      [userId],
    );
  const version = rows[0]?.token_version;
  if (version === undefined) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  services.tokenVersions.set(userId, version);
  services.pubsub.publish('user:tokens-revoked', { userId, version });
  return version;
}

/** Signs the user out everywhere: all their tokens, this one included. */
export async function signOut(em: EntityManager, services: AuthServices, userId: string): Promise<boolean> {
  await revokeTokens(em, services, userId);
  return true;
}

/** Checks the current password, sets the new one, revokes every earlier token and returns a fresh one. */
export async function changePassword(
  em: EntityManager,
  services: AuthServices,
  userId: string,
  address: string,
  input: { currentPassword: string; newPassword: string },
): Promise<AuthPayload> {
  const user = await em.findOneOrFail(User, userId, { populate: ['passwordHash'] });
  await refuseWeakPassword(input.newPassword, [user.email, user.displayName], 'newPassword');
  const attempt = services.authLimits.beginSignIn(user.email, address);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
    throw badInput('currentPassword: is incorrect', 'currentPassword');
  attempt.succeeded();
  user.passwordHash = await hashPassword(input.newPassword);
  await em.flush();
  user.tokenVersion = await revokeTokens(em, services, user.id);
  return { token: await services.tokens.issue({ userId: user.id, version: user.tokenVersion }), user };
}
