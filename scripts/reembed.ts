/**
 * npm run reembed -- --room <room id>
 * Moves a room to the embedder the server is configured with now (EMBEDDER, ...) in the foreground, the
 * same way the background `reembed-room` job does (searches keep working on the old vectors meanwhile).
 */

import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { reembedRoom } from '../src/retrieval/reembed.ts';

const flag = process.argv.indexOf('--room');
const raw = flag >= 0 ? process.argv[flag + 1] : undefined;
if (!raw) {
  console.error('usage: npm run reembed -- --room <room id>');
  process.exit(2);
}
const roomId = /^[0-9a-f-]{36}$/i.test(raw) ? raw : decodeGlobalID(raw).id;
const app = await bootstrap({ ...loadConfig(), ROLE: 'api' });
try {
  const result = await reembedRoom(app.services.orm.em.fork() as EntityManager, app.services, roomId, {
    onProgress: (done, total) => process.stdout.write(`\rre-embedded ${done}/${total} chunks`),
  });
  console.log(
    `\nroom ${roomId} now uses ${result.to} (${result.chunks} chunks moved from ${result.from ?? 'nothing'})`,
  );
} finally {
  await app.shutdown();
}
