import { z } from 'zod';
import { authorize } from '../schema/access.ts';
import { AccountDeletionRef, DataExportRef } from '../schema/account.ts';
import { builder } from '../schema/builder.ts';
import { deleteAccount } from '../src/account/account-deletion.ts';
import { EXPORT_SECTIONS } from '../src/account/account-export.ts';
import { recordAudit } from '../src/audit/audit-service.ts';

const DeleteMyAccountInput = builder.inputType('DeleteMyAccountInput', {
  fields: (t) => ({
    password: t.string({ required: true, validate: z.string().max(200) }),
  }),
});

builder.mutationFields((t) => ({
  exportMyData: t.field({
    type: DataExportRef,
    description:
      "A link (valid 10 minutes, until sign-out) to a zip of the viewer's account, memberships, conversations, attempts and reviews",
    authScopes: authorize('exportMyData'),
    resolve: async (_root, _args, context) => {
      const viewer = context.viewer!;
      const link = await context.services.tokens.issueExport({
        userId: viewer.id,
        version: viewer.tokenVersion,
      });
      await recordAudit(context, {
        roomId: null,
        action: 'DATA_EXPORTED',
        subject: { type: 'User', id: viewer.id },
      });
      return {
        url: `/exports/${link.token}`,
        filename: `study-room-data-${new Date().toISOString().slice(0, 10)}.zip`,
        expiresAt: link.expiresAt,
        sections: EXPORT_SECTIONS,
      };
    },
  }),
  deleteMyAccount: t.field({
    type: AccountDeletionRef,
    description:
      'Erases the account and every row that is the viewer’s own, after checking the password again; owned rooms go to their longest-standing editor, or are deleted when they have none (docs/school.md)',
    args: { input: t.arg({ type: DeleteMyAccountInput, required: true }) },
    authScopes: authorize('deleteMyAccount'),
    resolve: (_root, { input }, context) => deleteAccount(context, context.viewer!.id, input.password),
  }),
}));
