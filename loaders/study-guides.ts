import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { StudyGuide } from '../src/entities/study-guide.ts';
import type { LoaderOptions } from './group.ts';
import { groupBy } from './group.ts';

/** The room's shared guides and the viewer's own, newest first. */
export function studyGuidesByRoomLoader(em: EntityManager, viewerId: string | null, options?: LoaderOptions) {
  return new DataLoader<string, StudyGuide[]>(async (roomIds) => {
    const guides = await em.find(
      StudyGuide,
      { room: { $in: [...roomIds] }, $or: [{ owner: null }, ...(viewerId ? [{ owner: viewerId }] : [])] },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return groupBy(roomIds, guides, (guide) => guide.room.id);
  }, options);
}
