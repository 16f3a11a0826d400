import { print } from 'graphql';
import { describe, expect, inject, it } from 'vitest';
import { RoomMemberAddedDocument } from '../generated/operations.ts';
import { createRoom, createUser, wsClient } from '../helpers/client.ts';
import { startApiProcess } from '../helpers/process.ts';

describe('the API process', () => {
  it('serves health and readiness, then shuts down gracefully on SIGTERM', async () => {
    const api = await startApiProcess({ DATABASE_URL: inject('databaseUrl') });
    expect((await fetch(`${api.origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', failing: [] });

    // A live subscription is completed (closed with 1001 Going Away), not cut.
    const owner = await createUser(api.url);
    const room = await createRoom(api.url, owner);
    const client = wsClient(api.wsUrl, owner.token);
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (event) => resolve((event as CloseEvent).code)),
    );
    client.subscribe(
      { query: print(RoomMemberAddedDocument), variables: { roomId: room.id } },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    await new Promise((resolve) => client.on('connected', resolve));

    expect(await api.stop('SIGTERM')).toBe(0);
    expect(await closed).toBe(1001);
    expect(api.logs.some((line) => line.includes('shutting down'))).toBe(true);
    await expect(fetch(`${api.origin}/healthz`)).rejects.toThrow();
  });

  it('refuses to start with a bad configuration, naming the variable', async () => {
    await expect(startApiProcess({ DATABASE_URL: inject('databaseUrl'), PORT: 'eighty' })).rejects.toThrow(
      /PORT: expected number \(got "eighty"\)/,
    );
  });
});

describe('observability', () => {
  it('serves Prometheus metrics with operation timings, errors by code and queue depth', async () => {
    const api = await startApiProcess({ DATABASE_URL: inject('databaseUrl') });
    try {
      const owner = await createUser(api.url);
      await createRoom(api.url, owner);
      await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-123' },
        body: JSON.stringify({ query: 'query Rooms { rooms(first: 1) { edges { cursor } } }' }),
      });
      const metrics = await (await fetch(`${api.origin}/metrics`)).text();
      expect(metrics).toMatch(
        /graphql_operation_duration_seconds_count\{operation="CreateRoom",type="mutation"\} 1/,
      );
      expect(metrics).toMatch(/graphql_errors_total\{code="UNAUTHENTICATED"\} 1/);
      expect(metrics).toMatch(/job_queue_depth\{queue="ingest-document",state="queued"\} 0/);
      expect(metrics).toMatch(/websocket_connections 0/);
      expect(metrics).toMatch(/process_resident_memory_bytes/);
      const ready = (await (await fetch(`${api.origin}/readyz`)).json()) as {
        checks: Array<{ name: string }>;
      };
      expect(ready.checks.map((check) => check.name)).toEqual(['database', 'vector store', 'job queue']);
    } finally {
      await api.stop();
    }
  });
});
