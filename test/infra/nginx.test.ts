import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/db/scratch-database.ts';
import { DocumentProgressDocument, MeDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser, wsClient } from '../helpers/client.ts';
import { ask, collectStream, startConversation } from '../helpers/conversations.ts';
import { makePdf, uploadFile, waitForDocument } from '../helpers/documents.ts';
import { type Nginx, nginxAvailable, startNginx, trustCertificate } from '../helpers/nginx.ts';
import { type ApiProcess, startApiProcess } from '../helpers/process.ts';
import { redisAvailable, startRedis } from '../helpers/redis.ts';

const available = nginxAvailable() && redisAvailable();
let redis: Awaited<ReturnType<typeof startRedis>>;
let apis: ApiProcess[] = [];
let ports: number[] = [];
let nginx: Nginx;
let user: Actor;
let roomId: string;

const PAGES = [
  ['Photosynthesis converts light energy into chemical energy stored in glucose.'],
  ['Chlorophyll absorbs mostly blue and red light and reflects green light, which is why leaves look green.'],
  ['The Calvin cycle fixes carbon dioxide into sugar in the stroma of the chloroplast.'],
];

describe.runIf(available)('Debian nginx (infra/nginx, TLS on loopback) in front of two API instances', () => {
  beforeAll(async () => {
    redis = await startRedis();
    ports = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: redis.url,
      JOB_QUEUE_SCHEMA: `jobs_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
      JWT_SECRET: randomUUID() + randomUUID(),
    };
    // Fixed ports: nginx's upstream block lists them. Both run the ingest worker (ROLE=all).
    apis = await Promise.all(ports.map((port) => startApiProcess({ ...env, PORT: String(port) })));
    nginx = await startNginx(ports);
    trustCertificate(nginx.certificate);
    user = await createUser(nginx.url, 'Through Nginx');
    roomId = (await createRoom(nginx.url, user, 'Photosynthesis')).id;
  }, 120_000);
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(apis.map((api) => api.stop()));
    await redis?.stop();
  });

  it('answers GraphQL queries over HTTPS, spreading them over both instances', async () => {
    for (let i = 0; i < 6; i++) {
      const { me } = await call(nginx.url, MeDocument, {}, user.token);
      expect(me?.id).toBe(user.id);
    }
    const upstreams = new Set(
      nginx
        .accessLog()
        .map((line) => JSON.parse(line) as { uri: string; upstream: string })
        .filter((entry) => entry.uri === '/graphql')
        .map((entry) => entry.upstream),
    );
    expect(upstreams).toEqual(new Set(ports.map((port) => `127.0.0.1:${port}`)));
  });

  it('sends the security headers and hides server details', async () => {
    const response = await fetch(`${nginx.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(response.headers.get('server')).toBe('nginx'); // server_tokens off: no version
    expect(response.headers.get('x-powered-by')).toBeNull();
    // Error responses carry them too ("always").
    const denied = await fetch(`${nginx.origin}/graphql`, { method: 'PUT' });
    expect(denied.headers.get('strict-transport-security')).not.toBeNull();
  });

  it('redirects plain HTTP to HTTPS, except the ACME challenge location, served from the webroot', async () => {
    const redirect = await fetch(`${nginx.httpOrigin}/graphql?query=%7Bme%7Bid%7D%7D`, {
      redirect: 'manual',
    });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`${nginx.origin}/graphql?query=%7Bme%7Bid%7D%7D`);

    const token = randomUUID();
    writeFileSync(join(nginx.acmeRoot, '.well-known/acme-challenge', token), `${token}.key-authorization`);
    const challenge = await fetch(`${nginx.httpOrigin}/.well-known/acme-challenge/${token}`, {
      redirect: 'manual',
    });
    expect(challenge.status).toBe(200);
    expect(challenge.headers.get('content-type')).toBe('text/plain');
    expect(await challenge.text()).toBe(`${token}.key-authorization`);
    const missing = await fetch(`${nginx.httpOrigin}/.well-known/acme-challenge/${randomUUID()}`, {
      redirect: 'manual',
    });
    expect(missing.status).toBe(404);
  });

  it('takes a multipart upload and streams its ingestion progress over wss', async () => {
    const upload = await uploadFile(nginx.url, user.token, roomId, await makePdf(PAGES), 'leaves.pdf');
    expect(upload.status).toBe(200);
    expect(upload.body.errors).toBeUndefined();
    const documentId = upload.body.data!.uploadDocument.id;

    const client = wsClient(nginx.wsUrl, user.token);
    const stages: string[] = [];
    await new Promise<void>((resolve, reject) =>
      client.subscribe(
        { query: print(DocumentProgressDocument), variables: { documentId } },
        {
          next: (value) => {
            if (value.errors) reject(new Error(JSON.stringify(value.errors)));
            else stages.push((value.data as { documentProgress: { stage: string } }).documentProgress.stage);
          },
          error: reject,
          complete: resolve,
        },
      ),
    );
    await client.dispose();
    expect(stages.at(-1)).toBe('READY');
    const document = await waitForDocument(nginx.url, user.token, documentId);
    expect(document).toMatchObject({ status: 'READY', pageCount: 3 });
  });

  it('streams an answer token by token over wss (WebSocket upgrade through nginx)', async () => {
    const conversation = await startConversation(nginx.url, user.token, roomId);
    const message = await ask(nginx.url, user.token, conversation.id, 'Why do leaves look green?');
    const events = await collectStream(nginx.wsUrl, user.token, message.id);
    const last = events.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.content.toLowerCase()).toContain('green');
    expect(events.length).toBeGreaterThan(2); // streamed in pieces, not one buffered response
    expect(events.map((event) => event.delta).join('')).toBe(last.content);
    const upgrades = nginx
      .accessLog()
      .map((line) => JSON.parse(line) as { status: number; upgrade: string })
      .filter((entry) => entry.upgrade === 'websocket');
    expect(upgrades.length).toBeGreaterThan(0);
    expect(upgrades.every((entry) => entry.status === 101)).toBe(true);
  });
});
