import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { LiveParticipant } from '../src/entities/live.ts';
import type { LoaderOptions } from './group.ts';
import { findRows } from './group.ts';

/** Per live session: whether the viewer joined it as a player (the host is not one). */
export function viewerPlaysInLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, boolean>(async (sessionIds) => {
    if (!viewerId) return sessionIds.map(() => false);
    const rows = await findRows<LiveParticipant, { session: { id: string } }>(
      em,
      LiveParticipant,
      { user: viewerId, session: { $in: [...sessionIds] } },
      { fields: ['session'] },
    );
    const joined = new Set(rows.map((row) => row.session.id));
    return sessionIds.map((id) => joined.has(id));
  }, options);
}
