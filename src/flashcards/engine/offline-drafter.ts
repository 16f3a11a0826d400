/**
 * The offline card engine, no model involved. Definitional sentences ("Photosynthesis is the process by
 * which ...", "X refers to ...", "... is called X") become term → definition cards whose back is the
 * definition as written; other key-fact sentences become cloze cards, the sentence with its key term (from
 * the room's vocabulary, as for quizzes) blanked out. The evidence quote is the sentence, verbatim.
 */
import { askableTerms, BLANK, isQuizSentence } from '../../quizzes/engine/offline-drafter.ts';
import type { QuizSourceChunk } from '../../quizzes/engine/types.ts';
import { buildVocabulary, proseSentences, type Vocabulary } from '../../quizzes/engine/vocabulary.ts';
import { normalizeForMatch, wordCount } from '../../text/normalize.ts';
import type { CardDraft, CardDrafter, CardDraftRequest } from './types.ts';

export interface OfflineCardDrafterOptions {
  /** The room's vocabulary (built from all its chunks); by default, built from the chunks drafted from. */
  vocabulary?: Vocabulary;
}

// A subject that only points elsewhere ("It is ...", "This approach is ...") defines nothing by itself.
const POINTER =
  /^(?:it|its|this|that|these|those|they|there|here|he|she|we|our|such|one|each|both|all|some|another|other|which|what|who)\b/i;
const ARTICLE = /^(?:the|a|an)\s+/i;
const TERM = String.raw`((?:[\p{L}\p{N}][\p{L}\p{N}'’-]*)(?:\s+[\p{L}\p{N}][\p{L}\p{N}'’-]*){0,4})`;
const DEFINITIONS: Array<{ re: RegExp; termFirst: boolean }> = [
  // "X is defined as Y", "X refers to Y", "X means Y", "X denotes Y"
  {
    re: new RegExp(
      String.raw`^(?:(?:the|a|an)\s+)?${TERM}(?:\s*\([^)]{1,40}\))?\s+(?:is|are)\s+(?:defined|described)\s+as\s+(.+)$`,
      'iu',
    ),
    termFirst: true,
  },
  {
    re: new RegExp(
      String.raw`^(?:(?:the|a|an)\s+)?${TERM}(?:\s*\([^)]{1,40}\))?\s+(?:refers?\s+to|means|denotes)\s+(.+)$`,
      'iu',
    ),
    termFirst: true,
  },
  // "X is a/an/the Y", "X are Y-s that ..."
  {
    re: new RegExp(
      String.raw`^(?:(?:the|a|an)\s+)?${TERM}(?:\s*\([^)]{1,40}\))?\s+(?:is|are)\s+((?:a|an|the|any|one)\s+.+)$`,
      'iu',
    ),
    termFirst: true,
  },
  // "Enzymes are proteins that ...": a bare plural is a definition when a relative clause says what kind.
  {
    re: new RegExp(
      String.raw`^${TERM}\s+are\s+((?:[\p{L}-]+\s+){1,2}(?:that|which|who|whose|used|made)\s+.+)$`,
      'iu',
    ),
    termFirst: true,
  },
  // "Y is called X", "Y is known as X"
  {
    re: new RegExp(String.raw`^(.+?)\s+(?:is|are)\s+(?:called|known\s+as|termed)\s+${TERM}$`, 'iu'),
    termFirst: false,
  },
];

interface Candidate {
  draft: CardDraft;
  score: number;
}

export class OfflineCardDrafter implements CardDrafter {
  readonly name = 'offline-definitions-cloze';
  private readonly vocabulary?: Vocabulary;
  /** Fronts drafted in earlier rounds: a later round offers other sentences. */
  private readonly drafted = new Set<string>();

  constructor(options: OfflineCardDrafterOptions = {}) {
    this.vocabulary = options.vocabulary;
  }

  async draft(input: CardDraftRequest): Promise<CardDraft[]> {
    const vocabulary = this.vocabulary ?? buildVocabulary(input.chunks.map((c) => c.text));
    for (const front of input.avoid) this.drafted.add(normalizeForMatch(front));
    const queues = input.chunks
      .map((chunk) => candidatesOf(chunk, vocabulary).filter((c) => !this.drafted.has(key(c.draft))))
      .filter((queue) => queue.length > 0);
    // Round-robin over chunks, starting somewhere else each round, so regenerated slots use other text.
    const start = queues.length ? (input.round - 1) % queues.length : 0;
    const order = [...queues.slice(start), ...queues.slice(0, start)];
    const out: CardDraft[] = [];
    while (out.length < input.count && order.some((queue) => queue.length > 0)) {
      for (const queue of order) {
        if (out.length >= input.count) break;
        const candidate = queue.shift();
        if (!candidate || this.drafted.has(key(candidate.draft))) continue;
        this.drafted.add(key(candidate.draft));
        out.push(candidate.draft);
      }
    }
    return out;
  }
}

const key = (draft: CardDraft) => normalizeForMatch(draft.front);

/** Cards one chunk offers, best first: definitions, then cloze cards on the most characteristic terms. */
function candidatesOf(chunk: QuizSourceChunk, vocabulary: Vocabulary): Candidate[] {
  const out: Candidate[] = [];
  for (const { text: sentence } of proseSentences(chunk.text)) {
    const evidence = { chunkId: chunk.chunkId, quote: sentence };
    const definition = definitionIn(sentence, vocabulary);
    if (definition) {
      out.push({ draft: { kind: 'DEFINITION', ...definition, evidence }, score: 10 });
      continue;
    }
    if (!isQuizSentence(sentence)) continue;
    const [term] = askableTerms(sentence, vocabulary).sort((a, b) => b.term.score - a.term.score);
    if (!term) continue;
    out.push({
      draft: {
        kind: 'CLOZE',
        front: sentence.slice(0, term.start) + BLANK + sentence.slice(term.end),
        back: term.surface,
        evidence,
      },
      score: term.term.score,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Term and definition of a definitional sentence, the definition as written; undefined for others. */
export function definitionIn(
  sentence: string,
  vocabulary?: Vocabulary,
): { front: string; back: string } | undefined {
  const n = wordCount(sentence);
  if (n < 5 || n > 45 || /[?]/.test(sentence)) return undefined;
  const body = sentence.replace(/[.!;:]["'”’)]?$/, '').trim();
  for (const { re, termFirst } of DEFINITIONS) {
    const m = re.exec(body);
    if (!m) continue;
    const term = (termFirst ? m[1]! : m[2]!.replace(ARTICLE, '')).trim();
    const definition = (termFirst ? m[2] : m[1])!.trim();
    if (!isTerm(term) || !isDefinition(definition)) continue;
    // "… is called X" defines X by a description that must itself stand alone: "A vacuole that …".
    if (!termFirst && !ARTICLE.test(definition)) continue;
    const rest = body.slice(body.indexOf(term) + term.length);
    const plural = /^\s*(?:\([^)]*\)\s*)?are\s/i.test(rest);
    const shown = displayTerm(term, sentence, vocabulary);
    return termFirst
      ? { front: `What ${plural ? 'are' : 'is'} ${shown}?`, back: definition }
      : { front: `What is the term for: ${lowerFirst(definition, sentence, vocabulary)}?`, back: term };
  }
  return undefined;
}

// Words that open a phrase about the text or a comparison, not the name of a concept.
const NOT_A_TERM = new Set(
  'every each any section chapter figure table result results case example first second third last next main best other one two three part step'.split(
    ' ',
  ),
);

function isTerm(term: string): boolean {
  if (POINTER.test(term) || term.length < 3 || /\d/.test(term)) return false;
  const words = term.split(/\s+/);
  if (words.length > 5 || NOT_A_TERM.has(words[0]!.toLowerCase())) return false;
  // "Lorna and Paul are a married couple" describes two things; it defines neither.
  if (words.some((w) => /^(?:and|or)$/i.test(w))) return false;
  // Mostly function words ("One of the", "Most of them") is not a name for anything.
  return words.some((w) => w.length >= 4 && !POINTER.test(w));
}

function isDefinition(definition: string): boolean {
  const n = wordCount(definition);
  // A definition cut at a formula or a list ("φ(x) =") is not one a student can learn.
  if (!/[\p{L}\p{N})]$/u.test(definition)) return false;
  return n >= 3 && n <= 35 && !POINTER.test(definition.replace(ARTICLE, ''));
}

/** The sentence's first word loses its capital unless it is a name or an acronym. */
function displayTerm(term: string, sentence: string, vocabulary?: Vocabulary): string {
  return sentence.startsWith(term) ? lowerFirst(term, sentence, vocabulary) : term;
}

function lowerFirst(text: string, sentence: string, vocabulary?: Vocabulary): string {
  if (!sentence.startsWith(text)) return text;
  const [first, ...rest] = text.split(/\s+/);
  // An acronym, or a phrase with capitals further on ("Annemarie Keith"), is a name: it keeps its capital.
  if (/^\p{Lu}{2,}/u.test(first!) || rest.some((w) => /^\p{Lu}/u.test(w))) return text;
  if (vocabulary?.termsIn(sentence).some((t) => t.kind === 'NAME' && t.start === 0)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
