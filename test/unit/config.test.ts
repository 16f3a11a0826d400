import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'studyroom-config-'));

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ PORT: 4000, ROLE: 'all', UPLOAD_MAX_BYTES: 50 * 1024 * 1024 });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('embeds with the local model by default, and keeps what EMBEDDING_* meant before EMBEDDER', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.EMBEDDER).toBe('local-model');
    expect(config.MODELS_DIR).toMatch(/\.cache\/studyroom\/models$/);
    expect(config.LOCAL_MODEL).toBe('bge-small-en-v1.5-q8');
    expect(config.RERANK_URL).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir(), EMBEDDING_MODEL: 'text-embedding-3-small' }).EMBEDDER).toBe(
      'openai',
    );
    expect(loadConfig({ DATA_DIR: dataDir(), EMBEDDING_DIMENSIONS: '1024' }).EMBEDDER).toBe('local-hash');
    expect(loadConfig({ DATA_DIR: dataDir(), EMBEDDER: 'local-hash', MODELS_DIR: 'models' }).MODELS_DIR).toBe(
      join(process.cwd(), 'models'),
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: expected number (got "abc")'],
    [{ PORT: '70000' }, 'PORT: too big'],
    [{ ROLE: 'both' }, 'ROLE: expected one of api, worker, all (got "both")'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL: expected a postgres:// or postgresql:// URL'],
    [{ WEAVIATE_URL: 'localhost:8080' }, 'WEAVIATE_URL: expected an http(s):// URL'],
    [{ REDIS_URL: 'http://redis' }, 'REDIS_URL: expected a redis:// or rediss:// URL'],
    [{ UPLOAD_MAX_BYTES: '0' }, 'UPLOAD_MAX_BYTES: too small'],
    [{ LLM_TOKENS_PER_MEMBER_PER_DAY: '-5' }, 'LLM_TOKENS_PER_MEMBER_PER_DAY: too small'],
    [{ UPLOADS_PER_ROOM_PER_DAY: 'ten' }, 'UPLOADS_PER_ROOM_PER_DAY: expected number'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET: at least 32 characters'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET: required when NODE_ENV=production'],
    [{ EMBEDDER: 'bert' }, 'EMBEDDER: expected one of local-model, local-hash, openai (got "bert")'],
    [{ LOCAL_MODEL: 'bge-large' }, 'LOCAL_MODEL: expected one of bge-small-en-v1.5-q8, e5-small-v2-q8'],
    [{ RERANK_URL: 'tei:8080' }, 'RERANK_URL: expected an http(s):// URL'],
    [{ RERANK_TIMEOUT_MS: '10' }, 'RERANK_TIMEOUT_MS: too small'],
    [
      { EMBEDDER: 'local-model', EMBEDDING_DIMENSIONS: '512' },
      'EMBEDDING_DIMENSIONS: the local model has a fixed width',
    ],
  ])('refuses %j with one line naming the variable', (env, line) => {
    const message = errorOf(env);
    expect(message.split('\n')).toHaveLength(2);
    expect(message.split('\n')[1]).toContain(line);
  });

  it('takes the default budgets from the environment, unset meaning no limit', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      LLM_TOKENS_PER_MEMBER_PER_DAY: '20000',
      UPLOADS_PER_MEMBER_PER_DAY: '0',
    });
    expect(config.budgetDefaults).toMatchObject({
      llmTokensPerMemberPerDay: 20000,
      uploadsPerMemberPerDay: 0,
      llmTokensPerRoomPerMonth: null,
    });
  });

  it('names every bad variable, one per line', () => {
    const message = errorOf({ PORT: 'x', ROLE: 'y' });
    expect(
      message
        .split('\n')
        .slice(1)
        .map((line) => line.split(':')[0]),
    ).toEqual(['PORT', 'ROLE']);
  });

  it('keeps the generated development secret between starts', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).JWT_SECRET;
    expect(loadConfig({ DATA_DIR: dir }).JWT_SECRET).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: '', PORT: '' }).PORT).toBe(4000);
  });
});
