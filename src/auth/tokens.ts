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
/** Data-export download links: another issuer, so neither kind of token passes for the other. */
const EXPORT_ISSUER = 'study-room-api/export';
export const EXPORT_LINK_SECONDS = 600;

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
    /** A short-lived download link's token for the user's data export (exportMyData). */
    async issueExport(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
      const expiresAt = new Date(Math.floor(Date.now() / 1000 + EXPORT_LINK_SECONDS) * 1000);
      const token = await new SignJWT({ ver: claims.version })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuer(EXPORT_ISSUER)
        .setIssuedAt()
        .setExpirationTime(expiresAt)
        .sign(await key);
      return { token, expiresAt };
    },
    async verifyExport(token: string): Promise<TokenClaims | null> {
      try {
        const { payload } = await jwtVerify(token, await key, {
          issuer: EXPORT_ISSUER,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'sub'],
        });
        if (!payload.sub || typeof payload.ver !== 'number') return null;
        return { userId: payload.sub, version: payload.ver };
      } catch {
        return null;
      }
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
