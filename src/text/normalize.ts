/**
 * The one text normalisation for matching: quotes checked against their chunks (answers, quizzes,
 * flashcards), graded answers, distractors. The form is NFKC, lower case, typographic quotes and dashes
 * folded to ASCII, whitespace collapsed. PDF extraction and LLMs disagree on exactly these characters,
 * never on the words.
 */
import { isStopword, lightStem, words } from '../retrieval/text-analysis.ts';

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
const SPACES = /[\s\u00a0\u200b]+/g;
const SPACE_CHAR = /[\s\u00a0\u200b]/;

export function normalizeForMatch(text: string): string {
  return foldTypography(text.normalize('NFKC').toLowerCase()).replace(SPACES, ' ').trim();
}

function foldTypography(text: string): string {
  return text
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\u2026/g, '...');
}

/**
 * `normalizeForMatch` character by character, with `map[i]` the offset in `text` that `norm[i]` came
 * from, so a match in the normalised form can be cut from the original text verbatim.
 */
export function normalizeWithOffsets(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SPACE_CHAR.test(ch)) {
      if (norm !== '' && !norm.endsWith(' ')) {
        norm += ' ';
        map.push(i);
      }
      continue;
    }
    for (const c of foldTypography(ch.normalize('NFKC').toLowerCase())) {
      norm += c;
      map.push(i);
    }
  }
  if (norm.endsWith(' ')) {
    norm = norm.slice(0, -1);
    map.pop();
  }
  return { norm, map };
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Normalised, then stripped of surrounding punctuation: the form an answer is compared in. */
export function normalizeAnswer(text: string): string {
  return normalizeForMatch(text)
    .replace(/^[\s"'([{]+|[\s"'.,;:!?)\]}]+$/g, '')
    .replace(/^(?:the|a|an) /, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `needle` occurs in `haystack` as whole words, both normalised. "cell" is not found in
 * "cellulose"; "1419" is not found in "14190".
 */
export function containsPhrase(haystack: string, needle: string): boolean {
  const n = normalizeForMatch(needle);
  if (n === '') return false;
  const h = normalizeForMatch(haystack);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, 'u');
  return re.test(h);
}

/** Numbers as written, thousands separators removed: "1,862" and "1862" compare equal. */
export function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    out.push(m[0].replace(/,/g, ''));
  }
  return out;
}

/** Content words, light-stemmed, stopwords removed; numbers kept as written (without separators). */
export function contentTokens(text: string): string[] {
  const out: string[] = [];
  for (const w of words(normalizeForMatch(text).replace(/(\d),(?=\d{3}\b)/g, '$1'))) {
    if (isStopword(w)) continue;
    out.push(lightStem(w));
  }
  return out;
}

export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let common = 0;
  for (const t of sa) if (sb.has(t)) common++;
  return common / (sa.size + sb.size - common);
}

/** Word count the way a reader counts: whitespace-separated runs containing a letter or digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
