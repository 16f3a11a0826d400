import type { MikroORM } from '@mikro-orm/postgresql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Each user's current token version (null: no such user), read at most once per `ttlMs` per user and
 * process. This process learns of its own changes at once (`set`); other instances learn through the
 * `user:tokens-revoked` topic, or at worst when the entry expires.
 */
export class TokenVersions {
  private readonly cache = new Map<string, { version: Promise<number | null>; at: number }>();
  private readonly orm: MikroORM;
  private readonly ttlMs: number;

  constructor(orm: MikroORM, ttlMs = 5000) {
    this.orm = orm;
    this.ttlMs = ttlMs;
  }

  current(userId: string, now = Date.now()): Promise<number | null> {
    const held = this.cache.get(userId);
    if (held && now - held.at < this.ttlMs) return held.version;
    const version = this.read(userId);
    this.remember(userId, version, now);
    version.catch(() => this.cache.delete(userId));
    return version;
  }

  set(userId: string, version: number | null): void {
    this.remember(userId, Promise.resolve(version), Date.now());
  }

  private async read(userId: string): Promise<number | null> {
    if (!UUID.test(userId)) return null;
    const rows = await this.orm.em
      .getConnection()
      .execute<{ token_version: number }[]>('select token_version from app_user where id = ?', [userId]);
    return rows[0]?.token_version ?? null;
  }

  private remember(userId: string, version: Promise<number | null>, at: number) {
    this.cache.delete(userId);
    this.cache.set(userId, { version, at });
    if (this.cache.size > 50_000) this.cache.delete(this.cache.keys().next().value!);
  }
}
