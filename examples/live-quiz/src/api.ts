import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';

export interface ApiConfig {
  httpUrl: string;
  wsUrl: string;
}

export interface Account {
  token: string;
  user: { id: string; email: string; displayName: string };
}

const DEFAULT_API = 'http://localhost:4000/graphql';

/**
 * Where the API is: `?api=` (and optionally `?ws=`) on the page URL, else what the example server
 * injected into the page (API_URL / API_WS_URL), else localhost:4000. The WebSocket URL follows the
 * HTTP one unless given.
 */
export function apiConfig(): ApiConfig {
  const params = new URLSearchParams(location.search);
  const injected = document.getElementById('live-quiz-config')?.textContent;
  const served = injected ? (JSON.parse(injected) as Partial<ApiConfig>) : {};
  const httpUrl = params.get('api') ?? served.httpUrl ?? DEFAULT_API;
  const wsUrl =
    params.get('ws') ?? (params.get('api') ? null : served.wsUrl) ?? httpUrl.replace(/^http/, 'ws');
  return { httpUrl, wsUrl };
}

export class ApiError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

const printed = new WeakMap<DocumentNode, string>();
function source(document: DocumentNode) {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

export class Api {
  readonly config: ApiConfig;
  account: Account | null;
  private ws: Client | null = null;

  constructor(config: ApiConfig, account: Account | null) {
    this.config = config;
    this.account = account;
  }

  /** One GraphQL call over HTTP; the first error becomes an ApiError with its `extensions.code`. */
  async request<T, V>(document: TypedDocumentNode<T, V>, variables: V): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.config.httpUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.account ? { authorization: `Bearer ${this.account.token}` } : {}),
        },
        body: JSON.stringify({ query: source(document), variables }),
      });
    } catch {
      throw new ApiError(`Cannot reach the API at ${this.config.httpUrl}`);
    }
    const body = (await response.json().catch(() => ({}))) as {
      data?: T | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    const error = body.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code);
    if (!body.data) throw new ApiError(`The API answered ${response.status} without data`);
    return body.data;
  }

  /** Subscribes over one shared graphql-ws connection (signed in with the account's token). */
  subscribe<T, V>(
    document: TypedDocumentNode<T, V>,
    variables: V,
    handlers: { next(data: T): void; error(error: Error): void; complete(): void },
  ): () => void {
    if (!this.ws) {
      const token = this.account?.token;
      this.ws = createClient({
        url: this.config.wsUrl,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 5,
      });
    }
    return this.ws.subscribe<T>(
      { query: source(document), variables: variables as Record<string, unknown> },
      {
        next: (value) => {
          if (value.errors?.length) handlers.error(new ApiError(value.errors[0]!.message));
          else if (value.data) handlers.next(value.data);
        },
        error: (error) =>
          handlers.error(error instanceof Error ? error : new ApiError('The live connection closed')),
        complete: handlers.complete,
      },
    );
  }

  /** Drops the WebSocket, e.g. after signing out (the next subscription opens a new one). */
  async disconnect() {
    await this.ws?.dispose();
    this.ws = null;
  }
}

const STORAGE_KEY = 'live-quiz-account';

/** Per tab (sessionStorage), so one browser can host in one tab and play in another. */
export function loadAccount(): Account | null {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return stored ? (JSON.parse(stored) as Account) : null;
}

export function saveAccount(account: Account | null) {
  if (account) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(account));
  else sessionStorage.removeItem(STORAGE_KEY);
}
