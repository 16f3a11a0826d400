import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { GuideSection } from '../study-guides/engine/types.ts';
import { baseProperties } from './base.ts';
import { Room } from './room.ts';
import { User } from './user.ts';

export const STUDY_GUIDE_STATUSES = ['GENERATING', 'READY', 'FAILED'] as const;
export type StudyGuideStatus = (typeof STUDY_GUIDE_STATUSES)[number];

/**
 * Key points per document section, each cited. `owner` is set when a viewer made it for themselves (only
 * they see it); a guide an editor or owner made has none and is seen by the room.
 */
export const StudyGuide = defineEntity({
  name: 'StudyGuide',
  properties: {
    ...baseProperties(),
    room: () => p.manyToOne(Room).deleteRule('cascade').index(),
    createdBy: () => p.manyToOne(User).deleteRule('set null').nullable(),
    owner: () => p.manyToOne(User).deleteRule('cascade').nullable(),
    title: p.string().length(200),
    status: p.enum(STUDY_GUIDE_STATUSES).default('GENERATING'),
    error: p.text().nullable(),
    documentIds: p.json<string[]>(),
    /** The guide as Markdown, with `[n]` markers: what `studyGuideStream` streams. */
    content: p.text().default(''),
    sections: p.json<GuideSection[]>(),
    engine: p.string().length(100).nullable(),
    jobId: p.string().length(64).nullable(),
  },
});
export type StudyGuide = InferEntity<typeof StudyGuide>;
