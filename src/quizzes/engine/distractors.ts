/**
 * Wrong options of the same kind as the answer: other names for a name, other technical terms for a term
 * (same shape: acronym for acronym, one word for one word), nearest in meaning when the room's terms are
 * embedded (TermSimilarity), and for numbers, years and percentages values that are close but different,
 * written in the answer's own format and unit.
 */

import { containsPhrase, contentTokens } from '../../text/normalize.ts';
import { type Random, shuffled } from './random.ts';
import type { TermSimilarity } from './term-similarity.ts';
import type { TermCandidate, Vocabulary, VocabularyTerm } from './vocabulary.ts';

export type AnswerTerm = TermCandidate & { term: VocabularyTerm };

/** `count` distractors for the answer term of `sentence`, or undefined if the room has too few. */
export function pickDistractors(
  answer: AnswerTerm,
  sentence: string,
  vocabulary: Vocabulary,
  random: Random,
  count = 3,
  similarity?: TermSimilarity,
): string[] | undefined {
  const numeric = answer.kind === 'NUMBER' || answer.kind === 'YEAR' || answer.kind === 'PERCENT';
  const picked = numeric
    ? numericDistractors(answer, sentence, vocabulary, random, count)
    : wordDistractors(answer, sentence, vocabulary, random, count, similarity);
  return picked.length >= count ? picked.slice(0, count) : undefined;
}

function wordDistractors(
  answer: AnswerTerm,
  sentence: string,
  vocabulary: Vocabulary,
  random: Random,
  count: number,
  similarity?: TermSimilarity,
): string[] {
  const answerTokens = new Set(contentTokens(answer.surface));
  const answerLower = answer.surface.toLowerCase();
  const ranked = vocabulary
    .ofKind(answer.kind)
    .filter((t) => {
      if (t.key === answer.term.key || Boolean(t.acronym) !== Boolean(answer.term.acronym)) return false;
      const lower = t.text.toLowerCase();
      if (lower.includes(answerLower) || answerLower.includes(lower)) return false;
      // Sharing a content word ("Prince Henry" / "Henry the Navigator") makes a near-synonym.
      if (contentTokens(t.text).some((w) => answerTokens.has(w))) return false;
      if (containsPhrase(sentence, t.text)) return false;
      // Nearly the same meaning ("heart attack" / "myocardial infarction") would be a second right answer.
      return (similarity?.of(t, answer.term) ?? 0) < NEAR_SYNONYM;
    })
    .map((t) => {
      // Closer first: from the same text (same topic), same number of words, both plural or both not,
      // similar length; then by how characteristic of the room it is. With embeddings, nearness in meaning
      // leads: a small model's cosines between single terms spread over ~0.2, so 0.03 more counts as much
      // as one word fewer of difference, and the shape rules break ties.
      const shape =
        (sharesText(t, answer.term) ? 0 : 4) +
        Math.abs(t.words - answer.term.words) * 3 +
        (plural(t.text) === plural(answer.surface) ? 0 : 1) +
        Math.abs(t.text.length - answer.surface.length) / 6;
      const cosine = similarity?.of(t, answer.term);
      return { t, distance: cosine === undefined ? shape : 100 * (1 - cosine) + shape / 2 };
    })
    .sort((a, b) => a.distance - b.distance || b.t.score - a.t.score);
  // The draw is random among the nearest distinct texts, for variety: by shape among twice as many as
  // needed; by meaning only among those about as near as the `count`-th nearest (within 0.03 of cosine),
  // since past the few near ones the next are already off topic.
  const nearest: Array<{ text: string; distance: number }> = [];
  const seen = new Set<string>();
  for (const { t, distance } of ranked) {
    const key = contentTokens(t.text).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    nearest.push({ text: t.text, distance });
  }
  const cutoff = similarity ? (nearest[count - 1]?.distance ?? 0) + 3 : Number.POSITIVE_INFINITY;
  const pool = nearest.slice(0, count * 2 + 2).filter((x) => x.distance <= cutoff);
  return shuffled(
    pool.map((x) => x.text),
    random,
  ).slice(0, count);
}

const NEAR_SYNONYM = 0.93;

function sharesText(a: VocabularyTerm, b: VocabularyTerm): boolean {
  for (const i of a.texts) if (b.texts.has(i)) return true;
  return false;
}

function plural(text: string): boolean {
  return /[^s]s$/.test(text);
}

function numericDistractors(
  answer: AnswerTerm,
  sentence: string,
  vocabulary: Vocabulary,
  random: Random,
  count: number,
): string[] {
  const value = answer.value ?? 0;
  const out: string[] = [];
  const used = new Set<number>([value]);
  const add = (v: number, text: string) => {
    if (used.has(v) || out.length >= count || containsPhrase(sentence, text)) return;
    used.add(v);
    out.push(text);
  };
  // Values the room itself mentions, if close enough to be plausible, make the best distractors.
  const close = vocabulary
    .ofKind(answer.kind)
    .filter((t) => t.unit === answer.unit && t.value !== undefined && plausible(answer.kind, value, t.value))
    .map((t) => t.value!);
  for (const v of shuffled(close, random).slice(0, 1)) add(v, formatLike(answer.surface, v));
  for (const v of nearbyValues(answer.kind, value, answer.surface, random))
    add(v, formatLike(answer.surface, v));
  return out;
}

function plausible(kind: string, a: number, b: number): boolean {
  if (a === b) return false;
  if (kind === 'YEAR') return Math.abs(a - b) <= 60;
  if (a <= 0 || b <= 0) return false;
  return Math.max(a, b) / Math.min(a, b) <= 3;
}

/** Close but different values, shuffled; integers stay integers, decimals keep their precision. */
function nearbyValues(kind: string, value: number, surface: string, random: Random): number[] {
  const decimals = surface.match(/\d\.(\d+)/)?.[1].length ?? 0;
  const round = (v: number) => Number(v.toFixed(decimals));
  let candidates: number[];
  if (kind === 'YEAR') {
    candidates = [-30, -18, -11, -7, -4, 3, 6, 9, 14, 22].map((d) => value + d).filter((y) => y <= 2100);
  } else if (value < 10 && decimals === 0) {
    candidates = [-3, -2, -1, 1, 2, 3, 4].map((d) => value + d).filter((v) => v >= 0);
  } else {
    candidates = [0.5, 0.6, 0.75, 1.25, 1.4, 1.5, 2, 2.5].map((f) => niceRound(value * f, value, decimals));
  }
  if (kind === 'PERCENT') candidates = candidates.filter((v) => v > 0 && v <= 100);
  return shuffled(
    candidates.map(round).filter((v) => v !== value),
    random,
  );
}

/** Rounds to the answer's own granularity: 1,862 → whole numbers; 40,000 → thousands; 2.5 → tenths. */
function niceRound(v: number, original: number, decimals: number): number {
  if (decimals > 0) return v;
  const zeros = String(Math.round(original)).match(/0*$/)?.[0].length ?? 0;
  const step = 10 ** Math.min(zeros, Math.max(0, String(Math.round(v)).length - 1));
  return Math.max(step, Math.round(v / step) * step);
}

/** The answer's surface with its number replaced: keeps currency, unit, spacing and digit grouping. */
export function formatLike(surface: string, value: number): string {
  const m = surface.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/);
  if (!m) return String(value);
  const digits = m[0];
  const decimals = digits.match(/\.(\d+)/)?.[1].length ?? 0;
  const grouped = digits.includes(',');
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return surface.slice(0, m.index) + text + surface.slice((m.index ?? 0) + digits.length);
}
