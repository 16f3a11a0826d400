import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../entities/user.ts';
import { AppError } from '../errors.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';
import type { SignInLimiter } from './sign-in-limiter.ts';
import type { TokenService } from './tokens.ts';

export interface AuthPayload {
  token: string;
  user: User;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function signUp(
  em: EntityManager,
  tokens: TokenService,
  input: { email: string; password: string; displayName: string },
): Promise<AuthPayload> {
  const user = em.create(User, {
    email: normaliseEmail(input.email),
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
  return { token: await tokens.issue({ userId: user.id }), user };
}

/**
 * Unknown email and wrong password give the same error after the same work (a scrypt verify against a
 * decoy hash), so sign-in does not reveal which emails have accounts.
 */
export async function signIn(
  em: EntityManager,
  tokens: TokenService,
  limiter: SignInLimiter,
  input: { email: string; password: string },
): Promise<AuthPayload> {
  const email = normaliseEmail(input.email);
  if (limiter.isBlocked(email)) {
    throw new AppError('RATE_LIMITED', 'Too many failed sign-ins for this email; try again in 15 minutes');
  }
  const user = await em.findOne(User, { email }, { populate: ['passwordHash'] });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? decoyHash);
  if (!user || !valid) {
    limiter.recordFailure(email);
    throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  }
  limiter.reset(email);
  return { token: await tokens.issue({ userId: user.id }), user };
}
