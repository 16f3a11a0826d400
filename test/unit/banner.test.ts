import { describe, expect, it } from 'vitest';
import { bannerLines, formatBanner } from '../../src/banner.ts';
import { loadConfig } from '../../src/config.ts';
import type { DatabaseInfo } from '../../src/db/database.ts';
import type { VectorStore } from '../../src/retrieval/ports.ts';

const stop = async () => {};
const postgresStore = { kind: 'postgres' } as VectorStore;
const offline = { name: 'offline-extractive', model: 'extractive' };

function config(env: Record<string, string> = {}) {
  return loadConfig({ NODE_ENV: 'test', DATA_DIR: '/srv/studyroom', JWT_SECRET: 'x'.repeat(32), ...env });
}

function line(lines: ReturnType<typeof bannerLines>, label: string) {
  return lines.find((entry) => entry.label === label);
}

describe('the start banner', () => {
  it('names the embedded database by port and data directory, and the port it moved off', () => {
    const database: DatabaseInfo = {
      kind: 'embedded',
      url: 'postgresql://studyroom:studyroom@127.0.0.1:41234/studyroom',
      dataDir: '/srv/studyroom/postgres',
      port: 41234,
      wantedPort: 54329,
      recovered: [],
      stop,
    };
    const lines = bannerLines({
      config: config({ EMBEDDER: 'local-hash' }),
      database,
      embedder: { id: 'local-hash-v1:4096', configured: 'local-hash' },
      vectorStore: postgresStore,
      answerEngine: offline,
      url: 'http://localhost:4000/graphql',
    });
    expect(line(lines, 'database')).toEqual({
      label: 'database',
      value: 'embedded PostgreSQL on 127.0.0.1:41234 (54329 was in use)',
      changeWith: 'DATABASE_URL, EMBEDDED_POSTGRES_PORT',
    });
    expect(line(lines, 'data dir')?.value).toBe('/srv/studyroom (the database in postgres/)');
    expect(line(lines, 'vector store')?.value).toBe('PostgreSQL (the same database)');
    expect(line(lines, 'answers')?.value).toBe('offline extractive by terms (no LLM set)');
    expect(line(lines, 'pub/sub')?.value).toBe('in-process (one instance)');
  });

  it('names an external database, Weaviate, Redis and the LLM by host, never a password', () => {
    const url = 'postgresql://app:s3cret@db.internal:6543/rooms';
    const lines = bannerLines({
      config: config({
        DATABASE_URL: url,
        WEAVIATE_URL: 'http://weaviate:8080',
        REDIS_URL: 'redis://:hunter2@cache:6379',
        OPENAI_BASE_URL: 'http://ollama:11434/v1',
        EMBEDDING_MODEL: 'nomic-embed-text',
      }),
      database: { kind: 'external', url, stop },
      embedder: { id: 'openai:nomic-embed-text:768', configured: 'openai' },
      vectorStore: { kind: 'weaviate' } as VectorStore,
      reranker: { id: 'http://tei:8080/rerank', candidates: 30 },
      answerEngine: { name: 'openai', model: 'gpt-4o-mini' },
      url: 'http://localhost:4000/graphql',
    });
    const text = formatBanner('ready', lines);
    expect(text).not.toMatch(/s3cret|hunter2/);
    // Every row puts the variables that change it after the value.
    for (const entry of lines)
      expect(text).toMatch(new RegExp(`${entry.label}\\s+\\S.*  ${entry.changeWith}$`, 'm'));
    expect(line(lines, 'database')?.value).toBe('PostgreSQL at db.internal:6543/rooms');
    expect(line(lines, 'vector store')?.value).toBe('Weaviate at http://weaviate:8080 (gRPC port 50051)');
    expect(line(lines, 'pub/sub')?.value).toBe('Redis at cache:6379');
    expect(line(lines, 'reranker')?.value).toBe('tei:8080 reorders the first 30 hits');
    expect(line(lines, 'answers')?.value).toBe('OpenAI-compatible gpt-4o-mini at ollama:11434');
    expect(line(lines, 'embedder')?.value).toBe('openai:nomic-embed-text:768 at ollama:11434');
  });

  it('says when the local model is missing and prints the command that fetches it', () => {
    const lines = bannerLines({
      config: config(),
      database: { kind: 'external', url: 'postgresql://db/x', stop },
      embedder: {
        id: 'local-hash-v1:4096',
        configured: 'local-model',
        fallback: { reason: 'the local model is not installed (no model.onnx)', fix: 'npm run models:fetch' },
      },
      vectorStore: postgresStore,
      answerEngine: offline,
    });
    const text = formatBanner('ready', lines);
    expect(text).toContain(
      'local-hash-v1:4096 (offline hashing: the local model is not installed (no model.onnx))',
    );
    expect(text).toContain('→ fetch the local model with `npm run models:fetch`, then start again');
    expect(line(lines, 'HTTP')?.value).toBe('none (ROLE=worker runs jobs only)');
    // Every line says what changes it.
    for (const entry of lines) expect(entry.changeWith).toMatch(/^[A-Z_]+(, [A-Z_]+)*$/);
  });
});
