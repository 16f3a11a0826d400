import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWithinBudget, type BudgetServices } from '../budgets/usage-service.ts';
import { readyDocuments } from '../documents/document-service.ts';
import { Room } from '../entities/room.ts';
import { StudyGuide } from '../entities/study-guide.ts';
import { User } from '../entities/user.ts';
import type { StudyGuideStreamEvent } from '../events.ts';
import { sendForRoom } from '../jobs/fair-queue.ts';
import { chargeTo, QUEUES } from '../jobs/queue.ts';
import type { Services } from '../services.ts';

/**
 * Creates a GENERATING guide over READY documents and enqueues it. An editor's or owner's guide is the
 * room's; a viewer's is their own (only they see it).
 */
export async function generateStudyGuide(
  em: EntityManager,
  services: Pick<Services, 'queue' | 'config'> & BudgetServices,
  viewer: { id: string; private: boolean; readsEditorsOnly: boolean },
  input: { roomId: string; documentIds?: string[] | null; title?: string | null },
): Promise<StudyGuide> {
  const documents = await readyDocuments(em, input.roomId, input.documentIds, 'a study guide', {
    includeEditorsOnly: viewer.readsEditorsOnly,
  });
  await assertWithinBudget(em, services, {
    roomId: input.roomId,
    userId: viewer.id,
    spending: { kind: 'llm' },
  });
  const guide = em.create(StudyGuide, {
    room: em.getReference(Room, input.roomId),
    createdBy: em.getReference(User, viewer.id),
    owner: viewer.private ? em.getReference(User, viewer.id) : null,
    title:
      input.title?.trim() ||
      `Study guide: ${documents.map((document) => document.title).join(', ')}`.slice(0, 200),
    documentIds: documents.map((document) => document.id),
    sections: [],
  });
  await em.flush();
  guide.jobId = await sendForRoom(
    services.queue,
    services.config,
    QUEUES.studyGuide,
    input.roomId,
    { studyGuideId: guide.id, ...chargeTo(input.roomId, viewer.id) },
    { singletonKey: guide.id },
  );
  await em.flush();
  return guide;
}

export function streamEventOf(guide: Pick<StudyGuide, 'id' | 'content' | 'status'>): StudyGuideStreamEvent {
  return {
    studyGuideId: guide.id,
    content: guide.content,
    delta: '',
    status: guide.status,
    done: guide.status !== 'GENERATING',
  };
}

/** The stored guide as a subscriber's first event; null when it does not exist. */
export async function studyGuideSnapshot(
  em: EntityManager,
  id: string,
): Promise<StudyGuideStreamEvent | null> {
  const guide = await em.findOne(StudyGuide, id, { disableIdentityMap: true });
  return guide ? streamEventOf(guide) : null;
}
