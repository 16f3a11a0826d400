/**
 * The offline guide writer: a section's key points are its most central sentences, quoted verbatim and
 * cited. A sentence scores by the idf-weighted frequency of its terms within the section (what the
 * section keeps talking about), with a bonus for definitions; MMR keeps the points from repeating each other.
 */
import { stripMarkers } from '../../conversations/engine/context-pack.ts';
import { overlap, sentencesOf, TermWeights } from '../../conversations/engine/passages.ts';
import { definitionIn } from '../../flashcards/engine/offline-drafter.ts';
import { wordCount } from '../../text/normalize.ts';
import type { GuideWriter, SectionRequest } from './types.ts';

const POINTER = /^(?:it|its|this|that|these|those|they|there|here|he|she|such|however|thus|also)\b/i;

interface Scored {
  text: string;
  source: number;
  terms: Set<string>;
  score: number;
}

export class ExtractiveGuideWriter implements GuideWriter {
  readonly name = 'offline-extractive';

  async writeSection(request: SectionRequest): Promise<string[]> {
    const perSource = request.sources.map((s) => sentencesOf(s.text));
    const all = perSource.flat();
    const weights = new TermWeights(all.map((s) => s.terms));
    const frequency = new Map<string, number>();
    for (const s of all) for (const t of s.terms) frequency.set(t, (frequency.get(t) ?? 0) + 1);
    const candidates: Scored[] = [];
    perSource.forEach((sentences, i) => {
      for (const s of sentences) {
        const words = wordCount(s.text);
        if (
          words < 6 ||
          words > 60 ||
          !/[.!]["'”’)]?$/.test(s.text) ||
          !/^["'“‘(]?[\p{Lu}\p{N}]/u.test(s.text)
        ) {
          continue;
        }
        let score = 0;
        for (const t of s.terms) score += Math.log(1 + (frequency.get(t) ?? 0)) * weights.weight(t);
        score /= Math.sqrt(Math.max(1, s.terms.size));
        if (definitionIn(s.text)) score *= 1.5;
        if (POINTER.test(s.text)) score *= 0.6;
        candidates.push({ text: s.text, source: i + 1, terms: s.terms, score });
      }
    });
    candidates.sort((a, b) => b.score - a.score);
    const picked: Scored[] = [];
    while (picked.length < request.maxPoints && candidates.length > 0) {
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      candidates.forEach((c, k) => {
        const redundancy = Math.max(0, ...picked.map((p) => overlap(p.terms, c.terms)));
        if (redundancy > 0.6) return;
        const value = 0.7 * c.score - 0.3 * redundancy * (candidates[0]?.score ?? 1);
        if (value > bestScore) {
          bestScore = value;
          best = k;
        }
      });
      if (best < 0) break;
      picked.push(...candidates.splice(best, 1));
    }
    // In reading order, as a student meets them.
    return picked
      .sort((a, b) => a.source - b.source)
      .map((p) => `${stripMarkers(p.text).trim()} [${p.source}]`);
  }
}
