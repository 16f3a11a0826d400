/**
 * A whole guide: each section's points written, then checked as answers are (verifyAnswer: every marker
 * must name a passage of the section, every citation gets a quote found verbatim in its chunk, every
 * sentence must be supported by the chunks it cites). A point that cites nothing valid or is not supported
 * is dropped. Citations are renumbered across the guide, so `[n]` means one passage everywhere.
 */
import { stripMarkers } from '../../conversations/engine/context-pack.ts';
import type { SourceChunk } from '../../conversations/engine/types.ts';
import { verifyAnswer } from '../../conversations/engine/verify.ts';
import type { HighlightBox } from '../../entities/flashcard.ts';
import { collapseWhitespace } from '../../text/normalize.ts';
import type { SectionDraft } from './sections.ts';
import type { GuideCitation, GuidePoint, GuideSection, GuideSource, GuideWriter } from './types.ts';

export interface WriteGuideOptions {
  title: string;
  sections: SectionDraft[];
  writer: GuideWriter;
  maxPoints?: number;
  /** Page label and boxes of a quote in its chunk (see src/flashcards/evidence.ts). */
  locate: (source: GuideSource, quote: string) => { pageLabel: string; highlights: HighlightBox[] };
  /** Called with the whole Markdown so far after each section. */
  onText?: (markdown: string) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface WrittenGuide {
  content: string;
  sections: GuideSection[];
  points: number;
  rejectedPoints: number;
}

export async function writeGuide(options: WriteGuideOptions): Promise<WrittenGuide> {
  const numbers = new Map<string, number>();
  const sections: GuideSection[] = [];
  let content = `# ${options.title}\n`;
  let points = 0;
  let rejectedPoints = 0;
  for (const section of options.sections) {
    options.signal?.throwIfAborted();
    const sources: SourceChunk[] = section.sources.map((s) => ({ ...s, score: 1 }));
    const drafts = await options.writer.writeSection({
      heading: section.heading,
      documentTitle: section.documentTitle,
      sources: section.sources,
      maxPoints: options.maxPoints ?? 4,
      signal: options.signal,
    });
    const kept: GuidePoint[] = [];
    for (const draft of drafts) {
      const verified = verifyAnswer(draft, sources);
      if (verified.citations.length === 0 || !verified.sentenceSupport.every((s) => s.supported)) {
        rejectedPoints++;
        continue;
      }
      const citations = verified.citations.map((c): GuideCitation => {
        const source = section.sources[c.index - 1]!;
        const index = numbers.get(c.chunkId) ?? numbers.size + 1;
        numbers.set(c.chunkId, index);
        return {
          index,
          chunk: { id: c.chunkId },
          document: { id: c.documentId },
          documentTitle: source.documentTitle,
          quote: c.quote,
          pageStart: c.pageStart,
          pageEnd: c.pageEnd,
          headingPath: source.headingPath,
          ...options.locate(source, c.quote),
          boxes: null,
        };
      });
      kept.push({
        text: collapseWhitespace(stripMarkers(verified.text)).replace(/\s+([.,;:!?])/g, '$1'),
        citations,
      });
    }
    if (kept.length === 0) continue;
    points += kept.length;
    sections.push({
      heading: section.heading,
      documentId: section.documentId,
      pageStart: section.pageStart,
      pageEnd: section.pageEnd,
      points: kept,
    });
    const pages =
      section.pageStart === section.pageEnd
        ? `p. ${section.pageStart}`
        : `pp. ${section.pageStart}–${section.pageEnd}`;
    content += `\n## ${section.heading}\n_${section.documentTitle}, ${pages}_\n\n`;
    for (const point of kept)
      content += `- ${point.text} ${point.citations.map((c) => `[${c.index}]`).join('')}\n`;
    await options.onText?.(content);
  }
  return { content, sections, points, rejectedPoints };
}
