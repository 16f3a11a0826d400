'use client';

import { type Client, createClient } from 'graphql-ws';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '@/gql/graphql';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

interface Live {
  client: Client;
  status: LiveStatus;
}

const LiveContext = createContext<Live | null>(null);

/**
 * One graphql-ws connection per tab, straight to the API (Next.js cannot proxy WebSockets). The API
 * authenticates a socket by its connection params, so the token is fetched from this app's
 * `/session/token` route (same origin, the httpOnly cookie) at each connect: a reconnect after
 * signing out fails instead of reusing a stale token. The socket retries forever with backoff, and
 * graphql-ws re-subscribes every active subscription after a reconnect; each subscription of this API
 * starts with the current state, which is how screens resume.
 */
export function LiveProvider({ wsUrl, children }: { wsUrl: string; children: React.ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [client] = useState(() =>
    createClient({
      url: wsUrl,
      lazy: true,
      lazyCloseTimeout: 3_000,
      keepAlive: 15_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        const base = Math.min(1_000 * 2 ** retries, 15_000);
        await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
      },
      connectionParams: async () => {
        const response = await fetch('/session/token', { cache: 'no-store' });
        if (!response.ok) return {};
        const { token } = (await response.json()) as { token: string };
        return { authorization: `Bearer ${token}` };
      },
      on: {
        connected: () => setStatus('live'),
        closed: () => setStatus((current) => (current === 'live' ? 'reconnecting' : current)),
      },
    }),
  );
  useEffect(() => () => void client.dispose(), [client]);
  return <LiveContext.Provider value={{ client, status }}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext)?.status ?? 'connecting';
}

/**
 * Follows a subscription while the component is mounted (and `variables` is not null). `onEvent`
 * sees every event; the latest handler is used without resubscribing.
 */
export function useSubscription<T, V extends Record<string, unknown>>(
  document: TypedDocumentString<T, V>,
  variables: V | null,
  onEvent: (data: T) => void,
  onError?: (message: string) => void,
) {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useSubscription needs a <LiveProvider>');
  const handlers = useRef({ onEvent, onError });
  handlers.current = { onEvent, onError };
  const key = variables ? JSON.stringify(variables) : null;
  useEffect(() => {
    if (key === null) return;
    return live.client.subscribe<T>(
      { query: document.toString(), variables: JSON.parse(key) as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors?.length) handlers.current.onError?.(result.errors[0]!.message);
          else if (result.data) handlers.current.onEvent(result.data);
        },
        error: (error) =>
          handlers.current.onError?.(error instanceof Error ? error.message : 'The live connection closed'),
        complete: () => undefined,
      },
    );
  }, [live.client, document, key]);
}
