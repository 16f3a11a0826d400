import { encodeGlobalID, resolveArrayConnection } from '@pothos/plugin-relay';
import { STUDY_GUIDE_STATUSES, type StudyGuide } from '../src/entities/study-guide.ts';
import type { StudyGuideStreamEvent } from '../src/events.ts';
import type { GuidePoint, GuideSection } from '../src/study-guides/engine/types.ts';
import { loadVisible, visible, visibleMadeFrom } from './access.ts';
import { builder } from './builder.ts';
import { CitationRef } from './conversation.ts';
import { DocumentRef } from './document.ts';
import { RoomRef } from './room.ts';

export const StudyGuideStatusEnum = builder.enumType('StudyGuideStatus', { values: STUDY_GUIDE_STATUSES });
export const StudyGuideRef = builder.objectRef<StudyGuide>('StudyGuide');

const GuidePointRef = builder.objectRef<GuidePoint>('StudyGuidePoint').implement({
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The point, without its citation markers' }),
    citations: t.field({
      type: [CitationRef],
      description: "As for answers: each quote verbatim in its chunk; `index` is the guide's `[n]`",
      resolve: (point) => point.citations,
    }),
  }),
});

const GuideSectionRef = builder.objectRef<GuideSection>('StudyGuideSection').implement({
  fields: (t) => ({
    heading: t.exposeString('heading', {
      description: "The document's heading where it has one, else the section's pages",
    }),
    pageStart: t.exposeInt('pageStart'),
    pageEnd: t.exposeInt('pageEnd'),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      resolve: (section, _args, context) => visible(context, 'Document', section.documentId),
    }),
    points: t.field({ type: [GuidePointRef], resolve: (section) => section.points }),
  }),
});

builder.node(StudyGuideRef, {
  id: { resolve: (guide) => guide.id },
  loadMany: loadVisible('StudyGuide'),
  fields: (t) => ({
    title: t.exposeString('title'),
    status: t.field({ type: StudyGuideStatusEnum, resolve: (guide) => guide.status }),
    error: t.exposeString('error', { nullable: true }),
    private: t.boolean({
      description: 'Made by a viewer for themselves: nobody else sees it',
      resolve: (guide) => guide.owner != null,
    }),
    content: t.exposeString('content', { description: 'The guide as Markdown with `[n]` citation markers' }),
    engine: t.exposeString('engine', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    room: t.field({
      type: RoomRef,
      resolve: async (guide, _args, context) => (await context.loaders.roomById.load(guide.room.id))!,
    }),
    sections: t.field({ type: [GuideSectionRef], resolve: (guide) => guide.sections }),
  }),
});

builder.objectField(RoomRef, 'studyGuides', (t) =>
  t.connection({
    type: StudyGuideRef,
    description: "The room's study guides and the viewer's private ones, newest first",
    resolve: async (room, args, context) =>
      resolveArrayConnection(
        { args },
        await visibleMadeFrom(context, room.id, await context.loaders.studyGuidesByRoom.load(room.id)),
      ),
  }),
);

export const StudyGuideStreamEventRef = builder
  .objectRef<StudyGuideStreamEvent>('StudyGuideStreamEvent')
  .implement({
    fields: (t) => ({
      studyGuideId: t.id({ resolve: (event) => encodeGlobalID('StudyGuide', event.studyGuideId) }),
      delta: t.exposeString('delta', { description: 'Text added since the previous event' }),
      content: t.exposeString('content', { description: 'The whole Markdown so far' }),
      done: t.exposeBoolean('done'),
      reset: t.boolean({
        description: 'The text restarted (a retried job): show `content` instead of appending `delta`',
        resolve: (event) => event.reset ?? false,
      }),
      status: t.field({ type: StudyGuideStatusEnum, resolve: (event) => event.status }),
      studyGuide: t.field({
        type: StudyGuideRef,
        nullable: true,
        description: 'The guide as stored: on the first event and on the final one; null on deltas',
        resolve: (event, _args, context) =>
          event.withRecord ? visible(context, 'StudyGuide', event.studyGuideId) : null,
      }),
    }),
  });
