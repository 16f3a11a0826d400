/**
 * Optional second-stage reranking (RERANK_URL): the head of the fused hits goes to a cross-encoder server
 * speaking the common `/rerank` API, and comes back reordered by its scores. Two dialects exist, and the
 * request carries both so one client fits all: TEI reads `{query, texts}` and answers `[{index, score}]`;
 * Infinity, Jina, Cohere (and vLLM) read `{query, documents, top_n}` and answer
 * `{results: [{index, relevance_score}]}`. Servers ignore the other dialect's field.
 *
 * A reranker that is slow, down or answers nonsense never fails a search: after RERANK_TIMEOUT_MS (or any
 * error) the hits keep their fused order and a warning is logged.
 */
import type { Logger } from 'pino';
import type { Reranker, SearchReranker } from './ports.ts';

export interface HttpRerankerOptions {
  /** The server (`http://host:8080`) or its endpoint (`.../v1/rerank`); `/rerank` is added when missing. */
  url: string;
  apiKey?: string;
  /** Sent as `model` (Jina and Cohere need one; TEI and Infinity serve the one they loaded). */
  model?: string;
  timeoutMs: number;
}

export class HttpReranker implements Reranker {
  readonly id: string;
  private readonly endpoint: URL;
  private readonly options: HttpRerankerOptions;

  constructor(options: HttpRerankerOptions) {
    this.options = options;
    this.endpoint = rerankEndpoint(options.url);
    this.id = this.endpoint.href;
  }

  async score(query: string, documents: string[], options: { signal?: AbortSignal } = {}): Promise<number[]> {
    if (documents.length === 0) return [];
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          ...(this.options.model ? { model: this.options.model } : {}),
          query,
          texts: documents,
          documents,
          top_n: documents.length,
          truncate: true,
          return_text: false,
          return_documents: false,
        }),
        signal,
      });
    } catch (error) {
      if (timeout.aborted) throw new Error(`no answer within ${this.options.timeoutMs} ms`);
      throw error;
    }
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`);
    }
    return parseScores(await response.json(), documents.length);
  }
}

export function rerankEndpoint(url: string): URL {
  const endpoint = new URL(url);
  if (!/\/rerank\/?$/.test(endpoint.pathname)) {
    endpoint.pathname = `${endpoint.pathname.replace(/\/+$/, '')}/rerank`;
  }
  return endpoint;
}

/**
 * Scores in document order from either answer shape. A document the server left out (a `top_n` it
 * capped) scores -Infinity, so it follows every scored one; indexes out of range or a non-numeric score
 * make the whole answer unusable.
 */
export function parseScores(body: unknown, count: number): number[] {
  const rows = Array.isArray(body)
    ? body
    : Array.isArray((body as { results?: unknown })?.results)
      ? (body as { results: unknown[] }).results
      : undefined;
  if (!rows)
    throw new Error('the answer is neither [{index, score}] nor {results: [{index, relevance_score}]}');
  const scores = new Array<number>(count).fill(Number.NEGATIVE_INFINITY);
  let seen = 0;
  for (const row of rows) {
    const { index, score, relevance_score } = (row ?? {}) as Record<string, unknown>;
    const value = typeof relevance_score === 'number' ? relevance_score : score;
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= count) {
      throw new Error(`the answer names document ${JSON.stringify(index)} of ${count}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`the answer gives document ${index} the score ${JSON.stringify(value)}`);
    }
    scores[index as number] = value;
    seen++;
  }
  if (seen === 0 && count > 0) throw new Error('the answer scores no document');
  return scores;
}

/** The search-side stage: rerank the first `candidates` hits, keep the rest after them, never throw. */
export class RerankStage implements SearchReranker {
  readonly id: string;
  readonly candidates: number;
  private readonly reranker: Reranker;
  private readonly logger: Logger;

  constructor(reranker: Reranker, options: { candidates: number; logger: Logger }) {
    this.reranker = reranker;
    this.id = reranker.id;
    this.candidates = options.candidates;
    this.logger = options.logger;
  }

  async rerank<T extends { score: number }>(
    query: string,
    hits: T[],
    textOf: (hit: T) => string,
  ): Promise<T[]> {
    const head = hits.slice(0, this.candidates);
    if (head.length < 2) return hits;
    const started = performance.now();
    let scores: number[];
    try {
      scores = await this.reranker.score(query, head.map(textOf));
    } catch (error) {
      this.logger.warn(
        {
          reranker: this.id,
          reason: error instanceof Error ? error.message : String(error),
          ms: Math.round(performance.now() - started),
        },
        'reranker failed; search keeps the fused order',
      );
      return hits;
    }
    const reranked = head
      .map((hit, i) => ({ hit, score: scores[i]!, i }))
      // Stable: equal scores (and documents the server left out) keep their fused order.
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map(({ hit, score }) => ({ ...hit, score: Number.isFinite(score) ? score : hit.score }));
    return [...reranked, ...hits.slice(this.candidates)];
  }
}
