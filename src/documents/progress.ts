import type { Document, IngestStage } from '../entities/document.ts';
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
