export interface Span {
  start: number;
  end: number;
}

// Lowercased, without the final period. "etc" is absent on purpose: it ends sentences as often as not.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt vs cf al fig figs eq eqs ref refs sec secs ch chap no nos vol vols pp ' +
    'p ed eds approx dept univ inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec tab art ' +
    'e.g i.e a.m p.m u.s u.k ph.d z.b bzw ca nr abs'
  ).split(' '),
);

// Terminal punctuation plus closing quotes/brackets, then whitespace and an opening capital, digit or quote;
// CJK full stops need no space.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«([]?[\p{Lu}\p{Lo}\p{N}])|[。！？]+[」』”）]*/gu;

function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  let i = dot;
  while (i > 0 && !/\s/.test(text[i - 1])) i--;
  const word = text.slice(i, dot).replace(/^[("'“‘[]+/, '');
  if (word === '') return false;
  // Single initials ("J. R. Smith") and dotted abbreviations ("e.g.", "U.S.") do not end a sentence.
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Sentence spans of one line or paragraph, trimmed, relative to `text`. Decimals ("3.14") never match
 * because a boundary needs whitespace after the period.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const at = m.index ?? 0;
    if (isAbbreviation(text, at)) continue;
    const end = at + m[0].length;
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) spans.push({ start: s, end: e });
}
