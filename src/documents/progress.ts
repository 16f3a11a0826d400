import type { EntityManager } from '@mikro-orm/postgresql';
import { Document, type IngestStage } from '../entities/document.ts';
import type { ProgressEvent } from '../events.ts';
import type { PubSub } from '../pubsub.ts';

export function progressOf(document: Document): ProgressEvent {
  return {
    documentId: document.id,
    stage: document.stage,
    progress: document.progress,
    message: document.stageMessage ?? null,
    status: document.status,
    error: document.error ?? null,
  };
}

export async function publishProgress(
  pubsub: PubSub,
  document: Document,
  update: { stage: IngestStage; progress: number; message: string | null },
) {
  pubsub.publish('document:progress', document.id, { ...progressOf(document), ...update });
}

/** The document's stored progress, for a subscriber's first event; null when it does not exist. */
export async function currentProgress(em: EntityManager, documentId: string): Promise<ProgressEvent | null> {
  const document = await em.findOne(Document, documentId, { disableIdentityMap: true });
  return document ? progressOf(document) : null;
}
