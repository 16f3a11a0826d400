/**
 * The block `npm start` prints once the app is up: what runs where, and the variable that changes each.
 * Built from what bootstrap actually wired (not from the configuration alone), so it cannot claim an
 * adapter that is not the one in use. To add a line, add an entry to `bannerLines`.
 */
import { relative } from 'node:path';
import type { Config } from './config.ts';
import { type DatabaseInfo, describeDatabaseUrl } from './db/database.ts';
import { prettyLogs } from './logger.ts';
import type { EmbedderStatus } from './retrieval/embedders.ts';
import type { VectorStore } from './retrieval/ports.ts';

export interface BannerInput {
  config: Config;
  database: DatabaseInfo;
  embedder: EmbedderStatus;
  vectorStore: VectorStore;
  reranker?: { id: string; candidates: number };
  answerEngine: { name: string; model: string };
  /** The GraphQL endpoint, when this process serves HTTP (not ROLE=worker). */
  url?: string;
}

export interface BannerLine {
  label: string;
  value: string;
  /** The environment variables that change this line. */
  changeWith: string;
  /** A follow-up the user should act on (printed under the line), e.g. the command that fetches a model. */
  hint?: string;
}

export function bannerLines(input: BannerInput): BannerLine[] {
  const { config } = input;
  return [
    input.url
      ? {
          label: config.NODE_ENV === 'production' ? 'GraphQL' : 'GraphiQL',
          value: input.url,
          changeWith: 'PORT, HOST',
        }
      : { label: 'HTTP', value: 'none (ROLE=worker runs jobs only)', changeWith: 'ROLE' },
    databaseLine(input.database),
    {
      label: 'data dir',
      value: `${displayPath(config.dataDir)}${input.database.kind === 'embedded' ? ' (the database in postgres/)' : ''}`,
      changeWith: 'DATA_DIR',
    },
    vectorStoreLine(input.vectorStore, config),
    {
      label: 'reranker',
      value: input.reranker
        ? `${hostOf(input.reranker.id)} reorders the first ${input.reranker.candidates} hits`
        : 'none (BM25 and vectors fused)',
      changeWith: 'RERANK_URL',
    },
    answerEngineLine(input.answerEngine, config),
    embedderLine(input.embedder, config),
    {
      label: 'pub/sub',
      value: config.REDIS_URL ? `Redis at ${hostOf(config.REDIS_URL)}` : 'in-process (one instance)',
      changeWith: 'REDIS_URL',
    },
    {
      label: 'role',
      value: { all: 'API and job workers', api: 'API only', worker: 'job workers only' }[config.ROLE],
      changeWith: 'ROLE',
    },
    {
      label: 'logs',
      value: `${prettyLogs(config) ? 'human-readable' : 'JSON lines'}, level ${config.LOG_LEVEL}`,
      changeWith: 'LOG_FORMAT, LOG_LEVEL',
    },
  ];
}

/** Aligned columns; a value longer than VALUE_COLUMN overflows its own row rather than widen them all. */
const VALUE_COLUMN = 60;

export function formatBanner(title: string, lines: BannerLine[]): string {
  const labelWidth = Math.max(...lines.map((line) => line.label.length)) + 2;
  const valueWidth = Math.min(VALUE_COLUMN, Math.max(...lines.map((line) => line.value.length))) + 2;
  const row = (label: string, value: string, change: string) =>
    `  ${label.padEnd(labelWidth)}${value.padEnd(valueWidth - 2)}  ${change}`.trimEnd();
  return [
    title,
    row('', '', 'change with'),
    ...lines.flatMap((line) => [
      row(line.label, line.value, line.changeWith),
      ...(line.hint ? [`  ${' '.repeat(labelWidth)}→ ${line.hint}`] : []),
    ]),
  ].join('\n');
}

function databaseLine(database: DatabaseInfo): BannerLine {
  if (database.kind === 'external') {
    return {
      label: 'database',
      value: `PostgreSQL at ${describeDatabaseUrl(database.url)}`,
      changeWith: 'DATABASE_URL',
    };
  }
  const moved = database.wantedPort ? ` (${database.wantedPort} was in use)` : '';
  return {
    label: 'database',
    value: `embedded PostgreSQL on 127.0.0.1:${database.port}${moved}`,
    changeWith: 'DATABASE_URL, EMBEDDED_POSTGRES_PORT',
  };
}

function vectorStoreLine(store: VectorStore, config: Config): BannerLine {
  return {
    label: 'vector store',
    value:
      store.kind === 'weaviate'
        ? `Weaviate at ${config.WEAVIATE_URL} (gRPC port ${config.WEAVIATE_GRPC_PORT})`
        : 'PostgreSQL (the same database)',
    changeWith: 'WEAVIATE_URL',
  };
}

function answerEngineLine(engine: BannerInput['answerEngine'], config: Config): BannerLine {
  return {
    label: 'answers',
    value:
      engine.name === 'offline-extractive'
        ? engine.model.startsWith('extractive-v2+')
          ? 'offline extractive by terms + meaning (no LLM set)'
          : 'offline extractive by terms (no LLM set)'
        : `OpenAI-compatible ${engine.model} at ${hostOf(config.OPENAI_BASE_URL ?? 'https://api.openai.com/v1')}`,
    changeWith: 'OPENAI_BASE_URL, OPENAI_API_KEY, CHAT_MODEL',
  };
}

/**
 * Which embedder is active, by its identity (the vector space chunks are stored in); when the local
 * model was asked for but is missing, the fallback and the command that fetches the model.
 */
function embedderLine(status: EmbedderStatus, config: Config): BannerLine {
  const changeWith = 'EMBEDDER, LOCAL_MODEL, EMBEDDING_MODEL, MODELS_DIR';
  if (status.fallback) {
    return {
      label: 'embedder',
      value: `${status.id} (offline hashing: ${status.fallback.reason})`,
      changeWith,
      hint: `fetch the local model with \`${status.fallback.fix}\`, then start again`,
    };
  }
  const where = {
    openai: ` at ${hostOf(config.OPENAI_BASE_URL ?? 'https://api.openai.com/v1')}`,
    'local-hash': ' (offline hashing)',
    'local-model': ` (local model in ${displayPath(config.MODELS_DIR)})`,
  }[status.configured];
  return { label: 'embedder', value: `${status.id}${where}`, changeWith };
}

/** Host and port of a URL, never its credentials. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured server';
  }
}

function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') ? inside : path;
}
