import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Document } from '../src/entities/document.ts';
import type { LoaderOptions } from './group.ts';
import { findRows, groupBy, listLoader, type ReadModel } from './group.ts';

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

/** Per room, the ids of its editor-only documents (what a viewer must not reach through a guide or deck). */
export function editorsOnlyDocumentsLoader(em: EntityManager, options?: LoaderOptions) {
  return new DataLoader<string, ReadonlySet<string>>(async (roomIds) => {
    const rows = await findRows<Document, Pick<DocumentView, 'id' | 'room'>>(
      em,
      Document,
      { room: { $in: [...roomIds] }, visibility: 'EDITORS' },
      { fields: ['id'] },
    );
    return groupBy(roomIds, rows, (row) => row.room.id).map((group) => new Set(group.map((row) => row.id)));
  }, options);
}
