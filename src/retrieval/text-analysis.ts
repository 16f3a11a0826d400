/**
 * The one analyser shared by BM25 and the local embedder, so lexical and hashed-vector features agree on
 * what a "term" is. Deliberately light: NFKC + lowercase, Unicode letter/digit runs, English stopwords and a
 * minimal suffix stemmer (plurals, -ing, -ed). Aggressive stemmers (Porter) conflate too much for short
 * scientific text; this is the "light stemming" the DESIGN.md SciFact baseline (BM25 0.666) used.
 */

// Lucene's English stop set plus a few very common function words; short on purpose, since a long list
// removes terms that matter in claims ("not", "no" are kept: negation changes the meaning of a claim).
const STOPWORDS = new Set(
  (
    'a an and are as at be but by for if in into is it its of on or such that the their then there these ' +
    'they this to was will with from were been has have had which who whom whose what when where why how ' +
    'than those them so our we us you your he she his her i me my do does did can could would should may ' +
    'might also about after before between both each more most other some same very via'
  ).split(' '),
);

// Runs of Unicode letters/digits; apostrophes and hyphens split words so "TNF-alpha" -> "tnf", "alpha".
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Minimal English stemmer: undoes inflection only (plural, -ing, -ed); leaves derivation alone. */
export function lightStem(word: string): string {
  const n = word.length;
  if (n <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && n > 4 && !word.endsWith('eies') && !word.endsWith('aies')) {
    return `${word.slice(0, -3)}y`;
  }
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('es') && n > 4 && /(?:sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && n > 5 && /[aeiouy]/.test(word.slice(0, -3))) {
    return undouble(word.slice(0, -3));
  }
  if (word.endsWith('ed') && n > 4 && !word.endsWith('eed') && /[aeiouy]/.test(word.slice(0, -2))) {
    return undouble(word.slice(0, -2));
  }
  if (word.endsWith('s') && !/(?:ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

// "stopped" -> "stopp" -> "stop"; keeps "ll"/"ss"/"zz" which are usually part of the root ("called").
function undouble(stem: string): string {
  const n = stem.length;
  if (n > 2 && stem[n - 1] === stem[n - 2] && !'lsz'.includes(stem[n - 1])) return stem.slice(0, -1);
  return stem;
}

/** Lowercased, NFKC-normalised word tokens, stopwords kept (n-gram features want adjacency). */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN_RE) ?? [];
}

/** The analysed terms BM25 indexes: words minus stopwords, light-stemmed. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w)) continue;
    out.push(lightStem(w));
  }
  return out;
}
