import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { BUDGET_NAMES, BUDGETS, type BudgetName, type Limits } from './budgets/engine/budgets.ts';
import { OcrConfigError, parseOcrLanguages } from './documents/engine/ocr.ts';
import { DEFAULT_MODEL, LOCAL_MODEL_NAMES } from './retrieval/model/catalog.ts';
import { defaultModelsDir } from './retrieval/model/model-files.ts';

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const budgetValue = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  DATA_DIR: z.string().min(1).default('.data'),
  /** The embedded PostgreSQL's port, fixed: a taken port then stops the start instead of moving. */
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  WEAVIATE_URL: optionalUrl,
  WEAVIATE_GRPC_PORT: z.coerce.number().int().min(1).max(65535).default(50051),
  JOB_QUEUE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'expected a lowercase SQL identifier')
    .default('pgboss'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL')
    .optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: optionalUrl,
  CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /**
   * Which embedder makes the vectors: the local model (default; falls back to hashing, and says so, when
   * the model files are missing), the hashing embedder, or an OpenAI-compatible service (EMBEDDING_MODEL).
   * Unset: `openai` when EMBEDDING_MODEL is set, `local-hash` when only EMBEDDING_DIMENSIONS is.
   */
  EMBEDDER: z.enum(['local-model', 'local-hash', 'openai']).optional(),
  /**
   * Which local model EMBEDDER=local-model runs: bge-small-en-v1.5 by default, or a blend of two models
   * (`bge-small+e5-small-q8`: better retrieval at about twice the ingest CPU; docs/retrieval.md).
   */
  LOCAL_MODEL: z
    .string()
    .refine((name) => LOCAL_MODEL_NAMES.includes(name), `expected one of ${LOCAL_MODEL_NAMES.join(', ')}`)
    .default(DEFAULT_MODEL),
  /** Where `npm run models:fetch` puts local models and the server reads them. */
  MODELS_DIR: z.string().min(1).optional(),
  /** Inference threads of the local model (default: one per core, at most 4). */
  EMBEDDER_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  EMBEDDING_MODEL: z.string().min(1).optional(),
  /** A cross-encoder server speaking the common `/rerank` API (TEI, Infinity, Jina, Cohere); unset: no reranking. */
  RERANK_URL: optionalUrl,
  RERANK_API_KEY: z.string().min(1).optional(),
  RERANK_MODEL: z.string().min(1).optional(),
  /** How long a search waits for the reranker before keeping the fused order. */
  RERANK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
  /** How many of the fused hits are reranked; the rest follow in fused order. */
  RERANK_CANDIDATES: z.coerce.number().int().min(2).max(200).default(30),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(8).max(8192).optional(),
  JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
  /** The largest request body that is not an upload (JSON operations); uploads follow UPLOAD_MAX_BYTES. */
  REQUEST_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(4 * 1024 * 1024),
  /** Selections one selection set may hold, fragments spread in; validation cost grows with their square. */
  GRAPHQL_MAX_SELECTIONS: z.coerce.number().int().min(10).max(10_000).default(50),
  /** Items a list argument (`nodes(ids)`, `documentIds`, ...) may hold, unless the field sets its own. */
  GRAPHQL_MAX_LIST_ITEMS: z.coerce.number().int().min(1).max(100_000).default(100),
  /** The largest WebSocket frame (one graphql-ws message); a larger one closes the socket with 1009. */
  WS_MAX_PAYLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(4 * 1024)
    .default(64 * 1024),
  /**
   * Answer deltas that arrive within this many ms of the last published one ride on one `messageStream`
   * event (the first after a pause goes out at once); 0 publishes every provider token on its own.
   */
  STREAM_COALESCE_MS: z.coerce.number().int().min(0).max(1000).default(16),
  /** Operations (subscriptions, mostly) one WebSocket may have running at once. */
  WS_MAX_OPERATIONS: z.coerce.number().int().min(1).max(100_000).default(100),
  /**
   * Introspection (`__schema`, `__type`) and "Did you mean" suggestions; unset: on, except when
   * NODE_ENV=production. Suggestions are off whenever introspection is.
   */
  GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /**
   * Browser origins (comma-separated, e.g. `https://app.example.com`, or `*`) allowed to call the API
   * cross-origin, over HTTP (CORS) and WebSocket (Origin). The API's own origin always is; unset: no
   * other in production, any loopback origin (localhost, 127.0.0.1, [::1]) otherwise.
   */
  CORS_ORIGINS: z
    .string()
    .transform((value, context) => parseOrigins(value, context))
    .optional(),
  /**
   * Operation names, besides the root fields' own (`createRoom`, `CreateRoom`), that label the operation
   * metrics; any other name is counted as `other`, so clients cannot add series without bound.
   */
  METRICS_OPERATION_NAMES: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .optional(),
  /** Jobs each worker process runs at once per queue (extraction itself uses one thread per process). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** Benchmarks only: `off` queues jobs first come, first served, to show the starvation fairness prevents. */
  JOB_FAIRNESS: z.enum(['on', 'off']).default('on'),
  /** OCR of scanned pages and of text layers that decode to symbols; `off` leaves such pages unread. */
  OCR: z.enum(['on', 'off']).default('on'),
  /** tesseract languages joined by "+", each with its `@tesseract.js-data/<code>` package installed. */
  OCR_LANGUAGES: z.string().min(1).default('eng'),
  /** Recognition threads per worker process (each page is read by one). */
  OCR_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  /** OCR time per document, on top of the 120 s for reading it. */
  OCR_TIME_BUDGET_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** Room invitations an owner may send per hour (addRoomMember), across all their rooms. */
  INVITATIONS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Audit entries older than this are deleted (docs/school.md). */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  /** Benchmarks only: `off` turns DataLoader batching off to show the N+1 it prevents. */
  DATALOADER_BATCHING: z.enum(['on', 'off']).default('on'),
  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs, or `loopback`); unset:
   * none, the client address is the socket's peer.
   */
  TRUST_PROXY: z
    .string()
    .transform((value, context) => parseTrustedProxies(value, context))
    .optional(),
  /** Accounts one client address may create per hour. */
  SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: human-readable on a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  // Budgets and quotas (docs/school.md): defaults for every room, which its owner may change; unset: none.
  ...(Object.fromEntries(BUDGET_NAMES.map((name) => [BUDGETS[name].env, budgetValue])) as Record<
    (typeof BUDGETS)[BudgetName]['env'],
    typeof budgetValue
  >),
});

export type Env = z.infer<typeof EnvSchema>;

function parseOrigins(value: string, context: z.core.$RefinementCtx<string>): string[] {
  const origins: string[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (entry === '*') {
      origins.push(entry);
      continue;
    }
    const url = URL.canParse(entry) ? new URL(entry) : null;
    if (url && /^https?:$/.test(url.protocol) && url.origin === entry.replace(/\/$/, ''))
      origins.push(url.origin);
    else
      context.addIssue({
        code: 'custom',
        message: `expected origins like https://app.example.com; "${entry}" is none`,
      });
  }
  return origins;
}

function parseTrustedProxies(value: string, context: z.core.$RefinementCtx<string>): string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (entry !== 'loopback' && (!family || !validBits || extra !== undefined))
      context.addIssue({
        code: 'custom',
        message: `expected addresses, CIDRs or "loopback"; "${entry}" is none`,
      });
  }
  return entries;
}

export interface Config
  extends Omit<Env, 'JWT_SECRET' | 'EMBEDDER' | 'MODELS_DIR' | 'GRAPHQL_INTROSPECTION'> {
  JWT_SECRET: string;
  GRAPHQL_INTROSPECTION: boolean;
  EMBEDDER: NonNullable<Env['EMBEDDER']>;
  MODELS_DIR: string;
  dataDir: string;
  /** Every room's budgets unless its owner sets its own (from LLM_TOKENS_PER_MEMBER_PER_DAY, ...). */
  budgetDefaults: Limits;
}

export class ConfigError extends Error {}

/**
 * Parses the environment once at start. A bad value stops the process with one line per variable
 * naming it and what is expected, so a typo never surfaces later as a confusing runtime error.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name}: ${describeIssue(issue)} (got ${JSON.stringify(env[name] ?? null)})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  if (values.OCR === 'on') {
    try {
      parseOcrLanguages(values.OCR_LANGUAGES);
    } catch (error) {
      if (!(error instanceof OcrConfigError)) throw error;
      throw new ConfigError(`Invalid configuration:\n${error.message} Or set OCR=off.`);
    }
  }
  const dataDir = resolve(values.DATA_DIR);
  if (values.NODE_ENV === 'production' && !values.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\nJWT_SECRET: required when NODE_ENV=production (at least 32 random characters)',
    );
  }
  // Before EMBEDDER existed, EMBEDDING_MODEL meant OpenAI and EMBEDDING_DIMENSIONS alone a hashing width.
  const embedder =
    values.EMBEDDER ??
    (values.EMBEDDING_MODEL ? 'openai' : values.EMBEDDING_DIMENSIONS ? 'local-hash' : 'local-model');
  if (embedder === 'local-model' && values.EMBEDDING_DIMENSIONS !== undefined) {
    throw new ConfigError(
      'Invalid configuration:\nEMBEDDING_DIMENSIONS: the local model has a fixed width (384); ' +
        'set EMBEDDER=local-hash or EMBEDDER=openai to choose one',
    );
  }
  return {
    ...values,
    dataDir,
    budgetDefaults: Object.fromEntries(
      BUDGET_NAMES.map((name) => [name, values[BUDGETS[name].env] ?? null]),
    ) as Limits,
    EMBEDDER: embedder,
    MODELS_DIR: resolve(values.MODELS_DIR ?? defaultModelsDir()),
    JWT_SECRET: values.JWT_SECRET ?? developmentSecret(dataDir),
    GRAPHQL_INTROSPECTION: values.GRAPHQL_INTROSPECTION ?? values.NODE_ENV !== 'production',
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.join(', ')}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return issue.message.replace(/^Too /, 'too ');
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'expected an http(s):// URL';
  return issue.message.startsWith('Invalid')
    ? `expected ${issue.message.replace(/^Invalid (input: )?/, '')}`
    : issue.message;
}

/** Development only: a random secret generated once and kept, so tokens survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  try {
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\nDATA_DIR: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? error}); ` +
        'choose a directory this user can write',
    );
  }
}
