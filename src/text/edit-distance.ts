/** Levenshtein distance over UTF-16 code units, in O(min(a, b)) memory. */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * Character error rate of OCR output against a reference transcription: edits / reference length, after
 * NFKC and with every whitespace run counted as one space (line breaks and layout are not errors).
 */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const ref = norm(reference);
  return ref.length === 0 ? 0 : editDistance(ref, norm(hypothesis)) / ref.length;
}
