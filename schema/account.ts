/** A person's data on request (docs/school.md): the export's download link and an erasure's outcome. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { AccountDeletion } from '../src/account/account-deletion.ts';
import { builder } from './builder.ts';

export interface DataExport {
  url: string;
  filename: string;
  expiresAt: Date;
  sections: readonly string[];
}

export const DataExportRef = builder.objectRef<DataExport>('DataExport').implement({
  description: "A short-lived link to a zip of the viewer's own data, one JSON file per section",
  fields: (t) => ({
    url: t.exposeString('url', {
      description:
        "Path on this API's origin (GET, no Authorization header needed) that answers the zip while the link lasts",
    }),
    filename: t.exposeString('filename'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    sections: t.exposeStringList('sections', {
      description:
        'The JSON files in the zip, without `.json`: account, memberships, conversations, attempts, reviews',
    }),
  }),
});

export const AccountDeletionRef = builder.objectRef<AccountDeletion>('AccountDeletion').implement({
  description: 'What erasing the account did',
  fields: (t) => ({
    deletedUserId: t.id({ resolve: (deletion) => encodeGlobalID('User', deletion.userId) }),
    transferredRoomIds: t.idList({
      description: 'Rooms the person owned that now belong to their longest-standing editor',
      resolve: (deletion) => deletion.transferredRoomIds.map((id) => encodeGlobalID('Room', id)),
    }),
    deletedRoomIds: t.idList({
      description:
        'Rooms the person owned that had no editor, deleted with their documents, bytes and vectors',
      resolve: (deletion) => deletion.deletedRoomIds.map((id) => encodeGlobalID('Room', id)),
    }),
  }),
});
