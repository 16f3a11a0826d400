/**
 * Key terms of a room's text, each labelled with a kind so distractors can be of the same kind: numbers
 * with numbers (and the same unit), years with years, percentages with percentages, proper names with
 * proper names, technical terms with technical terms. Only prose sentences are scanned; headings and table
 * rows would contribute noise.
 */

import { isStopword, lightStem } from '../../retrieval/text-analysis.ts';
import { normalizeForMatch, wordCount } from '../../text/normalize.ts';
import { splitSentences } from '../../text/sentences.ts';

export type TermKind = 'NUMBER' | 'YEAR' | 'PERCENT' | 'NAME' | 'TERM';

export interface TermCandidate {
  /** As written in the text. */
  surface: string;
  /** What occurrences are grouped by (normalised; stemmed for technical terms). */
  key: string;
  kind: TermKind;
  start: number;
  end: number;
  value?: number;
  /** Numbers: the unit after them ('metres', '%', 'million') or the currency before them ('€'); '' if none. */
  unit?: string;
  acronym?: boolean;
}

export interface VocabularyTerm {
  text: string;
  key: string;
  kind: TermKind;
  count: number;
  /** In how many of the texts it occurs. */
  spread: number;
  /** Frequency times inverse spread: higher is more characteristic of the room. */
  score: number;
  words: number;
  /** Indices of the texts it occurs in: terms that share a text make more plausible distractors. */
  texts: ReadonlySet<number>;
  value?: number;
  unit?: string;
  acronym?: boolean;
}

const UNITS =
  'mm cm m km km2 km² m2 m² m3 ml l kg g mg µg μg t kb mb gb tb kbit mbit ms s min h hz khz mhz ghz kw mw w v ' +
  'mph kph °c °f k ha acres acre metres meters metre meter kilometres kilometers kilometre kilometer miles ' +
  'mile feet foot inches inch tonnes tons tonne ton grams gram kilograms litres liters degrees degree ' +
  'seconds second minutes minute hours hour days day weeks week months month years year decades centuries ' +
  'million billion trillion thousand hundred people inhabitants residents species votes members pages ' +
  'percent times fold x bytes bits instructions cores threads calories calorie joules volts watts';
const UNIT_SET = new Set(UNITS.split(' '));
const NUMBER_PREFIX_WORDS = new Set(
  'figure fig table section sec chapter ch page p pp eq equation step line lines version v no item part article'.split(
    ' ',
  ),
);
const NAME_CONNECTORS = new Set([
  'of',
  'de',
  'da',
  'do',
  'dos',
  'das',
  'the',
  'von',
  'van',
  'la',
  'le',
  'del',
  'di',
]);
const NOT_NAMES = new Set(
  (
    'january february march april may june july august september october november december monday tuesday ' +
    'wednesday thursday friday saturday sunday i however therefore thus moreover furthermore although ' +
    'because while when where which what whether since after before during figure table section chapter ' +
    'abstract introduction conclusion conclusions references appendix note example yes no'
  ).split(' '),
);
const ORDINALS =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+teenth|\w+tieth|century|centuries)$/;
const ROMAN = /^(?:[IVXLC]+)$/;
// General words that pass the length and stopword filters but make poor quiz terms.
const COMMON = new Set(
  (
    'also although another approach based became become becomes begin began being called case cases ' +
    'certain chapter common consider considered could describe described different does doing done during ' +
    'each either even every example examples fact figure first following form forms found general given ' +
    'good great have having here high higher however important include includes including instead known ' +
    'large larger last later least less level little long lower made main make makes making many means ' +
    'might more most much must need needs never often only order other others over paper part parts ' +
    'particular perhaps place point possible present provide provides provided rather really result results ' +
    'same second section seem seems several shall should show shown shows similar simple since small some ' +
    'something specific still such take taken than that their them then there therefore these they thing ' +
    'things third this those though through time times today under until upon used uses using usually ' +
    'various very well were what when where whether which while whole will within without work works ' +
    'would year years yet able across against along among around away back below better between beyond ' +
    'cannot done else enough ever further given going hand just kind kinds like likely mean means number ' +
    'numbers once people person question questions reason same sense side state states together toward ' +
    'towards true type types value values whose world become allow allows allowed require requires required'
  ).split(' '),
);

/** Prose lines of a text: enough words and ending like a sentence (headings and table rows are not). */
export function proseSentences(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const span of splitSentences(line)) {
      const sentence = line.slice(span.start, span.end);
      if (wordCount(sentence) >= 6 && /[.!?:;)"'”’]$/.test(sentence) && !line.includes(' | ')) {
        out.push({ text: sentence, start: offset + span.start });
      }
    }
    offset += line.length + 1;
  }
  return out;
}

// Not part of an identifier ("2018-23-51", "737-8", "v8", "H2SO4") or of a dotted number ("1.2.3").
const NUMERIC =
  /(?<![\p{L}\p{N}.,/\-–—])([$€£¥]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{L}\p{N}]|[.,]\d|\s?[-–—/]\s?\d)/gu;

function scanNumbers(sentence: string, out: TermCandidate[]): void {
  for (const m of sentence.matchAll(NUMERIC)) {
    const start = m.index ?? 0;
    const digits = m[2];
    const value = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const before = sentence
      .slice(0, start)
      .match(/([\p{L}.]+)\s*$/u)?.[1]
      ?.toLowerCase()
      .replace(/\.$/, '');
    if (before && NUMBER_PREFIX_WORDS.has(before)) continue;
    let end = start + m[0].length;
    const rest = sentence.slice(end);
    const currency = m[1]?.trim() ?? '';
    const percent = rest.match(/^\s?(?:%|percent\b|per cent\b)/);
    if (percent) {
      end += percent[0].length;
      out.push(numeric(sentence, start, end, 'PERCENT', value, '%'));
      continue;
    }
    const unit = rest.match(/^[\s\u00a0]?([\p{L}°µμ²³]+[\p{L}²³]*)/u);
    const unitWord = unit?.[1].toLowerCase();
    if (unit && unitWord && UNIT_SET.has(unitWord)) {
      end += unit[0].length;
      out.push(numeric(sentence, start, end, 'NUMBER', value, unitWord));
      continue;
    }
    if (!currency && /^\d{4}$/.test(digits) && value >= 1000 && value <= 2100) {
      out.push(numeric(sentence, start, end, 'YEAR', value, ''));
      continue;
    }
    // Bare small integers are mostly list counts and references; keep them only with a currency sign.
    if (currency || value >= 10 || digits.includes('.')) {
      out.push(numeric(sentence, start, end, 'NUMBER', value, currency));
    }
  }
}

function numeric(
  sentence: string,
  start: number,
  end: number,
  kind: TermKind,
  value: number,
  unit: string,
): TermCandidate {
  const surface = sentence.slice(start, end);
  return { surface, key: `${kind}:${value}:${unit}`, kind, start, end, value, unit };
}

const WORD = /[\p{L}][\p{L}'’-]*[\p{L}]|[\p{L}]/gu;

function scanWords(sentence: string, out: TermCandidate[]): void {
  const tokens = [...sentence.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const isCap = (w: string) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(w) || /^\p{Lu}{2,}$/u.test(w);
  const adjacent = (a: { end: number }, b: { start: number }) =>
    /^[\s]+$/.test(sentence.slice(a.end, b.start));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.text.toLowerCase();
    if (/^\p{Lu}{2,}\d*s?$/u.test(t.text) && !ROMAN.test(t.text) && t.text.length <= 8) {
      out.push({
        surface: t.text,
        key: `TERM:${t.text}`,
        kind: 'TERM',
        start: t.start,
        end: t.end,
        acronym: true,
      });
      continue;
    }
    if (isCap(t.text) && !/^\p{Lu}{2,}$/u.test(t.text)) {
      // A run of capitalised words, possibly joined by "of", "de", "the"...
      let j = i;
      let last = i;
      while (j + 1 < tokens.length && adjacent(tokens[j], tokens[j + 1])) {
        const next = tokens[j + 1].text;
        if (isCap(next) && !/^\p{Lu}{2,}$/u.test(next)) {
          j++;
          last = j;
        } else if (NAME_CONNECTORS.has(next) && j + 2 < tokens.length && isCap(tokens[j + 2].text)) {
          j++;
        } else break;
      }
      let first = i;
      // A sentence-initial function word ("The", "In") is not part of the name, and neither is a capitalised
      // common noun before a connector ("Settlement of Madeira").
      if (t.start === 0 && (isStopword(lower) || NOT_NAMES.has(lower) || COMMON.has(lower))) first = i + 1;
      else if (t.start === 0 && last > i && NAME_CONNECTORS.has(tokens[i + 1].text)) first = i + 2;
      const parts = tokens.slice(first, last + 1);
      if (parts.length > 0 && parts.length <= 5) {
        const surface = sentence.slice(parts[0].start, parts[parts.length - 1].end);
        const single = parts.length === 1 ? parts[0].text.toLowerCase() : '';
        if (!NOT_NAMES.has(single) && !(single && (isStopword(single) || COMMON.has(single)))) {
          out.push({
            surface,
            key: `NAME:${normalizeForMatch(surface)}`,
            kind: 'NAME',
            start: parts[0].start,
            end: parts[parts.length - 1].end,
          });
        }
      }
      i = last;
      continue;
    }
    if (!isTermWord(t.text)) continue;
    out.push({ surface: t.text, key: `TERM:${lightStem(lower)}`, kind: 'TERM', start: t.start, end: t.end });
    const next = tokens[i + 1];
    if (next && adjacent(t, next) && isTermWord(next.text)) {
      out.push({
        surface: sentence.slice(t.start, next.end),
        key: `TERM:${lightStem(lower)} ${lightStem(next.text.toLowerCase())}`,
        kind: 'TERM',
        start: t.start,
        end: next.end,
      });
    }
  }
}

function isTermWord(word: string): boolean {
  if (!/^\p{Ll}[\p{Ll}-]*\p{Ll}$/u.test(word) || word.length < 5) return false;
  if (UNIT_SET.has(word) || ORDINALS.test(word)) return false;
  return !isStopword(word) && !COMMON.has(word) && !/(?:ly|ed)$/.test(word);
}

/** Every term-like span of one sentence, in order; the vocabulary decides which of them are key terms. */
export function scanSentence(sentence: string): TermCandidate[] {
  const out: TermCandidate[] = [];
  scanNumbers(sentence, out);
  scanWords(sentence, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

export class Vocabulary {
  readonly terms: VocabularyTerm[];
  private readonly byKey: Map<string, VocabularyTerm>;

  constructor(terms: VocabularyTerm[]) {
    this.terms = terms;
    this.byKey = new Map(terms.map((t) => [t.key, t]));
  }

  get(key: string): VocabularyTerm | undefined {
    return this.byKey.get(key);
  }

  ofKind(kind: TermKind): VocabularyTerm[] {
    return this.terms.filter((t) => t.kind === kind);
  }

  /** The key terms of one sentence, each with its position (from scanSentence, filtered). */
  termsIn(sentence: string): Array<TermCandidate & { term: VocabularyTerm }> {
    const out: Array<TermCandidate & { term: VocabularyTerm }> = [];
    for (const c of scanSentence(sentence)) {
      const term = this.byKey.get(c.key);
      if (term) out.push({ ...c, term });
    }
    // "carbon" inside "carbon dioxide" is not a term of its own there.
    return out.filter(
      (a) =>
        !out.some(
          (b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start,
        ),
    );
  }
}

interface Tally {
  surfaces: Map<string, number>;
  count: number;
  texts: Set<number>;
  kind: TermKind;
  value?: number;
  unit?: string;
  acronym?: boolean;
  midSentence: boolean;
}

/** Builds the vocabulary of a room from its texts (typically its chunks). */
export function buildVocabulary(texts: readonly string[], options: { maxTerms?: number } = {}): Vocabulary {
  const tallies = new Map<string, Tally>();
  const lowercaseWords = new Map<string, number>();
  texts.forEach((text, index) => {
    for (const sentence of proseSentences(text)) {
      for (const w of sentence.text.match(/\b\p{Ll}+\b/gu) ?? []) {
        lowercaseWords.set(w, (lowercaseWords.get(w) ?? 0) + 1);
      }
      for (const c of scanSentence(sentence.text)) {
        let tally = tallies.get(c.key);
        if (!tally) {
          tally = { surfaces: new Map(), count: 0, texts: new Set(), kind: c.kind, midSentence: false };
          tally.value = c.value;
          tally.unit = c.unit;
          tally.acronym = c.kind === 'TERM' ? c.acronym : undefined;
          tallies.set(c.key, tally);
        }
        tally.count++;
        tally.texts.add(index);
        tally.surfaces.set(c.surface, (tally.surfaces.get(c.surface) ?? 0) + 1);
        if (c.start > 0) tally.midSentence = true;
      }
    }
  });
  const n = Math.max(1, texts.length);
  const terms: VocabularyTerm[] = [];
  for (const [key, t] of tallies) {
    const text = [...t.surfaces].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const words = text.split(/\s+/).length;
    if (t.kind === 'NAME') {
      // A capitalised word seen only at sentence starts, or more often in lower case, is not a name.
      if (words === 1 && !t.midSentence) continue;
      if (words === 1 && (lowercaseWords.get(text.toLowerCase()) ?? 0) >= t.count) continue;
    }
    if (t.kind === 'TERM' && !t.acronym) {
      if (words === 1 && t.count < 2 && text.length < 9) continue;
      if (words === 2 && t.count < 2) continue;
    }
    const idf = Math.log(1 + n / t.texts.size);
    const weight = t.kind === 'TERM' ? 1 : 1.5;
    terms.push({
      text,
      key,
      kind: t.kind,
      count: t.count,
      spread: t.texts.size,
      score: weight * Math.log(1 + t.count) * idf * (words > 1 ? 1.3 : 1),
      words,
      texts: t.texts,
      value: t.value,
      unit: t.unit,
      acronym: t.acronym,
    });
  }
  // A word seen mostly inside one two-word term ("dioxide" in "carbon dioxide") is not a term by itself.
  const bigramCounts = new Map<string, number>();
  for (const t of terms) {
    if (t.kind !== 'TERM' || t.words !== 2) continue;
    for (const part of t.key.slice(5).split(' ')) {
      bigramCounts.set(part, Math.max(bigramCounts.get(part) ?? 0, t.count));
    }
  }
  const kept = terms.filter(
    (t) => t.kind !== 'TERM' || t.words !== 1 || (bigramCounts.get(t.key.slice(5)) ?? 0) < t.count * 0.75,
  );
  kept.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  // Technical terms are capped; names and numbers are few and all useful as distractors.
  const maxTerms = options.maxTerms ?? 400;
  let technical = 0;
  return new Vocabulary(kept.filter((t) => t.kind !== 'TERM' || technical++ < maxTerms));
}
