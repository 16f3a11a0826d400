import { jwtVerify, SignJWT } from 'jose';

export interface TokenClaims {
  userId: string;
  /** The user's token version when it was issued: signing out or changing the password bumps it. */
  version: number;
}

export interface VerifiedToken extends TokenClaims {
  expiresAt: Date;
}

const ISSUER = 'study-room-api';
const TOKEN_TTL = '7d';

export function createTokenService(secret: string) {
  const raw = new TextEncoder().encode(secret);
  // Imported once: jose imports a raw secret into a CryptoKey on every call otherwise.
  const key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return {
    async issue(claims: TokenClaims): Promise<string> {
      return new SignJWT({ ver: claims.version })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(TOKEN_TTL)
        .sign(await key);
    },
    /** Returns null for any invalid, expired, never-expiring or foreign token. */
    async verify(token: string): Promise<VerifiedToken | null> {
      try {
        const { payload } = await jwtVerify(token, await key, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'sub'],
        });
        // Tokens issued before versions existed carry none: version 0, every user's first.
        const version = payload.ver === undefined ? 0 : payload.ver;
        if (!payload.sub || typeof version !== 'number' || !Number.isInteger(version)) return null;
        return { userId: payload.sub, version, expiresAt: new Date(payload.exp! * 1000) };
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
