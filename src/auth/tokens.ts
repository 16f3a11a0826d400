import { jwtVerify, SignJWT } from 'jose';

export interface TokenClaims {
  userId: string;
}

const ISSUER = 'study-room-api';
const TOKEN_TTL = '7d';

export function createTokenService(secret: string) {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(claims: TokenClaims): Promise<string> {
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(TOKEN_TTL)
        .sign(key);
    },
    /** Returns null for any invalid, expired or foreign token. */
    async verify(token: string): Promise<TokenClaims | null> {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        return payload.sub ? { userId: payload.sub } : null;
      } catch {
        return null;
      }
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

/** Accepts `Bearer <token>` (any case) and returns the token, or undefined when absent or malformed. */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}
