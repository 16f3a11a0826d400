import type { EntityManager } from '@mikro-orm/postgresql';
import { Chunk, Document } from '../entities/document.ts';
import { StudyGuide } from '../entities/study-guide.ts';
import { quoteLocation } from '../flashcards/evidence.ts';
import type { Services } from '../services.ts';
import { writeGuide } from './engine/compose.ts';
import { groupSections } from './engine/sections.ts';
import type { GuideSource } from './engine/types.ts';
import type { StudyGuideEngines } from './study-guide-engines.ts';
import { streamEventOf } from './study-guide-service.ts';

export interface StudyGuideJob {
  studyGuideId: string;
  retryCount: number;
  retryLimit: number;
  signal?: AbortSignal;
}

export type StudyGuideJobServices = Pick<Services, 'orm' | 'pubsub'> & {
  studyGuideEngines: StudyGuideEngines;
};

/**
 * Writes a guide section by section: after each one the whole Markdown so far is published on
 * `study-guide:stream` and stored, so a late subscriber starts from it. Idempotent: a rerun starts the
 * text over (subscribers get it as a reset). The last failing attempt marks the guide FAILED.
 */
export async function runStudyGuideJob(services: StudyGuideJobServices, job: StudyGuideJob): Promise<void> {
  const em = services.orm.em.fork() as EntityManager;
  const guide = await em.findOne(StudyGuide, job.studyGuideId);
  if (!guide || guide.status !== 'GENERATING') return;
  const publish = (reset = false) =>
    services.pubsub.publish('study-guide:stream', guide.id, { ...streamEventOf(guide), reset });
  try {
    const documents = await em.find(Document, { id: { $in: guide.documentIds } }, { fields: ['title'] });
    const titles = new Map(documents.map((document) => [document.id, document.title]));
    const chunks = await em.find(
      Chunk,
      { document: { $in: guide.documentIds } },
      { fields: ['id', 'document', 'text', 'pageStart', 'pageEnd', 'headingPath', 'ordinal'] },
    );
    const order = new Map(guide.documentIds.map((id, i) => [id, i]));
    chunks.sort((a, b) => order.get(a.document.id)! - order.get(b.document.id)! || a.ordinal - b.ordinal);
    const sources: GuideSource[] = chunks.map((chunk) => ({
      chunkId: chunk.id,
      documentId: chunk.document.id,
      documentTitle: titles.get(chunk.document.id) ?? 'Untitled',
      text: chunk.text,
      pageStart: chunk.pageStart,
      pageEnd: chunk.pageEnd,
      headingPath: chunk.headingPath,
    }));
    guide.content = '';
    publish(true);
    const written = await writeGuide({
      title: guide.title,
      sections: groupSections(sources),
      writer: services.studyGuideEngines.writer,
      locate: (source, quote) => quoteLocation(source, source.pageStart, quote),
      signal: job.signal,
      onText: async (content) => {
        guide.content = content;
        publish();
        await em.nativeUpdate(StudyGuide, { id: guide.id }, { content });
      },
    });
    const ready = written.points > 0;
    Object.assign(guide, {
      content: written.content,
      sections: written.sections,
      status: ready ? 'READY' : 'FAILED',
      engine: services.studyGuideEngines.writer.name,
      error: ready ? null : 'No key point of the selected documents could be cited and checked',
    });
    await em.nativeUpdate(
      StudyGuide,
      { id: guide.id },
      {
        content: guide.content,
        sections: guide.sections,
        status: guide.status,
        engine: guide.engine,
        error: guide.error,
      },
    );
    publish();
  } catch (error) {
    if (job.retryCount < job.retryLimit && !job.signal?.aborted) throw error;
    const message = `Study guide generation failed: ${error instanceof Error ? error.message : String(error)}`;
    await em.nativeUpdate(
      StudyGuide,
      { id: guide.id, status: 'GENERATING' },
      { status: 'FAILED', error: message },
    );
    Object.assign(guide, { status: 'FAILED', error: message });
    publish();
  }
}
