import { z } from 'zod';
import { authorize, newStudyGuideIsPrivate, readsEditorsOnly } from '../schema/access.ts';
import { builder } from '../schema/builder.ts';
import { DocumentRef } from '../schema/document.ts';
import { RoomRef } from '../schema/room.ts';
import { StudyGuideRef, StudyGuideStreamEventRef } from '../schema/study-guide.ts';
import { recordAudit } from '../src/audit/audit-service.ts';
import { liveSubscription } from '../src/pubsub.ts';
import { deltasPerSubscriber } from '../src/stream-deltas.ts';
import { generateStudyGuide, studyGuideSnapshot } from '../src/study-guides/study-guide-service.ts';

const GenerateStudyGuideInput = builder.inputType('GenerateStudyGuideInput', {
  fields: (t) => ({
    roomId: t.globalID({ required: true, for: RoomRef }),
    documentIds: t.globalIDList({
      for: DocumentRef,
      description: 'Defaults to every READY document of the room',
      validate: z.array(z.unknown()).max(200, 'at most 200 documents').nullish(),
    }),
    title: t.string({ validate: z.string().max(200, 'must be at most 200 characters').nullish() }),
  }),
});

builder.mutationFields((t) => ({
  generateStudyGuide: t.field({
    type: StudyGuideRef,
    description:
      "Enqueues a cited study guide and returns it GENERATING; follow it with studyGuideStream. A viewer's guide is private to them",
    args: { input: t.arg({ type: GenerateStudyGuideInput, required: true }) },
    authScopes: authorize('generateStudyGuide'),
    resolve: async (_root, { input }, context) => {
      const guide = await generateStudyGuide(
        context.em,
        context.services,
        {
          id: context.viewer!.id,
          private: await newStudyGuideIsPrivate(context, input.roomId.id),
          readsEditorsOnly: await readsEditorsOnly(context, input.roomId.id),
        },
        { roomId: input.roomId.id, documentIds: input.documentIds?.map((id) => id.id), title: input.title },
      );
      await recordAudit(context, {
        roomId: input.roomId.id,
        action: 'STUDY_GUIDE_GENERATED',
        subject: { type: 'StudyGuide', id: guide.id },
        detail: { title: guide.title },
      });
      return guide;
    },
  }),
}));

builder.subscriptionFields((t) => ({
  studyGuideStream: t.field({
    type: StudyGuideStreamEventRef,
    description:
      'A guide as it is written: the first event carries the whole text so far, then deltas per section, then a final event (done) with the stored guide',
    args: { id: t.arg.globalID({ required: true, for: StudyGuideRef }) },
    authScopes: authorize('studyGuideStream'),
    subscribe: (_root, args, context) =>
      liveSubscription(context, 'study-guide:stream', args.id.id, {
        snapshot: () => studyGuideSnapshot(context.em, args.id.id),
        isTerminal: (event) => event.done,
        select: deltasPerSubscriber(),
      }),
    resolve: (event, _args, context) => {
      if (event.withRecord) context.refresh();
      return event;
    },
  }),
}));
