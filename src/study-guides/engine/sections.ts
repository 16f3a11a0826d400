/**
 * A guide's sections: per document, runs of chunks under the same heading (`Chunk.headingPath`). The level
 * is the first one that splits the document (a lone top heading, often the title, is skipped). A document
 * without headings is cut into page ranges. Very long documents keep their largest sections, in order.
 */
import { isProse } from '../../quizzes/engine/sample-chunks.ts';
import type { GuideSource } from './types.ts';

export interface SectionDraft {
  heading: string;
  documentId: string;
  documentTitle: string;
  pageStart: number;
  pageEnd: number;
  sources: GuideSource[];
}

export interface SectionOptions {
  /** Sections per document at most. */
  maxSections?: number;
  /** Passages a section is written from at most (spread over the section). */
  maxSources?: number;
}

/** `sources` in reading order (document, then ordinal). */
export function groupSections(sources: readonly GuideSource[], options: SectionOptions = {}): SectionDraft[] {
  const maxSections = options.maxSections ?? 12;
  const maxSources = options.maxSources ?? 12;
  const byDocument = new Map<string, GuideSource[]>();
  for (const source of sources.flatMap(segments)) {
    if (!isProse(source.text)) continue;
    byDocument.set(source.documentId, [...(byDocument.get(source.documentId) ?? []), source]);
  }
  const out: SectionDraft[] = [];
  for (const chunks of byDocument.values()) {
    const groups = headingGroups(chunks) ?? pageGroups(chunks, Math.min(maxSections, 6));
    const kept = groups.length <= maxSections ? groups : largest(groups, maxSections);
    for (const group of kept) {
      out.push({
        heading: group.heading,
        documentId: group.chunks[0]!.documentId,
        documentTitle: group.chunks[0]!.documentTitle,
        pageStart: Math.min(...group.chunks.map((c) => c.pageStart)),
        pageEnd: Math.max(...group.chunks.map((c) => c.pageEnd)),
        sources: spread(group.chunks, maxSources),
      });
    }
  }
  return out;
}

const HEADING_LINE = /^(#{1,6})[ \t]+(.+)$/gm;

/**
 * A chunk cut at the Markdown heading lines inside it (text and Word documents keep them as `# Title`),
 * each part with its own heading path; a part's text is a slice of the chunk's, so quotes stay verbatim.
 */
export function segments(source: GuideSource): GuideSource[] {
  const headings = [...source.text.matchAll(HEADING_LINE)];
  if (headings.length === 0) return [source];
  const out: GuideSource[] = [];
  let path = source.headingPath.map((title, i) => ({ level: i + 1, title }));
  let start = 0;
  let current = source.headingPath;
  const push = (end: number) => {
    const text = source.text.slice(start, end).trim();
    if (text) out.push({ ...source, text, headingPath: current });
  };
  for (const heading of headings) {
    push(heading.index);
    const level = heading[1]!.length;
    // The chunk's own path already ends with the headings it opens with.
    if (!path.some((h) => h.level === level && h.title === heading[2]!.trim())) {
      path = [...path.filter((h) => h.level < level), { level, title: heading[2]!.trim() }];
    } else {
      path = path.filter((h) => h.level <= level);
    }
    current = path.map((h) => h.title);
    start = heading.index + heading[0].length;
  }
  push(source.text.length);
  return out;
}

interface Group {
  heading: string;
  chunks: GuideSource[];
}

function headingGroups(chunks: GuideSource[]): Group[] | undefined {
  const deepest = Math.max(0, ...chunks.map((c) => c.headingPath.length));
  for (let level = 0; level < deepest; level++) {
    const groups: Group[] = [];
    for (const chunk of chunks) {
      const path = chunk.headingPath.slice(0, level + 1);
      const heading = path.at(-1) ?? chunk.headingPath.at(-1) ?? 'Introduction';
      const last = groups.at(-1);
      if (last && last.heading === heading) last.chunks.push(chunk);
      else groups.push({ heading, chunks: [chunk] });
    }
    if (groups.length > 1) return groups;
  }
  return undefined;
}

function pageGroups(chunks: GuideSource[], count: number): Group[] {
  const size = Math.max(1, Math.ceil(chunks.length / count));
  const groups: Group[] = [];
  for (let i = 0; i < chunks.length; i += size) {
    const part = chunks.slice(i, i + size);
    const from = part[0]!.pageStart;
    const to = part.at(-1)!.pageEnd;
    groups.push({ heading: from === to ? `Page ${from}` : `Pages ${from}–${to}`, chunks: part });
  }
  return groups;
}

function largest(groups: Group[], n: number): Group[] {
  const keep = new Set([...groups].sort((a, b) => b.chunks.length - a.chunks.length).slice(0, n));
  return groups.filter((group) => keep.has(group));
}

/** At most `n` items, evenly spaced from first to last. */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}
