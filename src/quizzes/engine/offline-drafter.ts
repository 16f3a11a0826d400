/**
 * The offline quiz engine: questions built from key terms in source sentences, no model involved. A good
 * sentence (8-40 words, declarative, holding a key term) becomes a cloze (short answer), a multiple choice
 * with same-kind distractors from the room's vocabulary, or a true/false statement (the sentence as is, or
 * with its term swapped for a distractor). The evidence quote is the sentence, verbatim.
 */

import type { Embedder } from '../../retrieval/ports.ts';
import { containsPhrase, contentTokens, wordCount } from '../../text/normalize.ts';
import { type AnswerTerm, pickDistractors } from './distractors.ts';
import { hashSeed, type Random, seededRandom, shuffled } from './random.ts';
import { TermSimilarity } from './term-similarity.ts';
import type { DraftRequest, QuestionDraft, QuestionKind, QuizDrafter, QuizSourceChunk } from './types.ts';
import { buildVocabulary, proseSentences, type Vocabulary } from './vocabulary.ts';

export interface OfflineDrafterOptions {
  seed?: number | string;
  /** The room's vocabulary (built from all its chunks); by default, built from the chunks drafted from. */
  vocabulary?: Vocabulary;
  /** Embeds the vocabulary so distractors are near the answer in meaning; by shape only without one. */
  embedder?: Embedder;
}

interface Candidate {
  chunk: QuizSourceChunk;
  sentence: string;
  terms: AnswerTerm[];
  score: number;
}

export const BLANK = '_____';
const CONTEXT_DEPENDENT = /^(?:it|its|this|that|these|those|they|their|he|she|his|her|such|here|there)\b/i;

/** 8-40 words, a statement (no question, no list lead-in), starting like a sentence. */
export function isQuizSentence(sentence: string): boolean {
  const n = wordCount(sentence);
  if (n < 8 || n > 40) return false;
  if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(sentence) || !/[.!]["'”’)]?$/.test(sentence)) return false;
  if (/[?]|\bet al\b|https?:|www\.|[{}=<>|\\]/.test(sentence)) return false;
  if ((sentence.match(/\(/g) ?? []).length !== (sentence.match(/\)/g) ?? []).length) return false;
  const tokens = sentence.split(/\s+/);
  const numeric = tokens.filter((t) => /\d/.test(t)).length;
  // Mostly capitalised words: an address, a title or a list of names, not a statement.
  const capitalised = tokens.filter((t) => /^\p{Lu}/u.test(t)).length;
  return numeric / tokens.length <= 0.25 && capitalised / tokens.length <= 0.5;
}

export class OfflineQuizDrafter implements QuizDrafter {
  readonly name = 'offline-terms';
  private readonly seed: number | string;
  private readonly vocabulary?: Vocabulary;
  private readonly embedder?: Embedder;
  /** Embedded once, on the first round, for the vocabulary of that round. */
  private similarity?: Promise<TermSimilarity | undefined>;

  constructor(options: OfflineDrafterOptions = {}) {
    this.seed = options.seed ?? 0;
    this.vocabulary = options.vocabulary;
    this.embedder = options.embedder;
  }

  async draft(input: DraftRequest): Promise<QuestionDraft[]> {
    const vocabulary = this.vocabulary ?? buildVocabulary(input.chunks.map((c) => c.text));
    if (this.embedder) this.similarity ??= TermSimilarity.of(vocabulary, this.embedder, input.signal);
    const similarity = await this.similarity;
    const random = seededRandom(hashSeed('offline', this.seed, input.round));
    const avoid = input.avoid.map((p) => new Set(contentTokens(p)));
    const queues = input.chunks
      .map((chunk) => candidatesOf(chunk, vocabulary, random).filter((c) => !usedBefore(c.sentence, avoid)))
      .filter((q) => q.length > 0);
    const kinds = input.kinds.length > 0 ? input.kinds : (['MULTIPLE_CHOICE'] as QuestionKind[]);
    const out: QuestionDraft[] = [];
    // Round-robin over chunks, starting somewhere else each round, so regenerated slots use other text.
    const start = queues.length ? (input.round - 1) % queues.length : 0;
    const order = [...queues.slice(start), ...queues.slice(0, start)];
    while (out.length < input.count && order.some((q) => q.length > 0)) {
      for (const queue of order) {
        if (out.length >= input.count) break;
        const candidate = queue.shift();
        if (!candidate) continue;
        const wanted = kinds[out.length % kinds.length];
        const tryOrder = [wanted, ...kinds.filter((k) => k !== wanted)];
        for (const kind of tryOrder) {
          const question = buildQuestion(kind, candidate, vocabulary, random, similarity);
          if (question) {
            out.push(question);
            break;
          }
        }
      }
    }
    return out;
  }
}

/** Key terms of a sentence that can be blanked out: not most of the sentence, and not written twice in it. */
export function askableTerms(sentence: string, vocabulary: Vocabulary): AnswerTerm[] {
  return vocabulary
    .termsIn(sentence)
    .filter((t) => t.end - t.start <= sentence.length * 0.5)
    .filter((t) => !containsPhrase(sentence.slice(0, t.start) + BLANK + sentence.slice(t.end), t.surface));
}

function candidatesOf(chunk: QuizSourceChunk, vocabulary: Vocabulary, random: Random): Candidate[] {
  const out: Candidate[] = [];
  for (const { text: sentence } of proseSentences(chunk.text)) {
    if (!isQuizSentence(sentence)) continue;
    const terms = askableTerms(sentence, vocabulary);
    if (terms.length === 0) continue;
    const ranked = terms
      .map((t) => ({ t, s: t.term.score * (t.kind === 'TERM' ? 1 : 1.4) * (0.7 + 0.6 * random()) }))
      .sort((a, b) => b.s - a.s)
      .map((x) => x.t);
    const n = wordCount(sentence);
    const shape = (CONTEXT_DEPENDENT.test(sentence) ? 0.6 : 1) * (n >= 12 && n <= 30 ? 1 : 0.8);
    out.push({
      chunk,
      sentence,
      terms: ranked,
      score: ranked[0].term.score * shape * (0.8 + 0.4 * random()),
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Whether an accepted prompt was made from this sentence (its words are nearly all in the sentence). */
function usedBefore(sentence: string, avoid: Set<string>[]): boolean {
  const words = new Set(contentTokens(sentence));
  return avoid.some((prompt) => {
    if (prompt.size === 0) return false;
    let inside = 0;
    for (const w of prompt) if (words.has(w)) inside++;
    return inside / prompt.size >= 0.7;
  });
}

function buildQuestion(
  kind: QuestionKind,
  candidate: Candidate,
  vocabulary: Vocabulary,
  random: Random,
  similarity?: TermSimilarity,
): QuestionDraft | undefined {
  const { sentence, chunk } = candidate;
  const evidence = { chunkId: chunk.chunkId, quote: sentence };
  for (const term of candidate.terms.slice(0, 3)) {
    const blanked = sentence.slice(0, term.start) + BLANK + sentence.slice(term.end);
    const cites = `The source says: "${sentence}"`;
    if (kind === 'SHORT_ANSWER') {
      return {
        kind,
        prompt: `Fill in the blank: ${blanked}`,
        options: [],
        answer: term.surface,
        explanation: cites,
        evidence,
        difficulty: 'hard',
      };
    }
    if (kind === 'MULTIPLE_CHOICE') {
      const distractors = pickDistractors(term, sentence, vocabulary, random, 3, similarity);
      if (!distractors) continue;
      return {
        kind,
        prompt: `Which option completes the statement? ${blanked}`,
        options: shuffled([term.surface, ...distractors], random),
        answer: term.surface,
        explanation: cites,
        evidence,
        difficulty: 'medium',
      };
    }
    const tf = { kind, options: ['True', 'False'], evidence, difficulty: 'easy' as const };
    const swap =
      random() < 0.5 ? pickDistractors(term, sentence, vocabulary, random, 1, similarity)?.[0] : undefined;
    if (swap) {
      const statement = sentence.slice(0, term.start) + swap + sentence.slice(term.end);
      return {
        ...tf,
        prompt: `True or false: ${statement}`,
        answer: 'False',
        explanation: `False: the source gives ${term.surface}, not ${swap}. ${cites}`,
      };
    }
    return { ...tf, prompt: `True or false: ${sentence}`, answer: 'True', explanation: `True. ${cites}` };
  }
  return undefined;
}
