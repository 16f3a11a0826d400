import type { EntityManager } from '@mikro-orm/postgresql';
import { Document } from '../src/entities/document.ts';
import type { LoaderOptions } from './group.ts';
import { findRows, listLoader, type ReadModel } from './group.ts';

/** A document as the schema reads it: a managed entity or a read-only row. */
export type DocumentView = ReadModel<Document, 'room' | 'uploadedBy'>;

/** Newest first; keyed by room and the fields read (see `listLoader`). */
export function documentsByRoomLoader(em: EntityManager, options?: LoaderOptions) {
  return listLoader(
    (roomIds, fields) =>
      findRows<Document, DocumentView>(
        em,
        Document,
        { room: { $in: roomIds } },
        { orderBy: { createdAt: 'desc', id: 'desc' }, fields },
      ),
    (document) => document.room.id,
    options,
  );
}
